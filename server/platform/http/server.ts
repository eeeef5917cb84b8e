import { randomUUID } from 'node:crypto'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'
import { problem } from '../../../shared/contracts/common.ts'
import type { Actor } from '../authz/actor.ts'
import { can, type Subject } from '../authz/policy.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { Logger } from '../logger.ts'
import type { Mailer } from '../mail/mailer.ts'
import { errorHandler, problemBody, sendProblem } from './problem.ts'
import type { AnyRoute, CommandContext } from './route.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
    /** How the actor was authenticated: a session cookie, a bearer token, or not at all. */
    authVia: 'session' | 'token' | 'none'
    ctx: CommandContext
  }
  interface FastifyContextConfig {
    route?: AnyRoute
  }
  interface FastifyInstance {
    /** Every API route registered through defineRoute, for the route × role test. */
    apiRoutes: AnyRoute[]
    /** Every method and URL registered under /api/v1, however it was registered. */
    registeredApiUrls: { method: string; url: string; declared: boolean }[]
  }
}

export interface HttpDeps {
  db: Database
  clock: Clock
  mailer: Mailer
  log: Logger
  publicUrl: string
  trustProxy: boolean
  resolveActor(req: FastifyRequest): Promise<{ actor: Actor; via: 'session' | 'token' | 'none' }>
  /** Whether the object a route is about exists (a missing one is a 404, not a 403). */
  subjectExists: Record<Subject['type'], (db: Database, id: string) => Promise<boolean>>
  routes: AnyRoute[]
  /** Extra plugins: the accounts handler, public pages, the SPA. */
  extend?: (app: FastifyInstance) => Promise<void>
}

/**
 * No inline scripts anywhere (public pages carry their props as non-executable JSON), so scripts are
 * restricted to our own files. Styles allow inline: Mantine writes its theme variables in a <style>.
 * The API reference (/api/docs) is third-party UI and keeps its own defaults.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function createHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    trustProxy: deps.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID()
    },
    routerOptions: { ignoreTrailingSlash: true },
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(errorHandler)
  app.decorate('apiRoutes', [] as AnyRoute[])
  app.decorate('registeredApiUrls', [] as { method: string; url: string; declared: boolean }[])
  app.addHook('onRoute', (opts) => {
    if (!opts.url.startsWith('/api/v1/') || opts.url === '/api/v1/openapi.json') return
    for (const method of [opts.method].flat()) {
      if (method === 'HEAD') continue
      app.registeredApiUrls.push({ method, url: opts.url, declared: opts.config?.route !== undefined })
    }
  })
  const publicOrigin = new URL(deps.publicUrl).origin

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'strict-origin-when-cross-origin')
    reply.header('x-frame-options', 'DENY')
    if (!req.url.startsWith('/api/docs')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cascade API',
        version: '1',
        description:
          'The JSON API of Cascade. Errors are RFC 9457 problem+json with a stable `code`. Lists take `page`, `pageSize`, `sort` and filters and answer `{ items, total, page, pageSize }`. Authenticate with the session cookie (writes need a same-origin `Origin` header) or a personal API token (`Authorization: Bearer cas_…`).',
      },
      servers: [{ url: deps.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cascade.session_token' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } })
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }))
  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    try {
      await sql`select 1`.execute(deps.db)
      return { status: 'ready' }
    } catch (err) {
      req.log.warn({ err }, 'database not reachable')
      return reply.code(503).send({ status: 'unavailable', reason: 'database' })
    }
  })

  await app.register(async (api) => {
    // Who is asking, for every API request; and CSRF: a cookie-authenticated write must come from our origin.
    api.addHook('onRequest', async (req, reply) => {
      const { actor, via } = await deps.resolveActor(req)
      req.actor = actor
      req.authVia = via
      req.ctx = {
        db: deps.db,
        actor,
        clock: deps.clock,
        requestId: String(req.id),
        mailer: deps.mailer,
        publicUrl: deps.publicUrl,
        log: req.log,
      }
      if (via === 'session' && UNSAFE.has(req.method)) {
        const origin = req.headers.origin
        const site = req.headers['sec-fetch-site']
        const sameOrigin = origin ? origin === publicOrigin : site === 'same-origin'
        if (!sameOrigin) return sendProblem(reply, problemBody(req, 'csrf_rejected', 'Cross-site request refused.'))
      }
    })

    // Authorisation before validation: a role the matrix forbids is refused whatever the input.
    api.addHook('preValidation', async (req, reply) => {
      const route = req.routeOptions.config.route
      if (!route || route.capability === 'public') return
      let subject: Subject | undefined
      if (route.subject) {
        const id = (req.params as Record<string, string>)[route.subject.param] ?? ''
        const exists = UUID.test(id) && (await deps.subjectExists[route.subject.type](deps.db, id))
        const d0 = can(req.actor, route.capability)
        if (!exists) {
          // Anonymous callers learn nothing about which objects exist.
          if (!d0.allowed && d0.reason === 'not_signed_in') {
            return sendProblem(reply, problemBody(req, 'not_signed_in'))
          }
          return sendProblem(reply, problemBody(req, `${route.subject.type}_not_found`))
        }
        subject = { type: route.subject.type, id }
      }
      const d = can(req.actor, route.capability, subject)
      if (d.allowed) return
      const code =
        d.reason === 'not_signed_in'
          ? 'not_signed_in'
          : d.reason === 'two_factor_required'
            ? 'two_factor_required'
            : 'forbidden'
      return sendProblem(reply, problemBody(req, code, undefined, { reason: d.reason, capability: route.capability }))
    })

    for (const r of deps.routes) {
      app.apiRoutes.push(r)
      const success = r.download
        ? {
            description: 'A file download.',
            content: Object.fromEntries(r.download.contentTypes.map((t) => [t, { schema: z.string() }])),
          }
        : r.status === 204
          ? z.null()
          : r.response
      const responses: Record<string, unknown> = { [String(r.status ?? 200)]: success, '4XX': problem }
      if (r.statusOf) responses['200'] = r.response
      api.route({
        method: r.method,
        url: r.url,
        config: { route: r },
        ...(r.bodyLimit ? { bodyLimit: r.bodyLimit } : {}),
        schema: {
          summary: r.summary,
          tags: r.tags,
          ...(r.params ? { params: r.params } : {}),
          ...(r.query ? { querystring: r.query } : {}),
          ...(r.body ? { body: r.body } : {}),
          response: responses,
          ...(r.capability === 'public' ? {} : { security: [{ session: [] }, { token: [] }] }),
          description: r.capability === 'public' ? 'Public.' : `Needs capability \`${r.capability}\`.`,
        },
        handler: async (req, reply) => {
          const out = await r.handler(
            { params: req.params, query: req.query, body: req.body } as never,
            req.ctx,
            req,
            reply,
          )
          if (r.download) return reply // the handler has sent the file
          reply.code(r.statusOf?.(out) ?? r.status ?? 200)
          return r.status === 204 ? null : out
        },
      })
    }
  })

  if (deps.extend) await deps.extend(app)

  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problemBody(req, 'not_found', `No route for ${req.method} ${req.url.split('?')[0]}`)),
  )
  return app
}
