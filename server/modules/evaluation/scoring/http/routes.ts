import {
  assignmentParams,
  callParams,
  evaluationDraftInput,
  evaluationParams,
  evaluationPhasesInput,
  evaluationPhasesView,
  evaluationReopenInput,
  evaluationSettingsInput,
  evaluationSettingsView,
  evaluationState,
  evaluationSubmitInput,
  evaluationView,
  hubCalls,
  myAssignments,
} from '../../../../../shared/contracts/evaluation.ts'
import { type AnyRoute, defineRoute } from '../../../../platform/http/route.ts'
import { savePhases } from '../../phases/commands/save-phases.ts'
import { saveSettings } from '../../phases/commands/save-settings.ts'
import { listEvaluationCalls } from '../../phases/queries/hub.ts'
import { getPhases } from '../../phases/queries/phases.ts'
import { getSettings } from '../../phases/queries/settings.ts'
import { saveDraft, submitEvaluation } from '../commands/evaluate.ts'
import { reopenEvaluation } from '../commands/reopen.ts'
import { listMyAssignments } from '../queries/my-assignments.ts'
import { getEvaluationView } from '../queries/view.ts'

const tags = ['evaluation']

export const scoringRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/evaluation/calls',
    capability: 'evaluation.view',
    summary: 'Closed calls of the programmes you run, with where their evaluation stands (operators)',
    tags,
    response: hubCalls,
    handler: async (_input, ctx) => listEvaluationCalls(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/settings',
    capability: 'evaluation.view',
    summary: 'The call’s evaluation settings (defaults until saved), criteria and scale (operators)',
    tags,
    params: callParams,
    response: evaluationSettingsView,
    handler: async ({ params }, ctx) => getSettings(ctx, params.callId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/calls/:callId/evaluation/settings',
    capability: 'evaluation.manage',
    summary: 'Replace the call’s evaluation settings; panel rules lock once an assignment exists (operators)',
    tags,
    params: callParams,
    body: evaluationSettingsInput,
    response: evaluationSettingsView,
    handler: async ({ params, body }, ctx) => saveSettings(ctx, params.callId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/phases',
    capability: 'evaluation.view',
    summary: 'The call’s evaluation phases (individual, consensus, panel) with their status now (operators)',
    tags,
    params: callParams,
    response: evaluationPhasesView,
    handler: async ({ params }, ctx) => getPhases(ctx, params.callId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/calls/:callId/evaluation/phases',
    capability: 'evaluation.manage',
    summary: 'Set the phases, as wall-clock times in the call’s zone, each after the one before (operators)',
    tags,
    params: callParams,
    body: evaluationPhasesInput,
    response: evaluationPhasesView,
    handler: async ({ params, body }, ctx) => savePhases(ctx, params.callId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/evaluation/my-assignments',
    capability: 'evaluation.expert',
    summary: 'Your assignments per call: deadline, phases, the progress of your evaluations (experts)',
    tags,
    response: myAssignments,
    handler: async (_input, ctx) => listMyAssignments(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/evaluation/assignments/:assignmentId/evaluation',
    capability: 'evaluation.expert',
    summary: 'The application as submitted (anonymised if the call says so), the criteria and your evaluation',
    tags,
    params: assignmentParams,
    response: evaluationView,
    handler: async ({ params }, ctx) => getEvaluationView(ctx, params.assignmentId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/evaluation/assignments/:assignmentId/evaluation',
    capability: 'evaluation.expert',
    summary: 'Save your draft evaluation (optimistic: the version you read, null for none)',
    tags,
    params: assignmentParams,
    body: evaluationDraftInput,
    response: evaluationState,
    handler: async ({ params, body }, ctx) => saveDraft(ctx, params.assignmentId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/evaluation/assignments/:assignmentId/evaluation/submit',
    capability: 'evaluation.expert',
    summary: 'Submit your evaluation (every criterion scored and commented, the overall comment)',
    tags,
    params: assignmentParams,
    body: evaluationSubmitInput,
    response: evaluationState,
    handler: async ({ params, body }, ctx) => submitEvaluation(ctx, params.assignmentId, body.version),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/evaluations/:evaluationId/reopen',
    capability: 'evaluation.moderate',
    summary: 'Reopen a submitted evaluation for its expert, with a reason (moderators)',
    tags,
    params: evaluationParams,
    body: evaluationReopenInput,
    response: evaluationState,
    handler: async ({ params, body }, ctx) => reopenEvaluation(ctx, params.evaluationId, body.reason),
  }),
]
