import type { MeetingPlace, MeetingRequest, MeetingRequestStatus } from '../../../../../shared/contracts/brokerage.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { can } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { effectiveStatus } from '../domain/rules.ts'
import { type EventRow, isOrganiser, iso } from './access.ts'
import { type ParticipantFacts, selectParticipants, shownParticipant } from './participant-view.ts'

export interface RequestRow {
  id: string
  event_id: string
  from_participant_id: string
  to_participant_id: string
  reason: string
  priority: number
  status: MeetingRequestStatus
  expires_at: Date
  decision_message: string | null
  decided_at: Date | null
  created_at: Date
}

export function selectRequests(db: Queryable) {
  return db
    .selectFrom('brokerage_meeting_requests as r')
    .select([
      'r.id',
      'r.event_id',
      'r.from_participant_id',
      'r.to_participant_id',
      'r.reason',
      'r.priority',
      'r.status',
      'r.expires_at',
      'r.decision_message',
      'r.decided_at',
      'r.created_at',
    ])
}

/** Meetings are shown to participants in self-booking events at once, in central ones once the schedule is out. */
export function meetingsShown(e: Pick<EventRow, 'scheduling_mode' | 'schedule_published_at'>, organiser: boolean) {
  return organiser || e.scheduling_mode === 'self_booking' || e.schedule_published_at !== null
}

/** The meetings of these requests with their slot, by request id. */
export async function meetingsOf(db: Queryable, requestIds: readonly string[]): Promise<Map<string, MeetingPlace>> {
  if (requestIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('brokerage_meetings as m')
    .innerJoin('brokerage_slots as s', 's.id', 'm.slot_id')
    .select(['m.id', 'm.request_id', 'm.slot_id', 'm.table_number', 'm.fixed_by_organiser', 's.starts_at', 's.ends_at'])
    .where('m.request_id', 'in', [...requestIds])
    .execute()
  return new Map(
    rows.map((m) => [
      m.request_id,
      {
        meetingId: m.id,
        slotId: m.slot_id,
        startsAt: iso(m.starts_at),
        endsAt: iso(m.ends_at),
        table: m.table_number,
        fixed: m.fixed_by_organiser,
      },
    ]),
  )
}

/** The public shape of requests for the caller (one of its two sides, or an organiser). */
export async function toRequests(
  db: Queryable,
  actor: Actor,
  event: EventRow,
  rows: readonly RequestRow[],
  now: Date,
): Promise<MeetingRequest[]> {
  if (rows.length === 0) return []
  const pids = [...new Set(rows.flatMap((r) => [r.from_participant_id, r.to_participant_id]))]
  const [facts, meetings] = await Promise.all([
    selectParticipants(db).where('bp.id', 'in', pids).execute(),
    meetingsOf(
      db,
      rows.map((r) => r.id),
    ),
  ])
  const byId = new Map(facts.map((f) => [f.id, f as ParticipantFacts]))
  const organiser = isOrganiser(actor, event)
  const shown = meetingsShown(event, organiser)
  const participate = can(actor, 'brokerage.participate').allowed
  const open = event.status === 'published'
  return rows.map((r) => {
    const from = byId.get(r.from_participant_id)!
    const to = byId.get(r.to_participant_id)!
    const status = effectiveStatus(r.status, new Date(r.expires_at), now)
    const sent = from.user_id === actor.userId
    const received = to.user_id === actor.userId
    const revealed = status === 'accepted'
    const meeting = meetings.get(r.id) ?? null
    const no = (reason: 'wrong_status' | 'not_a_participant') => ({ allowed: false, reason })
    const yes = { allowed: true }
    return {
      id: r.id,
      eventId: r.event_id,
      from: shownParticipant(actor, from, revealed),
      to: shownParticipant(actor, to, revealed),
      reason: r.reason,
      priority: r.priority,
      status,
      expiresAt: iso(r.expires_at),
      decisionMessage: r.decision_message,
      decidedAt: r.decided_at ? iso(r.decided_at) : null,
      createdAt: iso(r.created_at),
      meeting: shown ? meeting : null,
      sent,
      abilities: {
        accept:
          !participate || !received ? no('not_a_participant') : open && status === 'pending' ? yes : no('wrong_status'),
        decline:
          !participate || !received ? no('not_a_participant') : open && status === 'pending' ? yes : no('wrong_status'),
        cancel:
          !participate || !(sent || received)
            ? no('not_a_participant')
            : open && (status === 'accepted' || (status === 'pending' && sent))
              ? yes
              : no('wrong_status'),
        book:
          !participate || !(sent || received)
            ? no('not_a_participant')
            : open && status === 'accepted' && !meeting && event.scheduling_mode === 'self_booking'
              ? yes
              : no('wrong_status'),
      },
    }
  })
}

/** One request for one of its sides or an organiser; anyone else: 404. */
export async function findRequest(
  db: Queryable,
  actor: Actor,
  requestId: string,
  lock = false,
): Promise<{ row: RequestRow; event: EventRow; side: 'from' | 'to' | null }> {
  let q = selectRequests(db).where('r.id', '=', requestId)
  if (lock) q = q.forUpdate('r')
  const row = (await q.executeTakeFirst()) as RequestRow | undefined
  if (!row) throw new DomainError('meeting_request_not_found')
  const event = await db
    .selectFrom('brokerage_events')
    .selectAll()
    .where('id', '=', row.event_id)
    .executeTakeFirstOrThrow()
  const sides = await db
    .selectFrom('brokerage_participants')
    .select(['id', 'user_id'])
    .where('id', 'in', [row.from_participant_id, row.to_participant_id])
    .execute()
  const mine = sides.find((s) => s.user_id === actor.userId && actor.userId !== null)
  const side = mine ? (mine.id === row.from_participant_id ? 'from' : 'to') : null
  if (!side && !isOrganiser(actor, event)) throw new DomainError('meeting_request_not_found')
  return { row, event, side }
}
