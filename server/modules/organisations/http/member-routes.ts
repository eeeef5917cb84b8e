import { z } from 'zod'
import {
  member,
  memberList,
  memberRolePatch,
  organisation,
  ownershipTransfer,
} from '../../../../shared/contracts/organisations.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { changeMemberRole } from '../commands/change-member-role.ts'
import { leaveOrganisation } from '../commands/leave-organisation.ts'
import { removeMember } from '../commands/remove-member.ts'
import { transferOwnership } from '../commands/transfer-ownership.ts'
import { listMembers } from '../queries/list-members.ts'
import { memberParams, organisationParams, organisationSubject, tags } from './params.ts'

export const memberRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/members',
    capability: 'organisation.members.view',
    subject: organisationSubject,
    summary: 'Members, with what you may do to each',
    tags,
    params: organisationParams,
    response: memberList,
    handler: async ({ params }, ctx) => listMembers(ctx, params.organisationId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/organisations/:organisationId/members/:userId',
    capability: 'organisation.members.manage',
    subject: organisationSubject,
    summary: "Change a member's role",
    tags,
    params: memberParams,
    body: memberRolePatch,
    response: member,
    handler: async ({ params, body }, ctx) => changeMemberRole(ctx, params.organisationId, params.userId, body.role),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/members/:userId',
    capability: 'organisation.members.manage',
    subject: organisationSubject,
    summary: 'Remove a member',
    tags,
    params: memberParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await removeMember(ctx, params.organisationId, params.userId)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/leave',
    capability: 'organisation.leave',
    subject: organisationSubject,
    summary: 'Leave the organisation (the last owner must transfer ownership first)',
    tags,
    params: organisationParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await leaveOrganisation(ctx, params.organisationId)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/transfer-ownership',
    capability: 'organisation.ownership.transfer',
    subject: organisationSubject,
    summary: 'Make a member the owner',
    tags,
    params: organisationParams,
    body: ownershipTransfer,
    response: organisation,
    handler: async ({ params, body }, ctx) => transferOwnership(ctx, params.organisationId, body.userId),
  }),
]
