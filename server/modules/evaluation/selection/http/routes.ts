import { z } from 'zod'
import {
  scenarioAdopt,
  scenarioCompareQuery,
  scenarioComparison,
  scenarioCreate,
  scenarioDetail,
  scenarioExportQuery,
  scenarioList,
  scenarioParamsPath,
  selectionCallParams,
} from '../../../../../shared/contracts/evaluation-selection.ts'
import { mediaTypes, sendDownload } from '../../../../platform/export/index.ts'
import { type AnyRoute, defineRoute } from '../../../../platform/http/route.ts'
import { adoptScenario, createScenario, deleteScenario } from '../commands/scenarios.ts'
import { compareScenarios, exportScenario, listScenarios, readScenario } from '../queries/scenarios.ts'

const tags = ['evaluation']
const base = '/api/v1/calls/:callId/evaluation/scenarios'

/** Selection under a budget (issue 7 §9): what-if scenarios, comparison, adoption, XLSX (operators). */
export const selectionRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    capability: 'evaluation.view',
    summary: 'The call’s selection scenarios, with the defaults and quota keys the scenario form needs',
    tags,
    params: selectionCallParams,
    response: scenarioList,
    handler: async ({ params }, ctx) => listScenarios(ctx, params.callId),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    capability: 'evaluation.select',
    summary:
      'Compute and store a what-if selection from the complete ranking: budget, quotas per challenge or domain, cap per organisation across calls, limit per lead country',
    tags,
    params: selectionCallParams,
    body: scenarioCreate,
    response: scenarioDetail,
    status: 201,
    handler: async ({ params, body }, ctx) => createScenario(ctx, params.callId, body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/compare`,
    capability: 'evaluation.view',
    summary: 'Compare two scenarios: who moves between funded, reserve and out; the change in totals',
    tags,
    params: selectionCallParams,
    query: scenarioCompareQuery,
    response: scenarioComparison,
    handler: async ({ params, query }, ctx) => compareScenarios(ctx, params.callId, query.a, query.b),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:scenarioId`,
    capability: 'evaluation.view',
    summary: 'One scenario: every application funded, in reserve or out, with its explanation',
    tags,
    params: scenarioParamsPath,
    response: scenarioDetail,
    handler: async ({ params }, ctx) => readScenario(ctx, params.callId, params.scenarioId),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:scenarioId/export`,
    capability: 'evaluation.view',
    summary: 'One scenario as XLSX (explanations in the requester’s language)',
    tags,
    params: scenarioParamsPath,
    query: scenarioExportQuery,
    response: z.unknown(),
    download: { contentTypes: [mediaTypes.xlsx] },
    handler: async ({ params, query }, ctx, _req, reply) => {
      const file = await exportScenario(ctx, params.callId, params.scenarioId, query.lang)
      sendDownload(reply, 'xlsx', file.filename, file.body)
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: `${base}/:scenarioId`,
    capability: 'evaluation.select',
    summary: 'Delete a draft scenario',
    tags,
    params: scenarioParamsPath,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await deleteScenario(ctx, params.callId, params.scenarioId)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:scenarioId/adopt`,
    capability: 'evaluation.select',
    summary:
      'Adopt the scenario decisions are taken from (one per call; `replace` supersedes the adopted one; refused once decisions exist)',
    tags,
    params: scenarioParamsPath,
    body: scenarioAdopt,
    response: scenarioDetail,
    handler: async ({ params, body }, ctx) => adoptScenario(ctx, params.callId, params.scenarioId, body),
  }),
]
