import type { z } from 'zod'
import type { organiserMeetingList } from '../../../../../shared/contracts/brokerage.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { iso, loadAsOrganiser } from './access.ts'

/** Every meeting of the event for its organisers, in time and table order, with both sides named. */
export async function listMeetings(
  ctx: CommandContext,
  eventId: string,
): Promise<z.input<typeof organiserMeetingList>> {
  await loadAsOrganiser(ctx.db, ctx.actor, eventId, false)
  const rows = await ctx.db
    .selectFrom('brokerage_meetings as m')
    .innerJoin('brokerage_slots as s', 's.id', 'm.slot_id')
    .innerJoin('brokerage_meeting_requests as r', 'r.id', 'm.request_id')
    .innerJoin('brokerage_participants as pa', 'pa.id', 'r.from_participant_id')
    .innerJoin('brokerage_participants as pb', 'pb.id', 'r.to_participant_id')
    .innerJoin('users as ua', 'ua.id', 'pa.user_id')
    .innerJoin('users as ub', 'ub.id', 'pb.user_id')
    .innerJoin('organisations as oa', 'oa.id', 'pa.organisation_id')
    .innerJoin('organisations as ob', 'ob.id', 'pb.organisation_id')
    .select([
      'm.id',
      'm.request_id',
      'm.slot_id',
      'm.table_number',
      'm.fixed_by_organiser',
      'm.source',
      's.starts_at',
      's.ends_at',
      'pa.id as a_id',
      'ua.name as a_name',
      'oa.legal_name as a_org',
      'pb.id as b_id',
      'ub.name as b_name',
      'ob.legal_name as b_org',
    ])
    .where('m.event_id', '=', eventId)
    .orderBy('s.starts_at')
    .orderBy('m.table_number')
    .execute()
  return {
    items: rows.map((m) => ({
      meetingId: m.id,
      requestId: m.request_id,
      slotId: m.slot_id,
      startsAt: iso(m.starts_at),
      endsAt: iso(m.ends_at),
      table: m.table_number,
      fixed: m.fixed_by_organiser,
      source: m.source as 'booked' | 'fixed' | 'scheduled',
      a: { participantId: m.a_id, name: m.a_name, organisation: m.a_org },
      b: { participantId: m.b_id, name: m.b_name, organisation: m.b_org },
    })),
  }
}
