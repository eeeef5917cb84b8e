import { applicationParams, eligibilityView } from '../../../../../shared/contracts/applications.ts'
import { callParams } from '../../../../../shared/contracts/calls.ts'
import {
  admissibilityInput,
  overrideInput,
  ruleParams,
  screeningSummary,
} from '../../../../../shared/contracts/screening.ts'
import { defineRoute } from '../../../../platform/http/route.ts'
import { decideAdmissibility } from '../commands/decide-admissibility.ts'
import { overrideRule } from '../commands/override-rule.ts'
import { screenCallNow } from '../commands/screen-call.ts'
import { getEligibility } from '../queries/eligibility-view.ts'

const tags = ['applications']

export const screeningRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/screen',
    capability: 'call.screen',
    summary:
      'Screen every submitted application of a closed call now (the close job does it at the deadline); keeps overrides',
    tags,
    params: callParams,
    response: screeningSummary,
    handler: async ({ params }, ctx) => screenCallNow(ctx, params.callId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications/:applicationId/eligibility',
    capability: 'application.view',
    summary:
      'Eligibility of an application: one result per rule with its reason, overrides, admissibility (consortium and programme staff)',
    tags,
    params: applicationParams,
    response: eligibilityView,
    handler: async ({ params }, ctx) => getEligibility(ctx, params.applicationId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/eligibility/:rule/override',
    capability: 'call.screen',
    summary: 'Override the screening result of one rule, with a written justification (audited)',
    tags,
    params: ruleParams,
    body: overrideInput,
    response: eligibilityView,
    handler: async ({ params, body }, ctx) => overrideRule(ctx, params.applicationId, params.rule, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/admissibility',
    capability: 'call.screen',
    summary: 'Declare a submitted application admissible or not (audited; the consortium is notified)',
    tags,
    params: applicationParams,
    body: admissibilityInput,
    response: eligibilityView,
    handler: async ({ params, body }, ctx) => decideAdmissibility(ctx, params.applicationId, body),
  }),
]
