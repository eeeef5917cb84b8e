import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type Locale, locales } from '../../../../shared/contracts/common.ts'
import type { Clock } from '../../../platform/clock.ts'
import type { Database } from '../../../platform/db/client.ts'
import { problemBody, sendProblem } from '../../../platform/http/problem.ts'
import type { PageRenderer } from '../../../platform/ssr/types.ts'
import { getProgramme } from '../queries/get-programme.ts'

/** The viewer's language: ?lang=, then the cookie the switcher sets, then Accept-Language. */
export function pickLocale(req: FastifyRequest): Locale {
  const fromQuery = (req.query as { lang?: string } | undefined)?.lang
  if (fromQuery && (locales as readonly string[]).includes(fromQuery)) return fromQuery as Locale
  const cookie = /(?:^|;\s*)cascade_lang=(\w+)/.exec(req.headers.cookie ?? '')?.[1]
  if (cookie && (locales as readonly string[]).includes(cookie)) return cookie as Locale
  for (const part of (req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase()
    if (tag && (locales as readonly string[]).includes(tag)) return tag as Locale
  }
  return 'en'
}

/** Public pages are rendered on the server as real HTML (search engines, link previews, no-JS). */
export async function mountPublicPages(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; renderer: PageRenderer; publicUrl: string },
): Promise<void> {
  const home = async (req: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const programme = await getProgramme(deps.db, deps.clock.now())
    if (!programme) return sendProblem(reply, problemBody(req, 'not_found', 'No programme has been set up yet.'))
    const locale = pickLocale(req)
    const url = new URL(req.url, deps.publicUrl).href
    const html = await deps.renderer.renderPage('programme-home', { programme, locale }, locale, url)
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-language', locale)
      .send(html)
  }
  app.get('/', { schema: { hide: true } }, home)
  app.get('/programme', { schema: { hide: true } }, home)
}
