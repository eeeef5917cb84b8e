import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { Capability } from '../../../shared/authz.ts'
import type { Actor } from '../authz/actor.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { Mailer } from '../mail/mailer.ts'

/** Everything a command needs, resolved once per request (or built by a script or a test). */
export interface CommandContext {
  db: Database
  actor: Actor
  clock: Clock
  requestId: string | null
  mailer: Mailer
  publicUrl: string
  log: FastifyBaseLogger
}

export type SubjectRef = { type: 'organisation'; param: string }

type Schema = z.ZodType
type Out<S> = S extends z.ZodType ? z.output<S> : undefined

export interface RouteDefinition<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  url: string
  /** The capability this route needs, or 'public' (the route × role test reads this). */
  capability: Capability | 'public'
  /** The object the capability is checked against, named by a route parameter. */
  subject?: SubjectRef
  summary: string
  tags: string[]
  params?: P
  query?: Q
  body?: B
  response: R
  /** Status of a successful answer (200 unless said). */
  status?: 200 | 201 | 202 | 204
  /**
   * When the success status depends on the answer (201 for a new submission, 200 for the replay of an
   * earlier one with the same Idempotency-Key): picks it from the handler's output. Documented as both.
   */
  statusOf?: (out: z.input<R>) => 200 | 201
  /**
   * A file download instead of JSON: the handler sends the bytes itself through `reply` (see
   * platform/export `sendDownload`) and returns nothing; `response` is then ignored and the OpenAPI
   * document shows these media types with a binary body. Errors stay problem+json.
   */
  download?: { contentTypes: readonly string[] }
  /** A larger request body limit than the server's 1 MB default (file uploads as base64). */
  bodyLimit?: number
  handler: (
    input: { params: Out<P>; query: Out<Q>; body: Out<B> },
    ctx: CommandContext,
    req: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<z.input<R>>
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes
export type AnyRoute = RouteDefinition<any, any, any, any>

/** Declares one endpoint; kept in its own file next to the use case it calls. */
export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(def: RouteDefinition<P, Q, B, R>): RouteDefinition<P, Q, B, R> {
  return def
}
