import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '../../../platform/clock.ts'
import type { Database } from '../../../platform/db/client.ts'
import { problemBody, sendProblem } from '../../../platform/http/problem.ts'
import type { Auth } from '../auth.ts'
import { decideSignIn, SIGN_IN_LIMITS } from '../throttle.ts'

/**
 * Mounts better-auth at /api/auth/*. Around email sign-in, Cascade throttles per account and per
 * address: failures are counted in `sign_in_failures` (shared by every process on one database).
 */
export async function mountAuth(
  app: FastifyInstance,
  deps: { auth: Auth; db: Database; clock: Clock; publicUrl: string },
) {
  const forward = async (req: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(req.url, deps.publicUrl)
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined || k === 'x-cascade-client-ip') continue
      headers.set(k, Array.isArray(v) ? v.join(', ') : v)
    }
    headers.set('x-cascade-client-ip', req.ip)
    const body =
      req.method === 'GET' || req.method === 'HEAD' || req.body === undefined ? undefined : JSON.stringify(req.body)
    const res = await deps.auth.handler(new Request(url, { method: req.method, headers, ...(body ? { body } : {}) }))
    reply.code(res.status)
    res.headers.forEach((value, key) => {
      if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value)
    })
    const cookies = res.headers.getSetCookie()
    if (cookies.length) reply.header('set-cookie', cookies)
    reply.header('cache-control', 'no-store')
    const text = await res.text()
    return { status: res.status, text, send: () => reply.send(text || undefined) }
  }

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: async (req, reply) => {
      const isSignIn = req.method === 'POST' && req.url.split('?')[0] === '/api/auth/sign-in/email'
      if (!isSignIn) return (await forward(req, reply)).send()

      const email = String((req.body as { email?: unknown } | undefined)?.email ?? '')
        .trim()
        .toLowerCase()
      const now = deps.clock.now()
      const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs)
      const [byAccount, byAddress] = await Promise.all([
        deps.db
          .selectFrom('sign_in_failures')
          .select('occurred_at')
          .where('email', '=', email)
          .where('occurred_at', '>', since)
          .orderBy('occurred_at')
          .execute(),
        deps.db
          .selectFrom('sign_in_failures')
          .select('occurred_at')
          .where('ip_address', '=', req.ip)
          .where('occurred_at', '>', since)
          .orderBy('occurred_at')
          .execute(),
      ])
      const decision = decideSignIn(
        {
          accountFailures: byAccount.map((r) => new Date(r.occurred_at)),
          addressFailures: byAddress.map((r) => new Date(r.occurred_at)),
        },
        now,
      )
      if (!decision.allowed) {
        reply.header('retry-after', String(decision.retryAfterSeconds))
        return sendProblem(
          reply,
          problemBody(req, 'sign_in_throttled', 'Too many failed sign-in attempts. Try again later.', {
            scope: decision.scope,
            retryAfterSeconds: decision.retryAfterSeconds,
          }),
        )
      }
      const result = await forward(req, reply)
      if (result.status === 401) {
        await deps.db.insertInto('sign_in_failures').values({ email, ip_address: req.ip, occurred_at: now }).execute()
      } else if (result.status === 200) {
        await deps.db.deleteFrom('sign_in_failures').where('email', '=', email).execute()
      }
      return result.send()
    },
  })
}
