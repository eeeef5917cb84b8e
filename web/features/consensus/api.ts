import { z } from 'zod'
import {
  consensusDetail,
  consensusList,
  consensusRecord,
  type consensusRecordInput,
  consensusStatuses,
  expertConsensusView,
  thread,
  threadMessage,
} from '../../../shared/contracts/evaluation-consensus.ts'
import { request } from '../../app/api.ts'

/** The consensus endpoints, parsed with the shared contracts. */
const enc = encodeURIComponent
const base = (callId: string) => `/api/v1/calls/${enc(callId)}/evaluation/consensus`
const threadUrl = (applicationId: string) => `/api/v1/evaluation/consensus/${enc(applicationId)}`

export interface ConsensusListParams {
  q?: string | undefined
  flagged?: 'true' | undefined
  status?: (typeof consensusStatuses)[number] | undefined
  page: number
  pageSize: number
}

export const consensusApi = {
  list: (callId: string, query: ConsensusListParams) =>
    request('GET', base(callId), { schema: consensusList, query: { ...query } }),
  detail: (callId: string, applicationId: string) =>
    request('GET', `${base(callId)}/${enc(applicationId)}`, { schema: consensusDetail }),
  save: (callId: string, applicationId: string, body: z.input<typeof consensusRecordInput>) =>
    request('PUT', `${base(callId)}/${enc(applicationId)}/record`, { schema: consensusRecord, body }),
  finalise: (callId: string, applicationId: string, version: number) =>
    request('POST', `${base(callId)}/${enc(applicationId)}/finalise`, { schema: consensusRecord, body: { version } }),
  reopen: (callId: string, applicationId: string, version: number) =>
    request('POST', `${base(callId)}/${enc(applicationId)}/reopen`, { schema: consensusRecord, body: { version } }),
  expertView: (applicationId: string) => request('GET', threadUrl(applicationId), { schema: expertConsensusView }),
  thread: (applicationId: string) => request('GET', `${threadUrl(applicationId)}/messages`, { schema: thread }),
  post: (applicationId: string, body: string) =>
    request('POST', `${threadUrl(applicationId)}/messages`, { schema: threadMessage, body: { body } }),
}

export const consensusKeys = {
  all: ['consensus'] as const,
  call: (callId: string) => ['consensus', 'call', callId] as const,
  list: (callId: string, q: object) => ['consensus', 'call', callId, 'list', q] as const,
  detail: (callId: string, applicationId: string) => ['consensus', 'call', callId, 'detail', applicationId] as const,
  expert: (applicationId: string) => ['consensus', 'expert', applicationId] as const,
  thread: (applicationId: string) => ['consensus', 'thread', applicationId] as const,
}

export const consensusSearch = z.object({
  q: z.string().max(200).optional().catch(undefined),
  flagged: z.literal('true').optional().catch(undefined),
  status: z.enum(consensusStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
})
