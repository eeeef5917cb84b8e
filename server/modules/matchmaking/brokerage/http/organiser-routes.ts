import { z } from 'zod'
import {
  eventParams,
  fixMeetingInput,
  latestRun as latestRunSchema,
  meetingParams,
  organiserMeetingList,
  publishScheduleInput,
  runParams,
  scheduleRun,
} from '../../../../../shared/contracts/brokerage.ts'
import { defineRoute } from '../../../../platform/http/route.ts'
import { fixMeeting, removeMeeting } from '../commands/fix-meeting.ts'
import { publishSchedule } from '../commands/publish-schedule.ts'
import { startScheduleRun } from '../commands/schedule.ts'
import { listMeetings } from '../queries/meetings.ts'
import { getRun, latestRun } from '../queries/runs.ts'
import { tags } from './event-routes.ts'

export const organiserRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/brokerage/events/:eventId/meetings',
    capability: 'brokerage.manage',
    summary: 'Every meeting of the event (organisers)',
    tags,
    params: eventParams,
    response: organiserMeetingList,
    handler: async ({ params }, ctx) => listMeetings(ctx, params.eventId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/brokerage/events/:eventId/meetings',
    capability: 'brokerage.manage',
    summary: 'Fix the meeting of an accepted request in a slot by hand (kept by every scheduler run)',
    tags,
    params: eventParams,
    body: fixMeetingInput,
    response: organiserMeetingList,
    status: 201,
    handler: async ({ params, body }, ctx) => fixMeeting(ctx, params.eventId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/brokerage/events/:eventId/meetings/:meetingId',
    capability: 'brokerage.manage',
    summary: 'Remove a meeting (its request stays accepted)',
    tags,
    params: meetingParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await removeMeeting(ctx, params.eventId, params.meetingId)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/brokerage/events/:eventId/schedule-runs',
    capability: 'brokerage.manage',
    summary: 'Schedule all accepted requests (central events): a job; poll the run for its progress',
    tags,
    params: eventParams,
    body: z.object({}).optional(),
    response: scheduleRun,
    status: 202,
    handler: async ({ params }, ctx) => startScheduleRun(ctx, params.eventId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/brokerage/events/:eventId/schedule-runs/latest',
    capability: 'brokerage.manage',
    summary: 'The latest scheduler run of the event, or null',
    tags,
    params: eventParams,
    response: latestRunSchema,
    handler: async ({ params }, ctx) => latestRun(ctx, params.eventId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/brokerage/events/:eventId/schedule-runs/:runId',
    capability: 'brokerage.manage',
    summary: 'One scheduler run: status, phase, progress, objective and bound, result',
    tags,
    params: runParams,
    response: scheduleRun,
    handler: async ({ params }, ctx) => getRun(ctx, params.eventId, params.runId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/brokerage/events/:eventId/schedule/publish',
    capability: 'brokerage.manage',
    summary: 'Publish a finished run: its meetings become the participants’ agendas',
    tags,
    params: eventParams,
    body: publishScheduleInput,
    response: scheduleRun,
    handler: async ({ params, body }, ctx) => publishSchedule(ctx, params.eventId, body.runId),
  }),
]
