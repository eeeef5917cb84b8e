import {
  application,
  invitationAccept,
  invitationParams,
  invitationView,
} from '../../../../shared/contracts/applications.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { acceptInvitation } from '../commands/accept-invitation.ts'
import { declineInvitation } from '../commands/decline-invitation.ts'
import { getInvitation } from '../queries/invitation-view.ts'

const tags = ['applications']

export const invitationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/application-invitations/:token',
    capability: 'application.view',
    summary: 'An invitation to join a consortium: the application, the call and the lead organisation',
    tags,
    params: invitationParams,
    response: invitationView,
    handler: async ({ params }, ctx) => getInvitation(ctx, params.token),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/application-invitations/:token/accept',
    capability: 'application.manage',
    summary: 'Accept the invitation for one of your organisations, which joins the consortium',
    tags,
    params: invitationParams,
    body: invitationAccept,
    response: application,
    handler: async ({ params, body }, ctx) => acceptInvitation(ctx, params.token, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/application-invitations/:token/decline',
    capability: 'application.manage',
    summary: 'Decline the invitation',
    tags,
    params: invitationParams,
    response: invitationView,
    handler: async ({ params }, ctx) => declineInvitation(ctx, params.token),
  }),
]
