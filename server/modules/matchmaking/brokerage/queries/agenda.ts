import type { Agenda, AgendaItem } from '../../../../../shared/contracts/brokerage.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { type EventRow, iso, loadEvent, requireParticipant } from './access.ts'
import { type ParticipantFacts, selectParticipants, shownParticipant } from './participant-view.ts'
import { meetingsShown } from './request-view.ts'

/**
 * One participant's meetings in time order, with whom (their organisation is disclosed: the request was
 * accepted), where and why. Empty in a central event until its schedule is published.
 */
export async function agendaOf(db: Queryable, actor: Actor, e: EventRow, participantId: string): Promise<AgendaItem[]> {
  if (!meetingsShown(e, false)) return []
  const rows = await db
    .selectFrom('brokerage_meeting_seats as seat')
    .innerJoin('brokerage_meetings as m', 'm.id', 'seat.meeting_id')
    .innerJoin('brokerage_slots as s', 's.id', 'm.slot_id')
    .innerJoin('brokerage_meeting_requests as r', 'r.id', 'm.request_id')
    .select([
      'm.id',
      'm.request_id',
      'm.slot_id',
      'm.table_number',
      'm.fixed_by_organiser',
      's.starts_at',
      's.ends_at',
      'r.reason',
      'r.from_participant_id',
      'r.to_participant_id',
    ])
    .where('seat.participant_id', '=', participantId)
    .orderBy('s.starts_at')
    .execute()
  const others = rows.map((r) =>
    r.from_participant_id === participantId ? r.to_participant_id : r.from_participant_id,
  )
  const facts =
    others.length === 0
      ? []
      : ((await selectParticipants(db).where('bp.id', 'in', others).execute()) as ParticipantFacts[])
  return rows.map((r, i) => ({
    meetingId: r.id,
    requestId: r.request_id,
    slotId: r.slot_id,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    table: r.table_number,
    fixed: r.fixed_by_organiser,
    reason: r.reason,
    with: shownParticipant(actor, facts.find((f) => f.id === others[i])!, true),
  }))
}

export async function myAgenda(ctx: CommandContext, eventId: string): Promise<Agenda> {
  authorize(ctx.actor, 'brokerage.view')
  const e = await loadEvent(ctx.db, ctx.actor, eventId)
  const me = await requireParticipant(ctx.db, ctx.actor, eventId)
  return {
    published: meetingsShown(e, false),
    timeZone: e.time_zone,
    items: await agendaOf(ctx.db, ctx.actor, e, me.id),
  }
}
