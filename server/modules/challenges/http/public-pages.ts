import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  type CatalogueFilters,
  type ChallengeListQuery,
  challengeListQuery,
  domainPageQuery,
  domainPageSize,
} from '../../../../shared/contracts/challenges.ts'
import type { Locale } from '../../../../shared/contracts/common.ts'
import type { Clock } from '../../../platform/clock.ts'
import type { Database } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { problemBody, sendProblem } from '../../../platform/http/problem.ts'
import { resolveLocale } from '../../../platform/ssr/index.ts'
import type { PageRenderer } from '../../../platform/ssr/types.ts'
import { getProgramme } from '../../programmes/index.ts'
import { publicSolutionsForChallenge } from '../../solutions/http/public-pages.ts'
import { getPublicChallenge } from '../queries/get-public-challenge.ts'
import { listPublicChallenges } from '../queries/list-public-challenges.ts'
import { getPublicDomain, listPublicDomains } from '../queries/public-domains.ts'

type Deps = { db: Database; clock: Clock; renderer: PageRenderer; publicUrl: string }

function localeOf(req: FastifyRequest): Locale {
  return resolveLocale({
    query: (req.query as { lang?: string } | undefined)?.lang ?? null,
    cookieHeader: req.headers.cookie ?? null,
    acceptLanguage: req.headers['accept-language'] ?? null,
  })
}

/** The query of the search form; a field that does not parse is dropped rather than failing the page. */
export function parseCatalogueQuery(raw: Record<string, unknown>): ChallengeListQuery {
  const input: Record<string, unknown> = { ...raw }
  for (let attempt = 0; attempt < 10; attempt++) {
    const r = challengeListQuery.safeParse(input)
    if (r.success) return r.data
    for (const issue of r.error.issues) delete input[String(issue.path[0])]
  }
  return challengeListQuery.parse({})
}

function filtersOf(q: ChallengeListQuery): CatalogueFilters {
  const s = (v: string | number | undefined) => (v === undefined ? '' : String(v))
  return {
    q: s(q.q),
    domain: s(q.domain),
    call: s(q.call),
    tag: s(q.tag),
    trlMin: s(q.trlMin),
    trlMax: s(q.trlMax),
  }
}

async function send(reply: FastifyReply, html: string, locale: Locale, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-language', locale)
    .send(html)
}

const programmeRef = (p: { acronym: string; name: string }) => ({ acronym: p.acronym, name: p.name })
const pageUrl = (req: FastifyRequest, publicUrl: string) => new URL(req.url.split('?')[0] ?? req.url, publicUrl).href

/** A real page (not a JSON problem) for a catalogue address that leads nowhere, with status 404. */
async function sendNotFound(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  programme: { acronym: string; name: string } | null,
) {
  const locale = localeOf(req)
  const html = await deps.renderer.renderPage(
    'not-found',
    { programme: programme ? programmeRef(programme) : null },
    locale,
    pageUrl(req, deps.publicUrl),
  )
  return send(reply, html, locale, 404)
}

/**
 * The public catalogue, rendered on the server: `/challenges` (search form that works without
 * JavaScript), `/challenges/:slug`, `/domains` and `/domains/:code`. An unknown challenge or domain is
 * a 404 page.
 */
export async function mountCataloguePages(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/challenges', { schema: { hide: true } }, async (req, reply) => {
    const programme = await getProgramme(deps.db, deps.clock.now())
    if (!programme) return sendProblem(reply, problemBody(req, 'not_found', 'No programme has been set up yet.'))
    const query = parseCatalogueQuery((req.query ?? {}) as Record<string, unknown>)
    const result = await listPublicChallenges(deps.db, query)
    const locale = localeOf(req)
    const props = {
      programme: { acronym: programme.acronym, name: programme.name },
      domains: programme.domains,
      calls: programme.calls.map((c) => ({ id: c.id, code: c.code, title: c.title })),
      filters: filtersOf(query),
      result,
    }
    const url = new URL(req.url, deps.publicUrl).href
    return send(reply, await deps.renderer.renderPage('challenge-list', props, locale, url), locale)
  })

  app.get<{ Params: { slug: string } }>('/challenges/:slug', { schema: { hide: true } }, async (req, reply) => {
    const programme = await getProgramme(deps.db, deps.clock.now())
    if (!programme) return sendProblem(reply, problemBody(req, 'not_found', 'No programme has been set up yet.'))
    let challenge: Awaited<ReturnType<typeof getPublicChallenge>>
    try {
      challenge = await getPublicChallenge(deps.db, req.params.slug.slice(0, 100))
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') return sendNotFound(req, reply, deps, programme)
      throw err
    }
    const locale = localeOf(req)
    const solutions = await publicSolutionsForChallenge(deps.db, challenge)
    const props = { programme: programmeRef(programme), challenge, solutions }
    const url = pageUrl(req, deps.publicUrl)
    return send(reply, await deps.renderer.renderPage('challenge-detail', props, locale, url), locale)
  })

  app.get('/domains', { schema: { hide: true } }, async (req, reply) => {
    const programme = await getProgramme(deps.db, deps.clock.now())
    if (!programme) return sendProblem(reply, problemBody(req, 'not_found', 'No programme has been set up yet.'))
    const locale = localeOf(req)
    const props = { programme: programmeRef(programme), domains: await listPublicDomains(deps.db) }
    const url = pageUrl(req, deps.publicUrl)
    return send(reply, await deps.renderer.renderPage('domain-index', props, locale, url), locale)
  })

  app.get<{ Params: { code: string } }>('/domains/:code', { schema: { hide: true } }, async (req, reply) => {
    const programme = await getProgramme(deps.db, deps.clock.now())
    if (!programme) return sendProblem(reply, problemBody(req, 'not_found', 'No programme has been set up yet.'))
    let domain: Awaited<ReturnType<typeof getPublicDomain>>
    try {
      domain = await getPublicDomain(deps.db, req.params.code.slice(0, 10))
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') return sendNotFound(req, reply, deps, programme)
      throw err
    }
    // One address per domain: `/domains/d1` answers with a permanent redirect to `/domains/D1`.
    if (req.params.code !== domain.code) {
      const qs = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
      return reply.redirect(`/domains/${encodeURIComponent(domain.code)}${qs}`, 301)
    }
    const parsed = domainPageQuery.safeParse(req.query ?? {})
    const page = parsed.success ? parsed.data.page : 1
    const result = await listPublicChallenges(deps.db, { domain: domain.code, page, pageSize: domainPageSize })
    const locale = localeOf(req)
    const props = {
      programme: programmeRef(programme),
      domain,
      otherDomains: programme.domains
        .filter((d) => d.id !== domain.id)
        .map(({ id, code, name }) => ({ id, code, name })),
      result,
    }
    const url = new URL(page > 1 ? `?page=${page}` : '', pageUrl(req, deps.publicUrl)).href
    return send(reply, await deps.renderer.renderPage('domain-detail', props, locale, url), locale)
  })
}
