import type { Queryable } from '../../../../platform/db/client.ts'
import type { SchedulingInput } from '../../scheduler/index.ts'
import type { EventRow } from './access.ts'

/**
 * What the scheduler is given for an event, read from what is committed: every participant with the slots they
 * declared and the event's maximum of meetings, every slot with its tables, every accepted request weighted by its
 * priority, and the meetings the organiser fixed by hand (kept by every run).
 */
export async function schedulingInput(db: Queryable, e: EventRow): Promise<SchedulingInput> {
  const [participants, availability, slots, requests, fixed] = await Promise.all([
    db.selectFrom('brokerage_participants').select('id').where('event_id', '=', e.id).orderBy('id').execute(),
    db
      .selectFrom('brokerage_availability as a')
      .innerJoin('brokerage_participants as p', 'p.id', 'a.participant_id')
      .select(['a.participant_id', 'a.slot_id'])
      .where('p.event_id', '=', e.id)
      .execute(),
    db
      .selectFrom('brokerage_slots')
      .select(['id', 'session_id', 'tables'])
      .where('event_id', '=', e.id)
      .orderBy('starts_at')
      .execute(),
    db
      .selectFrom('brokerage_meeting_requests')
      .select(['id', 'from_participant_id', 'to_participant_id', 'priority'])
      .where('event_id', '=', e.id)
      .where('status', '=', 'accepted')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('brokerage_meetings')
      .select(['request_id', 'slot_id', 'table_number'])
      .where('event_id', '=', e.id)
      .where('fixed_by_organiser', '=', true)
      .execute(),
  ])
  const bySlot = new Map<string, string[]>()
  for (const a of availability) {
    const list = bySlot.get(a.participant_id) ?? []
    list.push(a.slot_id)
    bySlot.set(a.participant_id, list)
  }
  return {
    participants: participants.map((p) => ({
      id: p.id,
      slots: bySlot.get(p.id) ?? [],
      maxMeetings: e.max_meetings_per_participant,
    })),
    slots: slots.map((s) => ({ id: s.id, session: s.session_id, tables: s.tables })),
    requests: requests.map((r) => ({
      id: r.id,
      a: r.from_participant_id,
      b: r.to_participant_id,
      weight: r.priority,
    })),
    fixed: fixed.map((f) => ({ request: f.request_id, slot: f.slot_id, table: f.table_number })),
  }
}
