import type { z } from 'zod'
import { auditEventPage } from '../../../shared/contracts/admin.ts'
import { application, eligibilityView } from '../../../shared/contracts/applications.ts'
import { call } from '../../../shared/contracts/calls.ts'
import {
  type admissibilityInput,
  type callApplicationsQuery,
  callDashboard,
  operatorApplicationPage,
  type overrideInput,
  screeningSummary,
} from '../../../shared/contracts/screening.ts'
import { request } from '../../app/api.ts'

/** The typed client of the screening and dashboard endpoints (contracts of shared/contracts/applications.ts). */
const v1 = '/api/v1'
const enc = encodeURIComponent
type Query = Record<string, string | number | boolean | null | undefined>
export type CallApplicationsQuery = Partial<z.input<typeof callApplicationsQuery>>

export const screeningApi = {
  call: (callId: string) => request('GET', `${v1}/calls/${enc(callId)}`, { schema: call }),
  dashboard: (callId: string) => request('GET', `${v1}/calls/${enc(callId)}/dashboard`, { schema: callDashboard }),
  applications: (callId: string, query: CallApplicationsQuery) =>
    request('GET', `${v1}/calls/${enc(callId)}/applications`, {
      query: query as Query,
      schema: operatorApplicationPage,
    }),
  screen: (callId: string) => request('POST', `${v1}/calls/${enc(callId)}/screen`, { schema: screeningSummary }),
  application: (applicationId: string) =>
    request('GET', `${v1}/applications/${enc(applicationId)}`, { schema: application }),
  eligibility: (applicationId: string) =>
    request('GET', `${v1}/applications/${enc(applicationId)}/eligibility`, { schema: eligibilityView }),
  override: (applicationId: string, rule: string, body: z.input<typeof overrideInput>) =>
    request('POST', `${v1}/applications/${enc(applicationId)}/eligibility/${enc(rule)}/override`, {
      body,
      schema: eligibilityView,
    }),
  decide: (applicationId: string, body: z.input<typeof admissibilityInput>) =>
    request('POST', `${v1}/applications/${enc(applicationId)}/admissibility`, { body, schema: eligibilityView }),
  /**
   * The review's history from the activity log (operators: `admin.audit.view`): submissions,
   * withdrawal, overrides and decisions, newest first (autosaves are left out).
   */
  history: async (applicationId: string) => {
    const pages = await Promise.all(
      reviewActions.map((action) =>
        request('GET', `${v1}/admin/audit-events`, {
          query: { subjectType: 'application', subjectId: applicationId, action, pageSize: 50 },
          schema: auditEventPage,
        }),
      ),
    )
    const items = pages.flatMap((p) => p.items).sort((a, b) => Number(b.seq) - Number(a.seq))
    return { items }
  },
}

export const reviewActions = [
  'application.submitted',
  'application.withdrawn',
  'application.eligibility_overridden',
  'application.admissibility_decided',
] as const

/** The export's address for one format, with the table's filters (the browser downloads it). */
export function exportHref(callId: string, format: 'csv' | 'xlsx', query: CallApplicationsQuery, lang: string): string {
  const params = new URLSearchParams({ format, lang })
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || k === 'page' || k === 'pageSize') continue
    params.set(k, String(v))
  }
  return `${v1}/calls/${enc(callId)}/applications/export?${params}`
}

export const screeningKeys = {
  call: (callId: string) => ['calls', 'one', callId] as const,
  dashboard: (callId: string) => ['screening', 'dashboard', callId] as const,
  applications: (callId: string, q?: CallApplicationsQuery) =>
    q ? (['screening', 'applications', callId, q] as const) : (['screening', 'applications', callId] as const),
  application: (id: string) => ['applications', 'one', id] as const,
  eligibility: (id: string) => ['screening', 'eligibility', id] as const,
  history: (id: string) => ['screening', 'history', id] as const,
}
