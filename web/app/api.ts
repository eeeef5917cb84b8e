import type { z } from 'zod'
import {
  apiTokenCreated,
  type apiTokenInput,
  apiTokenList,
  me,
  type profilePatch,
} from '../../shared/contracts/account.ts'
import {
  type adminUserListQuery,
  adminUserPage,
  type adminUserPatch,
  auditEventPage,
  type auditEventQuery,
  mailboxPage,
  type mailboxQuery,
  mailMessage,
  type roleGrantInput,
} from '../../shared/contracts/admin.ts'
import { problem } from '../../shared/contracts/common.ts'
import {
  invitation,
  type invitationInput,
  invitationList,
  invitationPreview,
  memberList,
  type memberRolePatch,
  organisation,
  type organisationInput,
  type organisationListQuery,
  organisationPage,
  type organisationPatch,
} from '../../shared/contracts/organisations.ts'
import { programme, type programmeSettingsPatch } from '../../shared/contracts/programmes.ts'

/**
 * The typed client of Cascade's `/api/v1`. Requests and responses are the zod contracts of `shared/contracts`
 * (no hand-written models): every response is parsed with its contract, every error response (RFC 9457
 * problem+json) becomes an ApiError whose `fieldErrors` forms show next to their fields.
 */

export interface FieldError {
  path: string
  code: string
  message: string
}

export class ApiError extends Error {
  readonly status: number
  /** Cascade's stable code (`errors.<code>` in the translations); `network_error`/`invalid_response` on the client. */
  readonly code: string
  readonly fieldErrors: FieldError[]
  readonly reason: string | undefined
  readonly retryAfterSeconds: number | undefined
  readonly requestId: string | undefined

