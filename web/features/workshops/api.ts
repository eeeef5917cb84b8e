import type { z } from 'zod'
import { useCase, useCasePage } from '../../../shared/contracts/use-cases.ts'
import {
  ballot,
  type ballotInput,
  registration,
  registrationList,
  workshop,
  type workshopCreate,
  type workshopInvite,
  workshopInviteResult,
  workshopList,
  workshopResults,
  type workshopUpdate,
} from '../../../shared/contracts/workshops.ts'
import { ApiError, errorFromResponse, toQueryString } from '../../app/api.ts'

/** The workshops part of `/api/v1`, parsed with the shared contracts like the app's main client. */
async function call<S extends z.ZodType | null>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  schema: S,
  body?: unknown,
  query?: Record<string, string | number | undefined>,
): Promise<S extends z.ZodType ? z.infer<S> : undefined> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (method !== 'GET') headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(`/api/v1${path}${toQueryString(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    })
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network_error', message: (e as Error).message })
  }
  if (!res.ok) throw await errorFromResponse(res)
  if (schema === null || res.status === 204) return undefined as never
  const parsed = schema.safeParse(await res.json())
  if (!parsed.success)
    throw new ApiError({ status: res.status, code: 'invalid_response', message: parsed.error.message })
  return parsed.data as never
}

const enc = encodeURIComponent
const w = (id: string) => `/workshops/${enc(id)}`

export const workshopsApi = {
  list: () => call('GET', '/workshops', workshopList),
  get: (id: string) => call('GET', w(id), workshop),
  create: (body: z.input<typeof workshopCreate>) => call('POST', '/workshops', workshop, body),
  update: (id: string, body: z.input<typeof workshopUpdate>) => call('PATCH', w(id), workshop, body),
  publish: (id: string) => call('POST', `${w(id)}/publish`, workshop),
  cancel: (id: string) => call('POST', `${w(id)}/cancel`, workshop),
  invite: (id: string, body: z.input<typeof workshopInvite>) =>
    call('POST', `${w(id)}/invitations`, workshopInviteResult, body),
  registrations: (id: string) => call('GET', `${w(id)}/registrations`, registrationList),
  register: (id: string) => call('POST', `${w(id)}/registrations`, registration),
  withdraw: (id: string) => call('DELETE', `${w(id)}/registrations/me`, null),
  decide: (id: string, registrationId: string, decision: 'approved' | 'rejected') =>
    call('POST', `${w(id)}/registrations/${enc(registrationId)}/decision`, registration, { decision }),
  attendance: (id: string, registrationId: string, attended: boolean) =>
    call('PUT', `${w(id)}/registrations/${enc(registrationId)}/attendance`, registration, { attended }),
  setUseCases: (id: string, useCaseIds: string[]) => call('PUT', `${w(id)}/use-cases`, workshop, { useCaseIds }),
  vote: (id: string, body: z.input<typeof ballotInput>) => call('PUT', `${w(id)}/ballot`, ballot, body),
  results: (id: string) => call('GET', `${w(id)}/results`, workshopResults),
  getUseCase: (id: string) =>
    call('GET', `/use-cases/${enc(id)}`, useCase.pick({ id: true, reference: true, title: true, organisation: true })),
  listUseCases: (query: { q?: string; status?: string; pageSize?: number }) =>
    call('GET', '/use-cases', useCasePage, undefined, query),
}

export const workshopKeys = {
  all: ['workshops'] as const,
  one: (id: string) => ['workshops', id] as const,
  registrations: (id: string) => ['workshops', id, 'registrations'] as const,
  results: (id: string) => ['workshops', id, 'results'] as const,
  titleOf: (id: string) => ['use-case-title', id] as const,
  pickerOptions: (q: object) => ['workshop-use-case-picker', q] as const,
}
