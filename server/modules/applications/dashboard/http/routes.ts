import { z } from 'zod'
import { callParams } from '../../../../../shared/contracts/calls.ts'
import { locale } from '../../../../../shared/contracts/common.ts'
import {
  callApplicationsQuery,
  callDashboard as callDashboardContract,
  operatorApplicationPage,
} from '../../../../../shared/contracts/screening.ts'
import { mediaTypes, sendDownload } from '../../../../platform/export/index.ts'
import { defineRoute } from '../../../../platform/http/route.ts'
import { callDashboard } from '../queries/dashboard.ts'
import { exportCallApplications } from '../queries/export-applications.ts'
import { listCallApplications } from '../queries/list-applications.ts'

const tags = ['applications']

export const callApplicationsExportQuery = callApplicationsQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: locale.optional(),
})

export const dashboardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/applications',
    capability: 'call.dashboard',
    summary: 'The applications of a call for its programme staff: every status, searched, filtered, sorted, paged',
    tags,
    params: callParams,
    query: callApplicationsQuery,
    response: operatorApplicationPage,
    handler: async ({ params, query }, ctx) => listCallApplications(ctx, params.callId, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/dashboard',
    capability: 'call.dashboard',
    summary:
      'Statistics of a call: submissions over time, partners by country, domains, challenges, cross-border share, SMEs per application, budget requested, admissibility',
    tags,
    params: callParams,
    response: callDashboardContract,
    handler: async ({ params }, ctx) => callDashboard(ctx, params.callId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/applications/export',
    capability: 'call.dashboard',
    summary:
      'The applications of a call as XLSX (a sheet of applications, a sheet of partners) or CSV (applications), same filters as the list; headers in the requester’s language',
    tags,
    params: callParams,
    query: callApplicationsExportQuery,
    response: z.unknown(),
    download: { contentTypes: [mediaTypes.xlsx, mediaTypes.csv] },
    handler: async ({ params, query }, ctx, _req, reply) => {
      const file = await exportCallApplications(ctx, params.callId, query)
      sendDownload(reply, query.format, file.filename, file.body)
    },
  }),
]
