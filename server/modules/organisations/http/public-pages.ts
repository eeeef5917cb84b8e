import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Locale } from '../../../../shared/contracts/common.ts'
import { anonymousActor } from '../../../platform/authz/actor.ts'
import type { Clock } from '../../../platform/clock.ts'
import type { Database } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { resolveLocale } from '../../../platform/ssr/index.ts'
import type { PageRenderer } from '../../../platform/ssr/types.ts'
import { getProgramme } from '../../programmes/index.ts'
import { profileSolutions, readPublicProfile } from '../queries/public-profile.ts'

type Deps = { db: Database; clock: Clock; renderer: PageRenderer; publicUrl: string }

function localeOf(req: FastifyRequest): Locale {
  return resolveLocale({
    query: (req.query as { lang?: string } | undefined)?.lang ?? null,
    cookieHeader: req.headers.cookie ?? null,
    acceptLanguage: req.headers['accept-language'] ?? null,
  })
}

async function send(reply: FastifyReply, html: string, locale: Locale, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-language', locale)
    .send(html)
}

/**
 * `/organisations/:publicRef`: an organisation's public page, server-rendered with Open Graph tags.
 * It is the PUBLIC view, rendered for an anonymous caller whoever asks (a signed-in member sees the
 * full profile in the app): a members-only profile is a 404 page here, an anonymous one shows no name,
 * logo, website, region or founding year — not in the body, the head, the OG tags or the embedded props.
 */
export async function mountProfilePages(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get<{ Params: { publicRef: string } }>(
    '/organisations/:publicRef',
    { schema: { hide: true } },
    async (req, reply) => {
      const programme = await getProgramme(deps.db, deps.clock.now())
      const programmeRef = programme ? { acronym: programme.acronym, name: programme.name } : null
      const locale = localeOf(req)
      const url = new URL(`/organisations/${encodeURIComponent(req.params.publicRef)}`, deps.publicUrl).href
      let found: Awaited<ReturnType<typeof readPublicProfile>>
      try {
        found = await readPublicProfile(deps.db, anonymousActor, req.params.publicRef.slice(0, 20))
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'organisation_not_found')) throw err
        // The 404 page does not echo the address asked for (it may be an id guessed from elsewhere).
        const home = new URL('/', deps.publicUrl).href
        const html = await deps.renderer.renderPage('not-found', { programme: programmeRef }, locale, home)
        return send(reply, html, locale, 404)
      }
      const solutions = await profileSolutions(deps.db, anonymousActor, found.row)
      const props = { programme: programmeRef, profile: found.profile, solutions }
      return send(reply, await deps.renderer.renderPage('organisation-profile', props, locale, url), locale)
    },
  )
}
