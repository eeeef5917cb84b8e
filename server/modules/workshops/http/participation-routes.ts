import { z } from 'zod'
import { uuid } from '../../../../shared/contracts/common.ts'
import {
  attendanceInput,
  ballot,
  ballotInput,
  registration,
  registrationDecision,
  registrationList,
  workshop,
  workshopInvite,
  workshopInviteResult,
  workshopResults,
  workshopUseCasesInput,
} from '../../../../shared/contracts/workshops.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { cancelRegistration } from '../commands/cancel-registration.ts'
import { castBallot } from '../commands/cast-ballot.ts'
import { decideRegistration } from '../commands/decide-registration.ts'
import { inviteToWorkshop } from '../commands/invite.ts'
import { linkUseCases } from '../commands/link-use-cases.ts'
import { markAttendance } from '../commands/mark-attendance.ts'
import { registerForWorkshop } from '../commands/register.ts'
import { getMyBallot } from '../queries/get-ballot.ts'
import { listRegistrations } from '../queries/list-registrations.ts'
import { getResults } from '../queries/results.ts'
import { tags, workshopParams } from './workshop-routes.ts'

const registrationParams = workshopParams.extend({ registrationId: uuid })

export const participationRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/workshops/:workshopId/invitations',
    capability: 'workshop.manage',
    summary: 'Invite organisations (all members) and people by email',
    tags,
    params: workshopParams,
    body: workshopInvite,
    response: workshopInviteResult,
    handler: async ({ params, body }, ctx) => inviteToWorkshop(ctx, params.workshopId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/workshops/:workshopId/registrations',
    capability: 'workshop.manage',
    summary: 'Registrations in queue order (organisers)',
    tags,
    params: workshopParams,
    response: registrationList,
    handler: async ({ params }, ctx) => listRegistrations(ctx, params.workshopId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/workshops/:workshopId/registrations',
    capability: 'workshop.register',
    summary: 'Register yourself (pending, or waitlisted when full)',
    tags,
    params: workshopParams,
    response: registration,
    status: 201,
    handler: async ({ params }, ctx) => registerForWorkshop(ctx, params.workshopId),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/workshops/:workshopId/registrations/me',
    capability: 'workshop.register',
    summary: 'Withdraw your registration (the first waitlisted person moves up)',
    tags,
    params: workshopParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await cancelRegistration(ctx, params.workshopId)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/workshops/:workshopId/registrations/:registrationId/decision',
    capability: 'workshop.manage',
    summary: 'Approve or reject a registration',
    tags,
    params: registrationParams,
    body: registrationDecision,
    response: registration,
    handler: async ({ params, body }, ctx) =>
      decideRegistration(ctx, params.workshopId, params.registrationId, body.decision),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/workshops/:workshopId/registrations/:registrationId/attendance',
    capability: 'workshop.manage',
    summary: 'Mark attendance (after the start)',
    tags,
    params: registrationParams,
    body: attendanceInput,
    response: registration,
    handler: async ({ params, body }, ctx) =>
      markAttendance(ctx, params.workshopId, params.registrationId, body.attended),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/workshops/:workshopId/use-cases',
    capability: 'workshop.manage',
    summary: 'Replace the use cases put to the vote',
    tags,
    params: workshopParams,
    body: workshopUseCasesInput,
    response: workshop,
    handler: async ({ params, body }, ctx) => linkUseCases(ctx, params.workshopId, body.useCaseIds),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/workshops/:workshopId/ballot',
    capability: 'workshop.view',
    summary: 'Your saved points allocation (on the use cases you may see), to start the vote page from',
    tags,
    params: workshopParams,
    response: ballot,
    handler: async ({ params }, ctx) => getMyBallot(ctx, params.workshopId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/workshops/:workshopId/ballot',
    capability: 'workshop.vote',
    summary: 'Replace your points allocation (approved participants, before the vote closes)',
    tags,
    params: workshopParams,
    body: ballotInput,
    response: ballot,
    handler: async ({ params, body }, ctx) => castBallot(ctx, params.workshopId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/workshops/:workshopId/results',
    capability: 'workshop.view',
    summary: 'The full tally (organisers any time; participants after closing)',
    tags,
    params: workshopParams,
    response: workshopResults,
    handler: async ({ params }, ctx) => getResults(ctx, params.workshopId),
  }),
]
