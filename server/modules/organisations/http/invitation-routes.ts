import { z } from 'zod'
import {
  invitation,
  invitationInput,
  invitationList,
  invitationPreview,
  organisation,
} from '../../../../shared/contracts/organisations.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { acceptInvitation } from '../commands/accept-invitation.ts'
import { inviteMember } from '../commands/invite-member.ts'
import { revokeInvitation } from '../commands/revoke-invitation.ts'
import { getInvitationPreview } from '../queries/get-invitation-preview.ts'
import { listInvitations } from '../queries/list-invitations.ts'
import { invitationParams, organisationParams, organisationSubject, tags, tokenParams } from './params.ts'

export const invitationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/invitations',
    capability: 'organisation.members.view',
    subject: organisationSubject,
    summary: 'Invitations of the organisation, newest first',
    tags,
    params: organisationParams,
    response: invitationList,
    handler: async ({ params }, ctx) => listInvitations(ctx, params.organisationId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/invitations',
    capability: 'organisation.members.manage',
    subject: organisationSubject,
    summary: 'Invite a person by email (valid 14 days)',
    tags,
    params: organisationParams,
    body: invitationInput,
    response: invitation,
    status: 201,
    handler: async ({ params, body }, ctx) => inviteMember(ctx, params.organisationId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/invitations/:invitationId',
    capability: 'organisation.members.manage',
    subject: organisationSubject,
    summary: 'Revoke an invitation',
    tags,
    params: invitationParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await revokeInvitation(ctx, params.organisationId, params.invitationId)
      return null
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/invitations/:token',
    capability: 'public',
    summary: 'What an invitation link offers, before accepting',
    tags,
    params: tokenParams,
    response: invitationPreview,
    handler: async ({ params }, ctx) => getInvitationPreview(ctx, params.token),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/invitations/:token/accept',
    capability: 'invitation.accept',
    summary: 'Accept an invitation sent to your email address',
    tags,
    params: tokenParams,
    response: organisation,
    handler: async ({ params }, ctx) => acceptInvitation(ctx, params.token),
  }),
]
