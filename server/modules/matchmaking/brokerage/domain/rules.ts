import type { BrokerageStatus, MeetingRequestStatus } from '../../../../../shared/contracts/brokerage.ts'
import { brokerageLimits } from '../../../../../shared/contracts/brokerage.ts'
import type { ErrorCode } from '../../../../../shared/errors.ts'

/**
 * The rules of brokerage events, without I/O: the event's lifecycle, slots derived from a session, registration,
 * the expiry of pending requests, who may request whom, and whether a slot can take one more meeting.
 */

export type EventAction = 'publish' | 'close'

/** The lifecycle as data: a draft is published or dropped (closed); a published event is closed. */
export const eventTransitions: Record<BrokerageStatus, Partial<Record<EventAction, BrokerageStatus>>> = {
  draft: { publish: 'published', close: 'closed' },
  published: { close: 'closed' },
  closed: {},
}

export function nextEventStatus(status: BrokerageStatus, action: EventAction): BrokerageStatus | null {
  return eventTransitions[status][action] ?? null
}

export interface DerivedSlot {
  position: number
  startsAt: Date
  endsAt: Date
}

/**
 * The slots of a session: back to back from its start, each `slotMinutes` long, as many as fit before its end (a
 * remainder shorter than a slot is left out). Deterministic: the same session always gives the same positions.
 */
export function deriveSlots(session: { startsAt: Date; endsAt: Date; slotMinutes: number }): DerivedSlot[] {
  const len = session.slotMinutes * 60_000
  const out: DerivedSlot[] = []
  for (let t = session.startsAt.getTime(); t + len <= session.endsAt.getTime(); t += len) {
    out.push({ position: out.length, startsAt: new Date(t), endsAt: new Date(t + len) })
  }
  return out
}

/** Field problems of a session: at least one slot, at most `slotsPerSession`, inside no other session. */
export function sessionProblems(
  session: { startsAt: Date; endsAt: Date; slotMinutes: number },
  others: readonly { startsAt: Date; endsAt: Date }[],
): { path: string; code: string }[] {
  if (session.endsAt.getTime() <= session.startsAt.getTime()) return [{ path: 'endsAt', code: 'ends_before_start' }]
  const n = deriveSlots(session).length
  if (n === 0) return [{ path: 'slotMinutes', code: 'no_slot_fits' }]
  if (n > brokerageLimits.slotsPerSession) return [{ path: 'slotMinutes', code: 'too_many_slots' }]
  const overlaps = others.some(
    (o) => o.startsAt.getTime() < session.endsAt.getTime() && session.startsAt.getTime() < o.endsAt.getTime(),
  )
  return overlaps ? [{ path: 'startsAt', code: 'sessions_overlap' }] : []
}

/** People register while the event is published and before its registration deadline. */
export function registrationOpen(event: { status: BrokerageStatus; registrationDeadline: Date }, now: Date): boolean {
  return event.status === 'published' && now.getTime() < event.registrationDeadline.getTime()
}

/** A pending request is expired from its expiry instant on; the stored status says so only once a write marks it. */
export function effectiveStatus(status: MeetingRequestStatus, expiresAt: Date, now: Date): MeetingRequestStatus {
  return status === 'pending' && expiresAt.getTime() <= now.getTime() ? 'expired' : status
}

export function requestExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000)
}

/**
 * Why one participant may not request a meeting with another now, or null: only in a published event, not with
 * oneself or a colleague of one's organisation, and one live (pending or accepted) request per pair.
 */
export function requestRefusal(input: {
  eventStatus: BrokerageStatus
  from: { id: string; organisationId: string }
  to: { id: string; organisationId: string }
  liveRequestExists: boolean
}): ErrorCode | null {
  if (input.eventStatus !== 'published') return 'brokerage_event_closed'
  if (input.from.id === input.to.id || input.from.organisationId === input.to.organisationId)
    return 'meeting_request_own_organisation'
  if (input.liveRequestExists) return 'meeting_request_exists'
  return null
}

export type Decision = 'accept' | 'decline' | 'cancel'

/**
 * Who decides what: the requested side accepts or declines a pending request; the requesting side cancels a
 * pending one; either side cancels an accepted one (its meeting goes with it). Answers the new status or why not.
 */
export function decisionOutcome(input: {
  status: MeetingRequestStatus
  decision: Decision
  side: 'from' | 'to'
}): { status: MeetingRequestStatus } | { refusal: ErrorCode } {
  const { status, decision, side } = input
  if (status === 'expired') return { refusal: 'meeting_request_expired' }
  if (decision === 'cancel') {
    if (status === 'accepted' || (status === 'pending' && side === 'from')) return { status: 'cancelled' }
    if (status === 'pending') return { refusal: 'forbidden' }
    return { refusal: 'meeting_request_already_decided' }
  }
  if (side !== 'to') return { refusal: 'forbidden' }
  if (status !== 'pending') return { refusal: 'meeting_request_already_decided' }
  return { status: decision === 'accept' ? 'accepted' : 'declined' }
}

export interface SlotCheck {
  now: Date
  slot: { startsAt: Date; tables: number }
  /** Whether each of the two participants declared the slot available. */
  available: [boolean, boolean]
  /** Whether each of the two already meets someone in the slot. */
  busy: [boolean, boolean]
  /** How many meetings each already has in the event, and the event's maximum. */
  counts: [number, number]
  max: number
  /** Table numbers already taken in the slot. */
  tablesTaken: readonly number[]
}

/**
 * Whether one more meeting of these two fits the slot, and at which table (the lowest free one): the slot has not
 * started, both are available and free in it, neither has reached the maximum, and a table is left.
 */
export function bookingCheck(c: SlotCheck): { table: number } | { refusal: ErrorCode } {
  if (c.slot.startsAt.getTime() <= c.now.getTime()) return { refusal: 'brokerage_slot_unavailable' }
  if (!c.available[0] || !c.available[1]) return { refusal: 'brokerage_slot_unavailable' }
  if (c.busy[0] || c.busy[1]) return { refusal: 'brokerage_slot_unavailable' }
  if (c.counts[0] >= c.max || c.counts[1] >= c.max) return { refusal: 'brokerage_max_meetings' }
  const taken = new Set(c.tablesTaken)
  for (let t = 1; t <= c.slot.tables; t++) if (!taken.has(t)) return { table: t }
  return { refusal: 'brokerage_slot_full' }
}

/** Percent shown for each phase of a scheduler run. */
export const phaseProgress: Record<string, number> = {
  queued: 0,
  validate: 5,
  greedy: 20,
  improve: 45,
  bound: 65,
  milp: 85,
  done: 100,
}
