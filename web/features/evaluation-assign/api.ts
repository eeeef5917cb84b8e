import type { z } from 'zod'
import { call } from '../../../shared/contracts/calls.ts'
import {
  assignmentOverview,
  assignmentPair,
  assignmentRun,
  type BidValue,
  bidPage,
  bidResult,
  type pairCreate,
  pairPage,
  runList,
} from '../../../shared/contracts/evaluation-assignments.ts'
import { request } from '../../app/api.ts'

/** The typed client of the assignment endpoints (shared/contracts/evaluation-assignments.ts). */
const enc = encodeURIComponent
const base = (callId: string) => `/api/v1/calls/${enc(callId)}/evaluation`

export const assignApi = {
  call: (callId: string) => request('GET', `/api/v1/calls/${enc(callId)}`, { schema: call }),
  runs: (callId: string) => request('GET', `${base(callId)}/assignment-runs`, { schema: runList }),
  startRun: (callId: string) => request('POST', `${base(callId)}/assignment-runs`, { schema: assignmentRun, body: {} }),
  pairs: (callId: string, query: { page: number; pageSize: number; expertId?: string; applicationId?: string }) =>
    request('GET', `${base(callId)}/assignments`, { schema: pairPage, query }),
  overview: (callId: string) => request('GET', `${base(callId)}/assignment-overview`, { schema: assignmentOverview }),
  add: (callId: string, body: z.input<typeof pairCreate>) =>
    request('POST', `${base(callId)}/assignments`, { schema: assignmentPair, body }),
  lock: (assignmentId: string, locked: boolean) =>
    request('PATCH', `/api/v1/evaluation/assignments/${enc(assignmentId)}`, {
      schema: assignmentPair,
      body: { locked },
    }),
  remove: (assignmentId: string) =>
    request('DELETE', `/api/v1/evaluation/assignments/${enc(assignmentId)}`, { schema: null }),
  bids: (callId: string, query: { q?: string; page: number; pageSize: number }) =>
    request('GET', `${base(callId)}/bids`, { schema: bidPage, query }),
  bid: (callId: string, applicationId: string, bid: BidValue | null) =>
    request('PUT', `${base(callId)}/bids/${enc(applicationId)}`, { schema: bidResult, body: { bid } }),
}

export const assignKeys = {
  call: (callId: string) => ['calls', 'one', callId] as const,
  all: (callId: string) => ['assign', callId] as const,
  runs: (callId: string) => ['assign', callId, 'runs'] as const,
  pairs: (callId: string, q: object) => ['assign', callId, 'pairs', q] as const,
  overview: (callId: string) => ['assign', callId, 'overview'] as const,
  bids: (callId: string, q: object) => ['assign', callId, 'bids', q] as const,
}
