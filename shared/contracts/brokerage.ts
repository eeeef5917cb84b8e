import { z } from 'zod'
import { abilities, isoDateTime, pageOf, pageQuery, uuid } from './common.ts'
import { partneringOrganisation } from './partnering.ts'
import { timeZone } from './workshops.ts'

/**
 * Brokerage events (issue 6 §5): an organiser (operators, a cluster's staff) sets up an event with sessions cut
 * into slots, each slot with tables (or online rooms); people register their organisation with a profile and the
 * slots they are free; they send meeting requests with a reason, the other side accepts or declines, and pending
 * requests expire. In `self_booking` events the accepter picks a free common slot; in `central` events the
 * organiser fixes some meetings by hand, runs the scheduler over all accepted requests and publishes the schedule.
 * A participant's organisation is shown as in partner search: anonymous ones by country and type only, until a
 * request between the two is accepted.
 */

export const brokerageModes = ['online', 'on_site', 'hybrid'] as const
export const schedulingModes = ['self_booking', 'central'] as const
export type SchedulingMode = (typeof schedulingModes)[number]
export const brokerageStatuses = ['draft', 'published', 'closed'] as const
export type BrokerageStatus = (typeof brokerageStatuses)[number]
export const meetingRequestStatuses = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const
export type MeetingRequestStatus = (typeof meetingRequestStatuses)[number]
export const meetingSources = ['booked', 'fixed', 'scheduled'] as const
export const scheduleRunStatuses = ['queued', 'running', 'done', 'failed'] as const
export type ScheduleRunStatus = (typeof scheduleRunStatuses)[number]

export const brokerageLimits = {
  title: 200,
  description: 8000,
  profile: 4000,
  reason: 2000,
  sessions: 20,
  slotsPerSession: 96,
} as const

const text = (max: number) => z.string().trim().max(max)
const url = z.url({ protocol: /^https?$/ }).max(500)

const eventFields = {
  title: text(brokerageLimits.title).min(3),
  description: text(brokerageLimits.description),
  mode: z.enum(brokerageModes),
  venue: text(500).nullable(),
  onlineUrl: url.nullable(),
  timeZone,
  registrationDeadline: isoDateTime,
  schedulingMode: z.enum(schedulingModes),
  maxMeetingsPerParticipant: z.number().int().min(1).max(100),
  requestExpiryHours: z.number().int().min(1).max(2160),
  reminderHours: z.number().int().min(1).max(336),
}

export const brokerageEventInput = z.object({
  /** The organising cluster; operators may leave it out (the programme organises). */
  clusterId: uuid.nullable().default(null),
  ...eventFields,
  description: eventFields.description.default(''),
  venue: eventFields.venue.default(null),
  onlineUrl: eventFields.onlineUrl.default(null),
  maxMeetingsPerParticipant: eventFields.maxMeetingsPerParticipant.default(8),
  requestExpiryHours: eventFields.requestExpiryHours.default(72),
  reminderHours: eventFields.reminderHours.default(24),
})
export type BrokerageEventInput = z.output<typeof brokerageEventInput>
export const brokerageEventPatch = z.object(eventFields).partial()
export type BrokerageEventPatch = z.output<typeof brokerageEventPatch>

export const sessionInput = z.object({
  title: text(200).default(''),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  slotMinutes: z.number().int().min(5).max(240),
  tables: z.number().int().min(1).max(10_000),
})
export type SessionInput = z.output<typeof sessionInput>

export const slot = z.object({ id: uuid, position: z.number().int(), startsAt: isoDateTime, endsAt: isoDateTime })
export type Slot = z.infer<typeof slot>
export const session = z.object({
  id: uuid,
  title: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  slotMinutes: z.number().int(),
  tables: z.number().int(),
  slots: z.array(slot),
  /**
   * For the event's organisers (null for others): the meetings placed in the session. Once there is one, the
   * session's start, end and slot length stay (409 `brokerage_session_in_use`) and it cannot be deleted.
   */
  meetingCount: z.number().int().nullable(),
  /** For organisers (null for others): the highest table a meeting uses; the session's tables do not go below it. */
  highestTableInUse: z.number().int().nullable(),
})
export type Session = z.infer<typeof session>

export const participantInput = z.object({
  organisationId: uuid,
  profile: text(brokerageLimits.profile).min(10),
  offer: text(brokerageLimits.profile).default(''),
  request: text(brokerageLimits.profile).default(''),
  /** Hide the organisation's identity from other participants until a meeting request is accepted. */
  anonymous: z.boolean().default(false),
  /** The slots the person is free; `sessionIds` stands for all slots of those sessions. */
  slotIds: z.array(uuid).max(2000).default([]),
  sessionIds: z.array(uuid).max(brokerageLimits.sessions).default([]),
})
export type ParticipantInput = z.output<typeof participantInput>
export const participantPatch = participantInput.omit({ organisationId: true }).partial()
export type ParticipantPatch = z.output<typeof participantPatch>

export const participant = z.object({
  id: uuid,
  organisation: partneringOrganisation,
  /** The person's name, shown with the organisation (null while the organisation is not disclosed). */
  name: z.string().nullable(),
  anonymous: z.boolean(),
  profile: z.string(),
  offer: z.string(),
  request: z.string(),
  slotIds: z.array(uuid),
  mine: z.boolean(),
  /** The live request between the caller and this participant, if any. */
  requestWithMe: z.object({ id: uuid, status: z.enum(meetingRequestStatuses), sent: z.boolean() }).nullable(),
  abilities,
})
export type Participant = z.infer<typeof participant>
export const participantPage = pageOf(participant)
export const participantQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() })

