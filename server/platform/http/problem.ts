import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { type ErrorCode, errorCodes } from '../../../shared/errors.ts'
import { DomainError, type FieldError } from '../errors.ts'

const TITLES: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'The request has invalid fields.',
  not_signed_in: 'Sign in first.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found.',
  internal_error: 'Something went wrong on our side.',
}

export interface ProblemBody {
  type: string
  title: string
  status: number
  code: string
  detail?: string
  instance?: string
  requestId?: string
  errors?: FieldError[]
  [extra: string]: unknown
}

export function problemBody(
  req: FastifyRequest,
  code: ErrorCode,
  detail?: string,
  extra: Record<string, unknown> = {},
  errors?: FieldError[],
): ProblemBody {
  const status = errorCodes[code]
  // Extra details come first: they can never overwrite the members RFC 9457 and Cascade define.
  return {
    ...extra,
    type: `/problems/${code}`,
    title: TITLES[code] ?? code.replaceAll('_', ' '),
    status,
    code,
    ...(detail && detail !== code ? { detail } : {}),
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...(errors ? { errors } : {}),
  }
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body)
}

function issuePath(instancePath: string | undefined): string {
  return (instancePath ?? '').replace(/^\//, '').replaceAll('/', '.')
}

/** Maps every error to RFC 9457 problem+json with a stable code; unexpected errors are logged. */
export function errorHandler(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    return sendProblem(reply, problemBody(req, error.code, error.message, error.details, error.fieldErrors))
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body'
    const errors = error.validation.map((v) => {
      const message = v.message ?? v.keyword
      const code =
        v.keyword === 'custom' && /^[a-z_]+$/.test(message)
          ? message
          : v.keyword === 'invalid_type' && /received undefined/.test(message)
            ? 'required'
            : v.keyword
      return { path: issuePath(v.instancePath) || context, code, message }
    })
    return sendProblem(reply, problemBody(req, 'validation_failed', `Invalid ${context}.`, { in: context }, errors))
  }
  if (isResponseSerializationError(error)) {
    req.log.error({ err: error, issues: error.cause?.issues }, 'response does not match its contract')
    return sendProblem(reply, problemBody(req, 'internal_error'))
  }
  const fe = error as FastifyError
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, problemBody(req, 'payload_too_large'))
  if (fe.statusCode === 429) return sendProblem(reply, problemBody(req, 'rate_limited', fe.message))
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(reply, { ...problemBody(req, 'bad_request', fe.message), status: fe.statusCode })
  }
  req.log.error({ err: error }, 'unhandled error')
  return sendProblem(reply, problemBody(req, 'internal_error'))
}
