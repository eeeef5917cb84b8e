import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  type CatalogueFormValues,
  type CatalogueQuery,
  type ChallengeSolutions,
  catalogueQuery,
} from '../../../../shared/contracts/catalogue.ts'
import type { Locale } from '../../../../shared/contracts/common.ts'
import { anonymousActor } from '../../../platform/authz/actor.ts'
import type { Clock } from '../../../platform/clock.ts'
import type { Database, Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { resolveLocale } from '../../../platform/ssr/index.ts'
import type { PageRenderer } from '../../../platform/ssr/types.ts'
import { getProgramme } from '../../programmes/index.ts'
import { solutionsForChallenge } from '../queries/catalogue/challenge-solutions.ts'
import { getCatalogueSolution } from '../queries/catalogue/detail.ts'
import { catalogueFacets } from '../queries/catalogue/facets.ts'
import { listCatalogue } from '../queries/catalogue/list.ts'
import { programmeTrlWindow } from '../queries/trl-window.ts'

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
 * The query of the search form; a field that does not parse is dropped rather than failing the page.
 * On pages `?lang=` is the page's language (the layout's language links), so the form names the
 * query's language `qlang`; it is the API's `lang`.
 */
export function parseSolutionQuery(raw: Record<string, unknown>): CatalogueQuery {
  const { lang: _pageLanguage, qlang, ...rest } = raw
  const input: Record<string, unknown> = { ...rest, ...(qlang === undefined ? {} : { lang: qlang }) }
  for (let attempt = 0; attempt < 12; attempt++) {
    const r = catalogueQuery.safeParse(input)
    if (r.success) return r.data
    for (const issue of r.error.issues) delete input[String(issue.path[0])]
  }
  return catalogueQuery.parse({})
}

function formValues(q: CatalogueQuery): CatalogueFormValues {
  const s = (v: string | number | undefined) => (v === undefined ? '' : String(v))
  return {
    q: s(q.q),
    qlang: s(q.lang),
    domain: s(q.domain),
    challenge: s(q.challenge),
    trlMin: s(q.trlMin),
    trlMax: s(q.trlMax),
    type: s(q.type),
    country: s(q.country),
    sme: s(q.sme),
    tag: s(q.tag),
    sort: s(q.sort),
  }
}

const programmeRef = (p: { acronym: string; name: string }) => ({ acronym: p.acronym, name: p.name })

/**
 * The public catalogue, rendered on the server: `/solutions` (a GET search form that works without
 * JavaScript, facet counts, paging) and `/solutions/:reference` (shareable, with Open Graph tags). They
 * are the PUBLIC view, rendered for an anonymous caller whoever asks (members search in the app): a
 * members-only solution is a 404 page here, an anonymous owner is named nowhere — body, head, OG tags
 * or embedded props.
 */
export async function mountSolutionPages(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/solutions', { schema: { hide: true } }, async (req, reply) => {
    const programme = await getProgramme(deps.db, deps.clock.now())
    const query = parseSolutionQuery((req.query ?? {}) as Record<string, unknown>)
    const [result, facets] = await Promise.all([
      listCatalogue(deps.db, anonymousActor, query),
      catalogueFacets(deps.db, anonymousActor, query),
    ])
    const locale = localeOf(req)
    const props = {
      programme: programme ? programmeRef(programme) : { acronym: 'Cascade', name: 'Cascade' },
      filters: formValues(query),
      result,
      facets,
    }
    const url = new URL(req.url, deps.publicUrl).href
    return send(reply, await deps.renderer.renderPage('solution-list', props, locale, url), locale)
  })

  app.get<{ Params: { reference: string } }>(
    '/solutions/:reference',
    { schema: { hide: true } },
    async (req, reply) => {
      const [programme, trlWindow] = await Promise.all([
        getProgramme(deps.db, deps.clock.now()),
        programmeTrlWindow(deps.db),
      ])
      const programmeProps = programme ? programmeRef(programme) : null
      const locale = localeOf(req)
      let solution: Awaited<ReturnType<typeof getCatalogueSolution>>
      try {
        solution = await getCatalogueSolution(deps.db, anonymousActor, req.params.reference.slice(0, 30), trlWindow)
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'solution_not_found')) throw err
        // The 404 page does not echo the address asked for.
        const home = new URL('/', deps.publicUrl).href
        const html = await deps.renderer.renderPage('not-found', { programme: programmeProps }, locale, home)
        return send(reply, html, locale, 404)
      }
      // One address per solution: /solutions/sol-00042 → /solutions/SOL-00042.
      if (req.params.reference !== solution.reference) {
        const qs = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
        return reply.redirect(`/solutions/${encodeURIComponent(solution.reference)}${qs}`, 301)
      }
      const props = {
        programme: programmeProps ?? { acronym: 'Cascade', name: 'Cascade' },
        solution,
        trlWindow,
      }
      const url = new URL(`/solutions/${encodeURIComponent(solution.reference)}`, deps.publicUrl).href
      return send(reply, await deps.renderer.renderPage('solution-detail', props, locale, url), locale)
    },
  )
}

/**
 * For the public challenge page: the solutions addressing a challenge, as anyone may see them
 * (challenges/http/public-pages.ts calls this).
 */
export async function publicSolutionsForChallenge(
  db: Queryable,
  challenge: { id: string; trlMin: number; trlMax: number },
): Promise<ChallengeSolutions> {
  return solutionsForChallenge(db, anonymousActor, challenge, 8)
}
