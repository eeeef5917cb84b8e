import { z } from 'zod'
import type { partSave } from '../../../shared/contracts/application-parts.ts'
import {
  type Answers,
  type answersSave,
  application,
  type applicationListQuery,
  applicationPage,
  type applicationStart,
  editConflict,
  type invitationAccept,
  invitationView,
  type partnerInvite,
  partnerPart,
  readinessIssue,
  revisionContent,
  submitResult,
  type UploadedFile,
  uploadedFile,
} from '../../../shared/contracts/applications.ts'
import { call, callPage } from '../../../shared/contracts/calls.ts'
import { ApiError, errorFromResponse, request, toQueryString } from '../../app/api.ts'

/** The typed client of the applications endpoints (contracts of shared/contracts/applications.ts). */
const v1 = '/api/v1'
const enc = encodeURIComponent
type Query = Record<string, string | number | boolean | null | undefined>
export type ApplicationListQuery = Partial<z.input<typeof applicationListQuery>>

/**
 * A refusal whose problem body carries more than the code: the conflicting answers of a save
 * (`conflicts`), the current part of a partner (`part`), the readiness issues of a refused submission
 * (`issues`).
 */
export class DetailedApiError extends ApiError {
  readonly body: Record<string, unknown>
  constructor(base: ApiError, body: Record<string, unknown>) {
    super({
      status: base.status,
      code: base.code,
      message: base.message,
      fieldErrors: base.fieldErrors,
      reason: base.reason,
      retryAfterSeconds: base.retryAfterSeconds,
      requestId: base.requestId,
    })
    this.body = body
  }
  get conflicts() {
    const parsed = z.array(editConflict).safeParse(this.body.conflicts)
    return parsed.success ? parsed.data : []
  }
  get currentPart() {
    const parsed = z
      .object({ part: partnerPart, partVersion: z.number().int().optional() })
      .safeParse({ part: this.body.part, partVersion: this.body.partVersion })
    return parsed.success ? parsed.data : null
  }
  get issues() {
    const parsed = z.array(readinessIssue).safeParse(this.body.issues)
    return parsed.success ? parsed.data : []
  }
}

/** A write whose error body is kept whole (see DetailedApiError). */
async function send<S extends z.ZodType>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: S,
  headers: Record<string, string> = {},
): Promise<z.infer<S>> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
      credentials: 'same-origin',
      body: JSON.stringify(body ?? {}),
    })
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network_error', message: (e as Error).message })
  }
  if (!res.ok) {
    let extra: Record<string, unknown> = {}
    try {
      extra = (await res.clone().json()) as Record<string, unknown>
    } catch {
      extra = {}
    }
    throw new DetailedApiError(await errorFromResponse(res), extra ?? {})
  }
  const parsed = schema.safeParse(await res.json())
  if (!parsed.success) {
    console.error(`Response of ${method} ${path} does not match its contract`, parsed.error.issues)
    throw new ApiError({ status: res.status, code: 'invalid_response', message: parsed.error.message })
  }
  return parsed.data
}

const base = (id: string) => `${v1}/applications/${enc(id)}`

