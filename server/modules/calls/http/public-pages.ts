import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { CallDetailPageProps, CallListPageProps } from '../../../../shared/contracts/call-pages.ts'
import { type CallPhase, callPhases } from '../../../../shared/contracts/calls.ts'
import type { Locale } from '../../../../shared/contracts/common.ts'
import { anonymousActor } from '../../../platform/authz/actor.ts'
import type { Clock } from '../../../platform/clock.ts'
import type { Database } from '../../../platform/db/client.ts'
import { resolveLocale } from '../../../platform/ssr/index.ts'
import type { PageRenderer } from '../../../platform/ssr/types.ts'
import { getProgramme } from '../../programmes/index.ts'
import { canSeeCall } from '../commands/guard.ts'
import { toCall } from '../queries/call-view.ts'
import { listCalls } from '../queries/list-calls.ts'
import { questionsFor } from '../queries/list-questions.ts'

type Deps = { db: Database; clock: Clock; renderer: PageRenderer; publicUrl: string }

function localeOf(req: FastifyRequest): Locale {
  return resolveLocale({
    query: (req.query as { lang?: string } | undefined)?.lang ?? null,
    cookieHeader: req.headers.cookie ?? null,
    acceptLanguage: req.headers['accept-language'] ?? null,
  })
}

function send(reply: FastifyReply, html: string, locale: Locale, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-language', locale)
    .send(html)
}

async function programmeRef(deps: Deps) {
  const p = await getProgramme(deps.db, deps.clock.now())
  return p ? { acronym: p.acronym, name: p.name } : null
}

/**
 * The public call pages, rendered on the server for an anonymous caller whoever asks (drafts are a 404
 * page): `/calls` (published calls, open first; `?phase=` filters) and `/calls/:code` (key facts, the
 * challenges in scope, the rules in words, documents, published Q&A, change log, the deadline in the
 * official zone and UTC, with a countdown once the page runs in a browser). Work without JavaScript.
 */
export async function mountCallPages(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/calls', { schema: { hide: true } }, async (req, reply) => {
    const now = deps.clock.now()
    const locale = localeOf(req)
    const raw = (req.query as { phase?: string } | undefined)?.phase
    const phase = (callPhases as readonly string[]).includes(raw ?? '') ? (raw as CallPhase) : null
    const page = await listCalls(deps.db, anonymousActor, now, {
      page: 1,
      pageSize: 100,
      ...(phase ? { phase } : {}),
    })
    const props: CallListPageProps = {
      programme: (await programmeRef(deps)) ?? { acronym: 'Cascade', name: 'Cascade' },
      calls: page.items,
      phase,
      serverNow: now.toISOString(),
    }
    const url = new URL(phase ? `/calls?phase=${phase}` : '/calls', deps.publicUrl).href
    return send(reply, await deps.renderer.renderPage('call-list', props, locale, url), locale)
  })

  app.get<{ Params: { code: string } }>('/calls/:code', { schema: { hide: true } }, async (req, reply) => {
    const now = deps.clock.now()
    const locale = localeOf(req)
    const programme = await programmeRef(deps)
    const asked = req.params.code.slice(0, 40)
    const rows = await deps.db
      .selectFrom('calls')
      .selectAll()
      .where((eb) => eb(eb.fn('upper', ['code']), '=', asked.toUpperCase()))
      .where('published_at', 'is not', null)
      .orderBy('created_at')
      .execute()
    const row = rows.find((r) => canSeeCall(anonymousActor, r))
    if (!row) {
      // The 404 page does not echo the address asked for.
      const home = new URL('/', deps.publicUrl).href
      const html = await deps.renderer.renderPage('not-found', { programme }, locale, home)
      return send(reply, html, locale, 404)
    }
    // One address per call: /calls/oc1 → /calls/OC1.
    if (asked !== row.code) {
      const qs = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
      return reply.redirect(`/calls/${encodeURIComponent(row.code)}${qs}`, 301)
    }
    const [call, questions] = await Promise.all([
      toCall(deps.db, anonymousActor, row, now),
      questionsFor(deps.db, anonymousActor, row),
    ])
    const props: CallDetailPageProps = {
      programme: programme ?? { acronym: 'Cascade', name: 'Cascade' },
      call,
      questions,
      applyHref: call.phase === 'open' ? `/app/applications/new?callId=${call.id}` : null,
    }
    const url = new URL(`/calls/${encodeURIComponent(row.code)}`, deps.publicUrl).href
    return send(reply, await deps.renderer.renderPage('call-detail', props, locale, url), locale)
  })
}
