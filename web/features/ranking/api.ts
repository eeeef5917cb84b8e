import { call } from '../../../shared/contracts/calls.ts'
import { progressView, rankingView, statisticsView } from '../../../shared/contracts/evaluation-ranking.ts'
import { request } from '../../app/api.ts'

/** The typed client of the ranking and evaluation-views endpoints (shared/contracts/evaluation-ranking.ts). */
const enc = encodeURIComponent
const base = (callId: string) => `/api/v1/calls/${enc(callId)}/evaluation`

export const rankingApi = {
  call: (callId: string) => request('GET', `/api/v1/calls/${enc(callId)}`, { schema: call }),
  ranking: (callId: string) => request('GET', `${base(callId)}/ranking`, { schema: rankingView }),
  progress: (callId: string) => request('GET', `${base(callId)}/progress`, { schema: progressView }),
  statistics: (callId: string) => request('GET', `${base(callId)}/statistics`, { schema: statisticsView }),
}

export type ExportKind = 'ranking' | 'evaluations' | 'consensus'

/** A download link of one export in the viewer's language (the browser sends the session cookie). */
export function exportHref(callId: string, kind: ExportKind, format: 'xlsx' | 'csv', lang: string): string {
  return `${base(callId)}/${kind}/export?${new URLSearchParams({ format, lang })}`
}

export const rankingKeys = {
  call: (callId: string) => ['calls', 'one', callId] as const,
  ranking: (callId: string) => ['ranking', 'ranking', callId] as const,
  progress: (callId: string) => ['ranking', 'progress', callId] as const,
  statistics: (callId: string) => ['ranking', 'statistics', callId] as const,
}
