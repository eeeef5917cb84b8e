import { z } from 'zod'
import {
  acceptInput,
  agenda,
  bookInput,
  declineInput,
  eventParams,
  freeSlots as freeSlotsSchema,
  meetingRequest,
  meetingRequestInput,
  meetingRequestPage,
  requestListQuery,
  requestParams,
} from '../../../../../shared/contracts/brokerage.ts'
import { defineRoute } from '../../../../platform/http/route.ts'
import { bookMeeting, decideRequest } from '../commands/decide-request.ts'
import { sendRequest } from '../commands/send-request.ts'
import { myAgenda } from '../queries/agenda.ts'
import { agendaCalendar } from '../queries/calendar.ts'
import { freeSlots, listRequests } from '../queries/lists.ts'
import { tags } from './event-routes.ts'

export const requestRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/brokerage/events/:eventId/requests',
    capability: 'brokerage.participate',
    summary: 'Ask another participant for a meeting, with a reason and a priority',
    tags,
    params: eventParams,
    body: meetingRequestInput,
    response: meetingRequest,
    status: 201,
    handler: async ({ params, body }, ctx) => sendRequest(ctx, params.eventId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/brokerage/events/:eventId/requests',
    capability: 'brokerage.view',
    summary: 'Your requests received or sent (organisers: all)',
    tags,
    params: eventParams,
    query: requestListQuery,
    response: meetingRequestPage,
    handler: async ({ params, query }, ctx) => listRequests(ctx, params.eventId, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/brokerage/requests/:requestId/accept',
    capability: 'brokerage.participate',
    summary: 'Accept a request (self-booking events: with a free common slot, optionally)',
    tags,
    params: requestParams,
    body: acceptInput,
    response: meetingRequest,
    handler: async ({ params, body }, ctx) => decideRequest(ctx, params.requestId, 'accept', { slotId: body.slotId }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/brokerage/requests/:requestId/decline',
    capability: 'brokerage.participate',
    summary: 'Decline a request, with an optional message',
    tags,
    params: requestParams,
    body: declineInput,
    response: meetingRequest,
    handler: async ({ params, body }, ctx) =>
      decideRequest(ctx, params.requestId, 'decline', { message: body.message }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/brokerage/requests/:requestId/cancel',
    capability: 'brokerage.participate',
    summary: 'Withdraw your pending request, or cancel an accepted one and its meeting',
    tags,
    params: requestParams,
    body: z.object({}).optional(),
    response: meetingRequest,
    handler: async ({ params }, ctx) => decideRequest(ctx, params.requestId, 'cancel'),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/brokerage/requests/:requestId/book',
    capability: 'brokerage.participate',
    summary: 'Book a free common slot for an accepted request (self-booking events)',
    tags,
    params: requestParams,
    body: bookInput,
    response: meetingRequest,
    handler: async ({ params, body }, ctx) => bookMeeting(ctx, params.requestId, body.slotId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/brokerage/requests/:requestId/free-slots',
    capability: 'brokerage.view',
    summary: 'The slots the request’s meeting could take now, with the tables left',
    tags,
    params: requestParams,
    response: freeSlotsSchema,
    handler: async ({ params }, ctx) => freeSlots(ctx, params.requestId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/brokerage/events/:eventId/agenda',
    capability: 'brokerage.view',
    summary: 'Your meetings in the event, in time order',
    tags,
    params: eventParams,
    response: agenda,
    handler: async ({ params }, ctx) => myAgenda(ctx, params.eventId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/brokerage/events/:eventId/agenda.ics',
    capability: 'brokerage.view',
    summary: 'Your agenda as an iCalendar file (text/calendar)',
    tags,
    params: eventParams,
    response: z.string(),
    handler: async ({ params }, ctx, _req, reply) => {
      const ics = await agendaCalendar(ctx, params.eventId)
      reply.header('content-type', 'text/calendar; charset=utf-8')
      reply.header('content-disposition', `attachment; filename="agenda-${params.eventId}.ics"`)
      return ics
    },
  }),
]