  constructor(init: {
    status: number
    code: string
    message: string
    fieldErrors?: FieldError[]
    reason?: string | undefined
    retryAfterSeconds?: number | undefined
    requestId?: string | undefined
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.fieldErrors = init.fieldErrors ?? []
    this.reason = init.reason
    this.retryAfterSeconds = init.retryAfterSeconds
    this.requestId = init.requestId
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

type Query = Record<string, string | number | boolean | null | undefined>

export function toQueryString(query: Query | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

function retryAfter(res: Response, body: Record<string, unknown> | null): number | undefined {
  const fromBody = body?.retryAfterSeconds
  if (typeof fromBody === 'number') return fromBody
  const header = res.headers.get('retry-after') ?? res.headers.get('x-retry-after')
  const n = header ? Number(header) : Number.NaN
  return Number.isFinite(n) ? n : undefined
}

/** Turns any error response (Cascade problem+json or better-auth's `{code, message}`) into an ApiError. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> | null = null
  try {
    body = (await res.json()) as Record<string, unknown>
  } catch {
    body = null
  }
  const parsed = problem.safeParse(body)
  if (parsed.success) {
    const p = parsed.data
    return new ApiError({
      status: res.status,
      code: p.code,
      message: p.detail ?? p.title,
      fieldErrors: p.errors ?? [],
      reason: p.reason,
      retryAfterSeconds: retryAfter(res, body),
      requestId: p.requestId,
    })
  }
  const code = typeof body?.code === 'string' ? body.code : `http_${res.status}`
  const message = typeof body?.message === 'string' ? body.message : res.statusText
  return new ApiError({ status: res.status, code, message, retryAfterSeconds: retryAfter(res, body) })
}

interface RequestOptions<S extends z.ZodType | null> {
  query?: Query
  body?: unknown
  schema: S
  signal?: AbortSignal
}

export async function request<S extends z.ZodType | null>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions<S>,
): Promise<S extends z.ZodType ? z.infer<S> : undefined> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (method !== 'GET') headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      // Writes always carry a JSON body, so that the content type (and the browser's Origin header) is sent.
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
      signal: options.signal ?? null,
    })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiError({ status: 0, code: 'network_error', message: (e as Error).message })
  }
  if (!res.ok) throw await errorFromResponse(res)
  if (options.schema === null || res.status === 204) return undefined as never
  const json: unknown = await res.json()
  const parsed = options.schema.safeParse(json)
  if (!parsed.success) {
    console.error(`Response of ${method} ${path} does not match its contract`, parsed.error.issues)
    throw new ApiError({ status: res.status, code: 'invalid_response', message: parsed.error.message })
  }
  return parsed.data as never
}

const v1 = '/api/v1'
const enc = encodeURIComponent

export type OrganisationListQuery = Partial<z.input<typeof organisationListQuery>>
export type AdminUserListQuery = Partial<z.input<typeof adminUserListQuery>>
export type AuditEventQuery = Partial<z.input<typeof auditEventQuery>>
export type MailboxQuery = Partial<z.input<typeof mailboxQuery>>

export const api = {
  // Account
  me: (signal?: AbortSignal) => request('GET', `${v1}/me`, { schema: me, signal }),
  updateMe: (body: z.input<typeof profilePatch>) => request('PATCH', `${v1}/me`, { body, schema: me }),
  tokens: () => request('GET', `${v1}/me/tokens`, { schema: apiTokenList }),
  createToken: (body: z.input<typeof apiTokenInput>) =>
    request('POST', `${v1}/me/tokens`, { body, schema: apiTokenCreated }),
  revokeToken: (tokenId: string) => request('DELETE', `${v1}/me/tokens/${enc(tokenId)}`, { schema: null }),

  // Programme (public)
  programme: () => request('GET', `${v1}/programme`, { schema: programme }),
  updateProgrammeSettings: (body: z.input<typeof programmeSettingsPatch>) =>
    request('PATCH', `${v1}/programme`, { body, schema: programme }),

  // Organisations
  organisations: (query: OrganisationListQuery) =>
    request('GET', `${v1}/organisations`, { query: query as Query, schema: organisationPage }),
  createOrganisation: (body: z.input<typeof organisationInput>) =>
    request('POST', `${v1}/organisations`, { body, schema: organisation }),
  organisation: (id: string) => request('GET', `${v1}/organisations/${enc(id)}`, { schema: organisation }),
  updateOrganisation: (id: string, body: z.input<typeof organisationPatch>) =>
    request('PATCH', `${v1}/organisations/${enc(id)}`, { body, schema: organisation }),
  members: (id: string) => request('GET', `${v1}/organisations/${enc(id)}/members`, { schema: memberList }),
  changeMemberRole: (id: string, userId: string, body: z.input<typeof memberRolePatch>) =>
    request('PATCH', `${v1}/organisations/${enc(id)}/members/${enc(userId)}`, { body, schema: null }),
  removeMember: (id: string, userId: string) =>
    request('DELETE', `${v1}/organisations/${enc(id)}/members/${enc(userId)}`, { schema: null }),
  leaveOrganisation: (id: string) => request('POST', `${v1}/organisations/${enc(id)}/leave`, { schema: null }),
  transferOwnership: (id: string, userId: string) =>
    request('POST', `${v1}/organisations/${enc(id)}/transfer-ownership`, { body: { userId }, schema: null }),
  invitations: (id: string) => request('GET', `${v1}/organisations/${enc(id)}/invitations`, { schema: invitationList }),
  createInvitation: (id: string, body: z.input<typeof invitationInput>) =>
    request('POST', `${v1}/organisations/${enc(id)}/invitations`, { body, schema: invitation }),
  revokeInvitation: (id: string, invitationId: string) =>
    request('DELETE', `${v1}/organisations/${enc(id)}/invitations/${enc(invitationId)}`, { schema: null }),
  invitationPreview: (token: string) =>
    request('GET', `${v1}/invitations/${enc(token)}`, { schema: invitationPreview }),
  acceptInvitation: (token: string) =>
    request('POST', `${v1}/invitations/${enc(token)}/accept`, { schema: organisation }),

  // Administration
  adminUsers: (query: AdminUserListQuery) =>
    request('GET', `${v1}/admin/users`, { query: query as Query, schema: adminUserPage }),
  updateAdminUser: (userId: string, body: z.input<typeof adminUserPatch>) =>
    request('PATCH', `${v1}/admin/users/${enc(userId)}`, { body, schema: null }),
  grantRole: (body: z.input<typeof roleGrantInput>) =>
    request('POST', `${v1}/admin/programme-roles`, { body, schema: null }),
  revokeRole: (grantId: string) => request('DELETE', `${v1}/admin/programme-roles/${enc(grantId)}`, { schema: null }),
  auditEvents: (query: AuditEventQuery) =>
    request('GET', `${v1}/admin/audit-events`, { query: query as Query, schema: auditEventPage }),
  mailbox: (query: MailboxQuery) =>
    request('GET', `${v1}/admin/mailbox`, { query: query as Query, schema: mailboxPage }),
  mailMessage: (id: string) => request('GET', `${v1}/admin/mailbox/${enc(id)}`, { schema: mailMessage }),
}

/** TanStack Query keys, one place, so that invalidation after a write names the same keys. */
export const queryKeys = {
  me: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
  programme: ['programme'] as const,
  organisations: (q?: OrganisationListQuery) => (q ? (['organisations', q] as const) : (['organisations'] as const)),
  organisation: (id: string) => ['organisation', id] as const,
  members: (id: string) => ['organisation', id, 'members'] as const,
  invitations: (id: string) => ['organisation', id, 'invitations'] as const,
  invitationPreview: (token: string) => ['invitation', token] as const,
  adminUsers: (q?: AdminUserListQuery) => (q ? (['admin', 'users', q] as const) : (['admin', 'users'] as const)),
  auditEvents: (q?: AuditEventQuery) => (q ? (['admin', 'audit', q] as const) : (['admin', 'audit'] as const)),
  mailbox: (q?: MailboxQuery) => (q ? (['admin', 'mailbox', q] as const) : (['admin', 'mailbox'] as const)),
  mailMessage: (id: string) => ['admin', 'mailbox', 'message', id] as const,
}