export const applicationsApi = {
  list: (query: ApplicationListQuery) =>
    request('GET', `${v1}/applications`, { query: query as Query, schema: applicationPage }),
  get: (id: string) => request('GET', base(id), { schema: application }),
  start: (body: z.input<typeof applicationStart>) =>
    request('POST', `${v1}/applications`, { body, schema: application }),
  saveAnswers: (id: string, body: z.input<typeof answersSave>) =>
    send('PATCH', `${base(id)}/answers`, body, application),
  savePart: (id: string, partnerId: string, body: z.input<typeof partSave>) =>
    send('PATCH', `${base(id)}/partners/${enc(partnerId)}/part`, body, application),
  confirmPart: (id: string, partnerId: string, partVersion: number) =>
    send('POST', `${base(id)}/partners/${enc(partnerId)}/confirm`, { partVersion }, application),
  unconfirmPart: (id: string, partnerId: string) =>
    send('POST', `${base(id)}/partners/${enc(partnerId)}/unconfirm`, {}, application),
  invite: (id: string, body: z.input<typeof partnerInvite>) => send('POST', `${base(id)}/partners`, body, application),
  removePartner: (id: string, partnerId: string) =>
    send('DELETE', `${base(id)}/partners/${enc(partnerId)}`, {}, application),
  submit: (id: string, version: number, idempotencyKey: string) =>
    send('POST', `${base(id)}/submit`, { version }, submitResult, { 'idempotency-key': idempotencyKey }),
  withdraw: (id: string, reason: string) => send('POST', `${base(id)}/withdraw`, { reason }, application),
  revision: (id: string, revision: number) =>
    request('GET', `${base(id)}/revisions/${revision}`, { schema: revisionContent }),

  invitation: (token: string) =>
    request('GET', `${v1}/application-invitations/${enc(token)}`, { schema: invitationView }),
  acceptInvitation: (token: string, body: z.input<typeof invitationAccept>) =>
    send('POST', `${v1}/application-invitations/${enc(token)}/accept`, body, application),
  declineInvitation: (token: string) =>
    send('POST', `${v1}/application-invitations/${enc(token)}/decline`, {}, z.unknown()),

  call: (callId: string) => request('GET', `${v1}/calls/${enc(callId)}`, { schema: call }),
  openCalls: () => request('GET', `${v1}/calls`, { query: { phase: 'open', pageSize: 50 }, schema: callPage }),
}

export const applicationUrls = {
  file: (id: string, fileId: string) => `${base(id)}/files/${enc(fileId)}`,
  receiptJson: (id: string, revision: number) => `${base(id)}/revisions/${revision}/receipt.json`,
  receiptPdf: (id: string, revision: number) => `${base(id)}/revisions/${revision}/receipt.pdf`,
  keys: `${v1}/receipts/keys`,
  wellKnownKeys: '/.well-known/cascade-receipt-keys.json',
  list: (query: ApplicationListQuery) => `${v1}/applications${toQueryString(query as Query)}`,
}

export const applicationKeys = {
  all: ['applications'] as const,
  list: (q?: ApplicationListQuery) => ['applications', 'list', q ?? {}] as const,
  one: (id: string) => ['applications', 'one', id] as const,
  call: (callId: string) => ['applications', 'call', callId] as const,
  openCalls: ['applications', 'open-calls'] as const,
  invitation: (token: string) => ['applications', 'invitation', token] as const,
}

export interface UploadInput {
  applicationId: string
  questionId: string
  partnerId: string | null
  file: File
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/**
 * Uploads an annex (base64 in a JSON body, like every upload of Cascade) through XMLHttpRequest, which
 * reports the progress of the request body (fetch does not).
 */
export async function uploadAnnex(input: UploadInput): Promise<UploadedFile> {
  const data = await fileToBase64(input.file)
  const body = JSON.stringify({
    questionId: input.questionId,
    partnerId: input.partnerId,
    filename: input.file.name,
    data,
  })
  return new Promise<UploadedFile>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${base(input.applicationId)}/files`)
    xhr.setRequestHeader('content-type', 'application/json')
    xhr.setRequestHeader('accept', 'application/json')
    xhr.withCredentials = true
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) input.onProgress?.(e.loaded / e.total)
    }
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', message: 'upload failed' }))
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'))
    xhr.onload = async () => {
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      })
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(await errorFromResponse(response))
        return
      }
      const parsed = uploadedFile.safeParse(JSON.parse(xhr.responseText))
      if (parsed.success) resolve(parsed.data)
      else reject(new ApiError({ status: xhr.status, code: 'invalid_response', message: parsed.error.message }))
    }
    input.signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(body)
  })
}

/** A file's bytes as base64 (uploads travel in JSON bodies). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

/** The answers that differ between two maps (by JSON value). */
export function changedAnswers(before: Answers, after: Answers): Answers {
  const out: Answers = {}
  for (const [k, v] of Object.entries(after)) if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v)) out[k] = v
  return out
}
