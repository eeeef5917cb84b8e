import { partSave } from '../../../../shared/contracts/application-parts.ts'
import {
  application,
  applicationParams,
  partConfirm,
  partnerInvite,
  partnerParams,
} from '../../../../shared/contracts/applications.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { confirmPart } from '../commands/confirm-part.ts'
import { invitePartner } from '../commands/invite-partner.ts'
import { removePartner } from '../commands/remove-partner.ts'
import { savePart } from '../commands/save-part.ts'
import { unconfirmPart } from '../commands/unconfirm-part.ts'

const tags = ['applications']

export const partnerRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/partners',
    capability: 'application.manage',
    summary: 'Invite a partner organisation by e-mail (lead); the link is valid 14 days',
    tags,
    params: applicationParams,
    body: partnerInvite,
    response: application,
    handler: async ({ params, body }, ctx) => invitePartner(ctx, params.applicationId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/applications/:applicationId/partners/:partnerId',
    capability: 'application.manage',
    summary: 'Remove a partner or withdraw its invitation (lead; not the lead itself)',
    tags,
    params: partnerParams,
    response: application,
    handler: async ({ params }, ctx) => removePartner(ctx, params.applicationId, params.partnerId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/applications/:applicationId/partners/:partnerId/part',
    capability: 'application.manage',
    summary:
      "Save a partner's part (its members). Send the whole part; stale basePartVersion: 409 application_part_conflict with the current part",
    tags,
    params: partnerParams,
    body: partSave,
    response: application,
    handler: async ({ params, body }, ctx) => savePart(ctx, params.applicationId, params.partnerId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/partners/:partnerId/confirm',
    capability: 'application.manage',
    summary: 'Confirm this version of the part (its members); any later change withdraws the confirmation',
    tags,
    params: partnerParams,
    body: partConfirm,
    response: application,
    handler: async ({ params, body }, ctx) => confirmPart(ctx, params.applicationId, params.partnerId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/partners/:partnerId/unconfirm',
    capability: 'application.manage',
    summary: 'Withdraw the confirmation of the part (its members)',
    tags,
    params: partnerParams,
    response: application,
    handler: async ({ params }, ctx) => unconfirmPart(ctx, params.applicationId, params.partnerId),
  }),
]
