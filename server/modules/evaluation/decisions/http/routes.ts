import { z } from 'zod'
import { locale } from '../../../../../shared/contracts/common.ts'
import {
  decisionBoard,
  decisionCallParams,
  decisionParams,
  evaluationResult,
  grantAdjustInput,
  grantResponseInput,
  notifyResult,
  redressHandleInput,
  redressInput,
  redressItem,
  redressPage,
  redressParams,
  redressQuery,
  resultParams,
} from '../../../../../shared/contracts/evaluation-decisions.ts'
import { type AnyRoute, defineRoute } from '../../../../platform/http/route.ts'
import { pdfLocale } from '../../../applications/index.ts'
import { fileRedress } from '../../redress/commands/file.ts'
import { handleRedress } from '../../redress/commands/handle.ts'
import { listRedress } from '../../redress/queries/list.ts'
import { adjustGrant } from '../commands/adjust.ts'
import { takeDecisions } from '../commands/decide.ts'
import { notifyDecisions } from '../commands/notify.ts'
import { respondToGrant } from '../commands/respond.ts'
import { downloadSummaryPdf } from '../pdf/summary-pdf.ts'
import { readDecisionBoard } from '../queries/board.ts'
import { readEvaluationResult } from '../queries/result.ts'

const tags = ['evaluation']
const result = '/api/v1/applications/:applicationId/evaluation-result'

export const decisionRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/decisions',
    capability: 'evaluation.view',
    summary: 'The adopted scenario and the call’s decisions: amounts, notification, grant responses, promotions',
    tags,
    params: decisionCallParams,
    response: decisionBoard,
    handler: async ({ params }, ctx) => readDecisionBoard(ctx, params.callId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/evaluation/decisions',
    capability: 'evaluation.decide',
    summary: 'Take the decisions (funded, reserve, rejected) from the adopted scenario, once; not notified yet',
    tags,
    params: decisionCallParams,
    response: decisionBoard,
    status: 201,
    handler: async ({ params }, ctx) => takeDecisions(ctx, params.callId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/calls/:callId/evaluation/decisions/:applicationId/grant',
    capability: 'evaluation.decide',
    summary: 'Cut (or restore) a funded decision’s amount before it is notified, with the reason the applicant reads',
    tags,
    params: decisionParams,
    body: grantAdjustInput,
    response: decisionBoard,
    handler: async ({ params, body }, ctx) => adjustGrant(ctx, params.callId, params.applicationId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/evaluation/decisions/notify',
    capability: 'evaluation.decide',
    summary:
      'Notify the decisions not notified yet: in-app and e-mail to every member of each applicant, with the summary PDF',
    tags,
    params: decisionCallParams,
    response: notifyResult,
    handler: async ({ params }, ctx) => notifyDecisions(ctx, params.callId),
  }),
  defineRoute({
    method: 'GET',
    url: result,
    capability: 'evaluation.result.view',
    summary:
      'The evaluation result of an application (its members, once notified): decision, consensus scores and comments, grant answer, redress',
    tags,
    params: resultParams,
    response: evaluationResult,
    handler: async ({ params }, ctx) => readEvaluationResult(ctx, params.applicationId),
  }),
  defineRoute({
    method: 'GET',
    url: `${result}/summary.pdf`,
    capability: 'evaluation.result.view',
    summary: 'The evaluation summary as a PDF; `lang` (else Accept-Language) picks the language',
    tags,
    params: resultParams,
    query: z.object({ lang: locale.optional() }),
    response: z.null(),
    download: { contentTypes: ['application/pdf'] },
    handler: async ({ params, query }, ctx, req, reply) => {
      await downloadSummaryPdf(ctx, params.applicationId, pdfLocale(req, query.lang), reply)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${result}/respond`,
    capability: 'evaluation.result.respond',
    summary:
      'Accept (with `acceptCut` when granted < requested) or decline the grant, once; a decline promotes the first reserve that keeps the adopted scenario’s budget, quotas, caps and country maximum',
    tags,
    params: resultParams,
    body: grantResponseInput,
    response: evaluationResult,
    handler: async ({ params, body }, ctx) => respondToGrant(ctx, params.applicationId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${result}/redress`,
    capability: 'evaluation.result.respond',
    summary: 'Request redress (grounds ≥ 50 characters) within the window after notification; one open at a time',
    tags,
    params: resultParams,
    body: redressInput,
    response: evaluationResult,
    status: 201,
    handler: async ({ params, body }, ctx) => fileRedress(ctx, params.applicationId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/redress',
    capability: 'evaluation.view',
    summary: 'The call’s redress requests with due dates and the overdue flag: status filter, search, paging',
    tags,
    params: decisionCallParams,
    query: redressQuery,
    response: redressPage,
    handler: async ({ params, query }, ctx) => listRedress(ctx, params.callId, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/evaluation/redress/:redressId/handle',
    capability: 'evaluation.redress.handle',
    summary:
      'Record the outcome of an open redress request (upheld, partially upheld, dismissed); the applicant is notified',
    tags,
    params: redressParams,
    body: redressHandleInput,
    response: redressItem,
    handler: async ({ params, body }, ctx) => handleRedress(ctx, params.callId, params.redressId, body),
  }),
]
