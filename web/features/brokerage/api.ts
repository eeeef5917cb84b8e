import type { z } from 'zod'
import {
  agenda,
  brokerageEvent,
  type brokerageEventInput,
  brokerageEventList,
  type brokerageEventPatch,
  type fixMeetingInput,
  freeSlots,
  latestRun,
  meetingRequest,
  type meetingRequestInput,
  meetingRequestPage,
  organiserMeetingList,
  type participantInput,
  participantPage,
  type requestListQuery,
  scheduleRun,
  type sessionInput,
} from '../../../shared/contracts/brokerage.ts'
import { request } from '../../app/api.ts'

/** The brokerage endpoints, parsed with the shared contracts. */
const v1 = '/api/v1/brokerage'
const enc = encodeURIComponent
type Query = Record<string, string | number | boolean | null | undefined>
const ev = (id: string) => `${v1}/events/${enc(id)}`

export const brokerageApi = {
  events: () => request('GET', `${v1}/events`, { schema: brokerageEventList }),
  event: (id: string) => request('GET', ev(id), { schema: brokerageEvent }),
  create: (body: z.input<typeof brokerageEventInput>) =>
    request('POST', `${v1}/events`, { schema: brokerageEvent, body }),
  update: (id: string, body: z.input<typeof brokerageEventPatch>) =>
    request('PATCH', ev(id), { schema: brokerageEvent, body }),
  publish: (id: string) => request('POST', `${ev(id)}/publish`, { schema: brokerageEvent }),
  close: (id: string) => request('POST', `${ev(id)}/close`, { schema: brokerageEvent }),
  addSession: (id: string, body: z.input<typeof sessionInput>) =>
    request('POST', `${ev(id)}/sessions`, { schema: brokerageEvent, body }),
  updateSession: (id: string, sessionId: string, body: z.input<typeof sessionInput>) =>
    request('PUT', `${ev(id)}/sessions/${enc(sessionId)}`, { schema: brokerageEvent, body }),
  deleteSession: (id: string, sessionId: string) =>
    request('DELETE', `${ev(id)}/sessions/${enc(sessionId)}`, { schema: null }),
  register: (id: string, body: z.input<typeof participantInput>) =>
    request('POST', `${ev(id)}/registration`, { schema: brokerageEvent, body }),
  participants: (id: string, query: { q?: string; page?: number; pageSize?: number }) =>
    request('GET', `${ev(id)}/participants`, { schema: participantPage, query: query as Query }),
  sendRequest: (id: string, body: z.input<typeof meetingRequestInput>) =>
    request('POST', `${ev(id)}/requests`, { schema: meetingRequest, body }),
  requests: (id: string, query: Partial<z.input<typeof requestListQuery>>) =>
    request('GET', `${ev(id)}/requests`, { schema: meetingRequestPage, query: query as Query }),
  decide: (requestId: string, decision: 'accept' | 'decline' | 'cancel', body: Record<string, unknown> = {}) =>
    request('POST', `${v1}/requests/${enc(requestId)}/${decision}`, { schema: meetingRequest, body }),
  book: (requestId: string, slotId: string) =>
    request('POST', `${v1}/requests/${enc(requestId)}/book`, { schema: meetingRequest, body: { slotId } }),
  freeSlots: (requestId: string) =>
    request('GET', `${v1}/requests/${enc(requestId)}/free-slots`, { schema: freeSlots }),
  agenda: (id: string) => request('GET', `${ev(id)}/agenda`, { schema: agenda }),
  meetings: (id: string) => request('GET', `${ev(id)}/meetings`, { schema: organiserMeetingList }),
  fix: (id: string, body: z.input<typeof fixMeetingInput>) =>
    request('POST', `${ev(id)}/meetings`, { schema: organiserMeetingList, body }),
  removeMeeting: (id: string, meetingId: string) =>
    request('DELETE', `${ev(id)}/meetings/${enc(meetingId)}`, { schema: null }),
  schedule: (id: string) => request('POST', `${ev(id)}/schedule-runs`, { schema: scheduleRun }),
  latestRun: (id: string) => request('GET', `${ev(id)}/schedule-runs/latest`, { schema: latestRun }),
  publishSchedule: (id: string, runId: string) =>
    request('POST', `${ev(id)}/schedule/publish`, { schema: scheduleRun, body: { runId } }),
}

export const agendaIcsUrl = (id: string) => `${ev(id)}/agenda.ics`

export const brokerageKeys = {
  all: ['brokerage'] as const,
  events: ['brokerage', 'events'] as const,
  event: (id: string) => ['brokerage', 'event', id] as const,
  participants: (id: string, q: unknown) => ['brokerage', 'participants', id, q] as const,
  requests: (id: string, q: unknown) => ['brokerage', 'requests', id, q] as const,
  freeSlots: (requestId: string) => ['brokerage', 'free-slots', requestId] as const,
  agenda: (id: string) => ['brokerage', 'agenda', id] as const,
  meetings: (id: string) => ['brokerage', 'meetings', id] as const,
  run: (id: string) => ['brokerage', 'run', id] as const,
}