export const brokerageEvent = z.object({
  id: uuid,
  programmeId: uuid,
  clusterId: uuid.nullable(),
  title: z.string(),
  description: z.string(),
  mode: z.enum(brokerageModes),
  venue: z.string().nullable(),
  /** For organisers and registered participants only. */
  onlineUrl: z.string().nullable(),
  timeZone: z.string(),
  registrationDeadline: isoDateTime,
  registrationOpen: z.boolean(),
  schedulingMode: z.enum(schedulingModes),
  maxMeetingsPerParticipant: z.number().int(),
  requestExpiryHours: z.number().int(),
  reminderHours: z.number().int(),
  status: z.enum(brokerageStatuses),
  schedulePublishedAt: isoDateTime.nullable(),
  publishedAt: isoDateTime.nullable(),
  startsAt: isoDateTime.nullable(),
  sessions: z.array(session),
  participantCount: z.number().int(),
  organiser: z.boolean(),
  myParticipant: participant.nullable(),
  abilities,
})
export type BrokerageEvent = z.infer<typeof brokerageEvent>
export const brokerageEventList = z.object({ items: z.array(brokerageEvent) })

export const meetingRequestInput = z.object({
  toParticipantId: uuid,
  reason: text(brokerageLimits.reason).min(3),
  priority: z.number().int().min(1).max(3).default(2),
})
export const acceptInput = z.object({ slotId: uuid.optional() })
export const declineInput = z.object({ message: text(2000).optional() })
export const bookInput = z.object({ slotId: uuid })

export const meetingPlace = z.object({
  meetingId: uuid,
  slotId: uuid,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  table: z.number().int(),
  fixed: z.boolean(),
})
export type MeetingPlace = z.infer<typeof meetingPlace>

export const meetingRequest = z.object({
  id: uuid,
  eventId: uuid,
  from: participant.pick({ id: true, organisation: true, name: true }),
  to: participant.pick({ id: true, organisation: true, name: true }),
  reason: z.string(),
  priority: z.number().int(),
  /** `expired` as soon as a pending request passes `expiresAt`. */
  status: z.enum(meetingRequestStatuses),
  expiresAt: isoDateTime,
  decisionMessage: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  /** Shown to the two sides once booked (self-booking), or once the schedule is published (central). */
  meeting: meetingPlace.nullable(),
  sent: z.boolean(),
  abilities,
})
export type MeetingRequest = z.infer<typeof meetingRequest>
export const meetingRequestPage = pageOf(meetingRequest)
export const requestBoxes = ['received', 'sent', 'all'] as const
export const requestListQuery = pageQuery.extend({
  box: z.enum(requestBoxes).default('received'),
  status: z.enum(meetingRequestStatuses).optional(),
})
export const freeSlots = z.object({ items: z.array(slot.extend({ tablesLeft: z.number().int() })) })

export const agendaItem = meetingPlace.extend({
  requestId: uuid,
  with: participant.pick({ id: true, organisation: true, name: true }),
  reason: z.string(),
})
export type AgendaItem = z.infer<typeof agendaItem>
export const agenda = z.object({
  published: z.boolean(),
  timeZone: z.string(),
  items: z.array(agendaItem),
})
export type Agenda = z.infer<typeof agenda>

/** The organiser's view of every meeting (identities shown: organisers are brokers). */
export const organiserMeeting = meetingPlace.extend({
  requestId: uuid,
  source: z.enum(meetingSources),
  a: z.object({ participantId: uuid, name: z.string(), organisation: z.string() }),
  b: z.object({ participantId: uuid, name: z.string(), organisation: z.string() }),
})
export const organiserMeetingList = z.object({ items: z.array(organiserMeeting) })
export const fixMeetingInput = z.object({
  requestId: uuid,
  slotId: uuid,
  table: z.number().int().min(1).optional(),
})

export const scheduleRun = z.object({
  id: uuid,
  status: z.enum(scheduleRunStatuses),
  phase: z.string().nullable(),
  /** 0–100, for the progress bar. */
  progress: z.number().int(),
  objective: z.number().nullable(),
  upperBound: z.number().nullable(),
  ratio: z.number().nullable(),
  meetings: z.number().int().nullable(),
  requests: z.number().int().nullable(),
  fixed: z.number().int().nullable(),
  unscheduled: z.array(z.object({ requestId: uuid, reason: z.string() })),
  error: z.object({ code: z.string(), conflicts: z.array(z.record(z.string(), z.unknown())) }).nullable(),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  publishedAt: isoDateTime.nullable(),
})
export type ScheduleRun = z.infer<typeof scheduleRun>
export const latestRun = z.object({ run: scheduleRun.nullable() })
export const publishScheduleInput = z.object({ runId: uuid })

export const eventParams = z.object({ eventId: uuid })
export const sessionParams = z.object({ eventId: uuid, sessionId: uuid })
export const requestParams = z.object({ requestId: uuid })
export const meetingParams = z.object({ eventId: uuid, meetingId: uuid })
export const runParams = z.object({ eventId: uuid, runId: uuid })
