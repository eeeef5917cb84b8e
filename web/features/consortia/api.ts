import type { z } from 'zod'
import { call, callPage } from '../../../shared/contracts/calls.ts'
import {
  consortium,
  type consortiumAccept,
  consortiumCandidates,
  consortiumConversion,
  type consortiumCreate,
  consortiumInvitation,
  type consortiumInvite,
  consortiumMember,
  consortiumPage,
} from '../../../shared/contracts/consortia.ts'
import { request } from '../../app/api.ts'

/** The consortia endpoints, parsed with the shared contracts. */
const v1 = '/api/v1/consortia'
const enc = encodeURIComponent

export const consortiaApi = {
  list: (query: { status?: string; page?: number; pageSize?: number }) =>
    request('GET', v1, { schema: consortiumPage, query }),
  get: (id: string) => request('GET', `${v1}/${enc(id)}`, { schema: consortium }),
  create: (body: z.input<typeof consortiumCreate>) => request('POST', v1, { schema: consortium, body }),
  candidates: (id: string, q: string) =>
    request('GET', `${v1}/${enc(id)}/candidates`, { schema: consortiumCandidates, query: { q } }),
  invite: (id: string, body: z.input<typeof consortiumInvite>) =>
    request('POST', `${v1}/${enc(id)}/members`, { schema: consortium, body }),
  remove: (id: string, memberId: string) =>
    request('DELETE', `${v1}/${enc(id)}/members/${enc(memberId)}`, { schema: consortium }),
  accept: (id: string, memberId: string, body: z.input<typeof consortiumAccept>) =>
    request('POST', `${v1}/${enc(id)}/members/${enc(memberId)}/accept`, { schema: consortium, body }),
  decline: (id: string, memberId: string) =>
    request('POST', `${v1}/${enc(id)}/members/${enc(memberId)}/decline`, { schema: consortiumMember, body: {} }),
  dissolve: (id: string) => request('POST', `${v1}/${enc(id)}/dissolve`, { schema: consortium, body: {} }),
  convert: (id: string) => request('POST', `${v1}/${enc(id)}/convert`, { schema: consortiumConversion, body: {} }),
  invitation: (token: string) =>
    request('GET', `/api/v1/consortium-invitations/${enc(token)}`, { schema: consortiumInvitation }),
  acceptByToken: (token: string, body: z.input<typeof consortiumAccept>) =>
    request('POST', `/api/v1/consortium-invitations/${enc(token)}/accept`, { schema: consortium, body }),
  declineByToken: (token: string) =>
    request('POST', `/api/v1/consortium-invitations/${enc(token)}/decline`, { schema: consortiumInvitation, body: {} }),
  /** Calls a consortium can be formed for: listed and not closed. */
  calls: async () => {
    const page = await request('GET', '/api/v1/calls', { schema: callPage, query: { pageSize: 100 } })
    return page.items.filter((c) => c.phase === 'open' || c.phase === 'scheduled')
  },
  call: (id: string) => request('GET', `/api/v1/calls/${enc(id)}`, { schema: call }),
}

export const consortiaKeys = {
  all: ['consortia'] as const,
  list: (q: unknown) => ['consortia', 'list', q] as const,
  one: (id: string) => ['consortia', 'one', id] as const,
  candidates: (id: string, q: string) => ['consortia', 'candidates', id, q] as const,
  invitation: (token: string) => ['consortia', 'invitation', token] as const,
  calls: ['consortia', 'calls'] as const,
  call: (id: string) => ['consortia', 'call', id] as const,
}
