import { z } from 'zod'
import {
  applicationParams,
  callParams,
  conflictDeclare,
  conflictList,
  conflictParams,
  conflictSettings,
  declaredConflict,
} from '../../../../../shared/contracts/experts.ts'
import { type AnyRoute, defineRoute } from '../../../../platform/http/route.ts'
import { declareConflict, setConflictSettings, withdrawConflict } from '../commands/declare.ts'
import { listCallConflicts } from '../queries/list.ts'

const tags = ['experts']

export const conflictRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/experts/conflicts',
    capability: 'expert.pool.view',
    summary: 'Conflicts of interest per expert × submitted application of the call, each with its reasons',
    tags,
    params: callParams,
    response: conflictList,
    handler: async ({ params }, ctx) => listCallConflicts(ctx, params.callId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/calls/:callId/experts/conflict-settings',
    capability: 'expert.pool.manage',
    summary: 'Switch the call’s optional conflict rules (cluster staff, same country)',
    tags,
    params: callParams,
    body: conflictSettings,
    response: conflictSettings,
    handler: async ({ params, body }, ctx) => setConflictSettings(ctx, params.callId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/expert-conflicts',
    capability: 'expert.conflict.declare',
    summary: 'Declare a conflict of interest on an application (an expert for themself, an operator for an expert)',
    tags,
    params: applicationParams,
    body: conflictDeclare,
    response: declaredConflict,
    status: 201,
    handler: async ({ params, body }, ctx) => declareConflict(ctx, params.applicationId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/expert-conflicts/:conflictId',
    capability: 'expert.conflict.declare',
    summary: 'Withdraw a declared conflict (the expert concerned or an operator)',
    tags,
    params: conflictParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await withdrawConflict(ctx, params.conflictId)
      return null
    },
  }),
]
