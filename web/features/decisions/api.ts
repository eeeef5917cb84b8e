import type { z } from 'zod'
import {
  decisionBoard,
  evaluationResult,
  type grantAdjustInput,
  type grantResponseInput,
  notifyResult,
  type redressHandleInput,
  redressItem,
  redressPage,
} from '../../../shared/contracts/evaluation-decisions.ts'
import { request } from '../../app/api.ts'

/** The decisions, grant response and redress endpoints, parsed with the shared contracts. */
const enc = encodeURIComponent
const decisions = (callId: string) => `/api/v1/calls/${enc(callId)}/evaluation/decisions`
const redress = (callId: string) => `/api/v1/calls/${enc(callId)}/evaluation/redress`
const result = (applicationId: string) => `/api/v1/applications/${enc(applicationId)}/evaluation-result`

export interface RedressListQuery {
  status: 'open' | 'handled' | 'overdue' | 'all'
  q: string
  page: number
  pageSize: number
}

export const decisionsApi = {
  board: (callId: string) => request('GET', decisions(callId), { schema: decisionBoard }),
  decide: (callId: string) => request('POST', decisions(callId), { schema: decisionBoard }),
  adjustGrant: (callId: string, applicationId: string, body: z.input<typeof grantAdjustInput>) =>
    request('PUT', `${decisions(callId)}/${enc(applicationId)}/grant`, { schema: decisionBoard, body }),
  notify: (callId: string) => request('POST', `${decisions(callId)}/notify`, { schema: notifyResult }),
  result: (applicationId: string) => request('GET', result(applicationId), { schema: evaluationResult }),
  summaryPdf: (applicationId: string, lang: string) => `${result(applicationId)}/summary.pdf?lang=${enc(lang)}`,
  respond: (applicationId: string, body: z.input<typeof grantResponseInput>) =>
    request('POST', `${result(applicationId)}/respond`, { schema: evaluationResult, body }),
  fileRedress: (applicationId: string, body: { grounds: string }) =>
    request('POST', `${result(applicationId)}/redress`, { schema: evaluationResult, body }),
  redressList: (callId: string, query: RedressListQuery) =>
    request('GET', redress(callId), { schema: redressPage, query: { ...query } }),
  handle: (callId: string, redressId: string, body: z.input<typeof redressHandleInput>) =>
    request('POST', `${redress(callId)}/${enc(redressId)}/handle`, { schema: redressItem, body }),
}

export const decisionKeys = {
  board: (callId: string) => ['decisions', 'board', callId] as const,
  result: (applicationId: string) => ['decisions', 'result', applicationId] as const,
  redress: (callId: string) => ['decisions', 'redress', callId] as const,
  redressList: (callId: string, q: RedressListQuery) => ['decisions', 'redress', callId, q] as const,
}
