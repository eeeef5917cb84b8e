import type { z } from 'zod'
import {
  scenarioComparison,
  type scenarioCreate,
  scenarioDetail,
  scenarioList,
} from '../../../shared/contracts/evaluation-selection.ts'
import { request } from '../../app/api.ts'

/** The selection endpoints (operators), parsed with the shared contracts. */
const enc = encodeURIComponent
const base = (callId: string) => `/api/v1/calls/${enc(callId)}/evaluation/scenarios`

export const selectionApi = {
  list: (callId: string) => request('GET', base(callId), { schema: scenarioList }),
  get: (callId: string, id: string) => request('GET', `${base(callId)}/${enc(id)}`, { schema: scenarioDetail }),
  create: (callId: string, body: z.input<typeof scenarioCreate>) =>
    request('POST', base(callId), { schema: scenarioDetail, body }),
  remove: (callId: string, id: string) => request('DELETE', `${base(callId)}/${enc(id)}`, { schema: null }),
  adopt: (callId: string, id: string, replace: boolean) =>
    request('POST', `${base(callId)}/${enc(id)}/adopt`, { schema: scenarioDetail, body: { replace } }),
  compare: (callId: string, a: string, b: string) =>
    request('GET', `${base(callId)}/compare`, { schema: scenarioComparison, query: { a, b } }),
  exportUrl: (callId: string, id: string, lang: string) => `${base(callId)}/${enc(id)}/export?lang=${enc(lang)}`,
}

export const selectionKeys = {
  all: (callId: string) => ['selection', callId] as const,
  list: (callId: string) => ['selection', callId, 'list'] as const,
  one: (callId: string, id: string) => ['selection', callId, 'scenario', id] as const,
  compare: (callId: string, a: string, b: string) => ['selection', callId, 'compare', a, b] as const,
}
