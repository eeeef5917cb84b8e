import type { Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { bookingCheck } from '../domain/rules.ts'
import type { EventRow } from '../queries/access.ts'
import type { RequestRow } from '../queries/request-view.ts'

const messages: Record<string, string> = {
  brokerage_slot_unavailable: 'One of you is not free in this slot.',
  brokerage_slot_full: 'Every table of this slot is taken.',
  brokerage_max_meetings: 'One of you already has the maximum of meetings.',
}

const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505'

/**
 * Places the meeting of an accepted request in a slot, in the caller's transaction. The slot's row is locked
 * first, then the two participants' rows in id order (a fixed order, so two bookings never wait on each other
 * the wrong way round); then the rules are checked against what is committed: both available and free in the
 * slot, neither at the event's maximum, a table left (the lowest free one is taken, or the one asked for). The
 * unique indexes on (slot, table) and (participant, slot) hold the same rules should anything slip past.
 */
export async function placeMeeting(
  tx: Tx,
  e: EventRow,
  request: RequestRow,
  slotId: string,
  opts: { now: Date; source: 'booked' | 'fixed' | 'scheduled'; table?: number; by: string | null; force?: boolean },
): Promise<{ meetingId: string; table: number }> {
  const slot = await tx
    .selectFrom('brokerage_slots')
    .selectAll()
    .where('id', '=', slotId)
    .where('event_id', '=', e.id)
    .forUpdate()
    .executeTakeFirst()
  if (!slot) throw new DomainError('brokerage_slot_unavailable', 'No such slot in this event.')
  const pair = [request.from_participant_id, request.to_participant_id].sort() as [string, string]
  await tx.selectFrom('brokerage_participants').select('id').where('id', 'in', pair).orderBy('id').forUpdate().execute()
  const [available, busy, counts, taken] = await Promise.all([
    tx
      .selectFrom('brokerage_availability')
      .select('participant_id')
      .where('slot_id', '=', slotId)
      .where('participant_id', 'in', pair)
      .execute(),
    tx
      .selectFrom('brokerage_meeting_seats')
      .select('participant_id')
      .where('slot_id', '=', slotId)
      .where('participant_id', 'in', pair)
      .execute(),
    tx
      .selectFrom('brokerage_meeting_seats')
      .select(['participant_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('participant_id', 'in', pair)
      .groupBy('participant_id')
      .execute(),
    tx.selectFrom('brokerage_meetings').select('table_number').where('slot_id', '=', slotId).execute(),
  ])
  const has = (rows: { participant_id: string }[], p: string) => rows.some((r) => r.participant_id === p)
  const count = (p: string) => Number(counts.find((c) => c.participant_id === p)?.n ?? 0)
  const takenTables = taken.map((t) => t.table_number)
  const check = bookingCheck({
    // Organisers may fix meetings in a slot that already started (they are on site); people may not.
    now: opts.force ? new Date(0) : opts.now,
    slot: { startsAt: new Date(slot.starts_at), tables: slot.tables },
    available: [has(available, pair[0]), has(available, pair[1])],
    busy: [has(busy, pair[0]), has(busy, pair[1])],
    counts: [count(pair[0]), count(pair[1])],
    max: e.max_meetings_per_participant,
    tablesTaken: takenTables,
  })
  if ('refusal' in check) throw new DomainError(check.refusal, messages[check.refusal])
  let table = check.table
  if (opts.table !== undefined) {
    if (opts.table > slot.tables) throw new DomainError('brokerage_slot_unavailable', 'No such table in this slot.')
    if (takenTables.includes(opts.table)) throw new DomainError('brokerage_slot_full', 'This table is taken.')
    table = opts.table
  }
  try {
    const m = await tx
      .insertInto('brokerage_meetings')
      .values({
        event_id: e.id,
        request_id: request.id,
        slot_id: slotId,
        table_number: table,
        fixed_by_organiser: opts.source === 'fixed',
        source: opts.source,
        created_by: opts.by,
        created_at: opts.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('brokerage_meeting_seats')
      .values(pair.map((participant_id) => ({ meeting_id: m.id, participant_id, slot_id: slotId })))
      .execute()
    return { meetingId: m.id, table }
  } catch (err) {
    if (isUniqueViolation(err)) {
      const constraint = String((err as { constraint?: unknown }).constraint ?? '')
      if (constraint.includes('request_id')) throw new DomainError('meeting_already_booked')
      throw new DomainError('brokerage_slot_full', messages.brokerage_slot_full)
    }
    throw err
  }
}

/** Whether a request already has its meeting (locked with the request by the caller). */
export async function hasMeeting(tx: Tx, requestId: string): Promise<boolean> {
  const m = await tx
    .selectFrom('brokerage_meetings')
    .select('id')
    .where('request_id', '=', requestId)
    .executeTakeFirst()
  return m !== undefined
}

/** The participants' user ids of a request. */
export async function sidesOf(tx: Tx, r: RequestRow): Promise<{ from: string; to: string }> {
  const rows = await tx
    .selectFrom('brokerage_participants')
    .select(['id', 'user_id'])
    .where('id', 'in', [r.from_participant_id, r.to_participant_id])
    .execute()
  const user = (id: string) => rows.find((x) => x.id === id)!.user_id
  return { from: user(r.from_participant_id), to: user(r.to_participant_id) }
}
