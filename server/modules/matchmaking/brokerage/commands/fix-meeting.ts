import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadAsOrganiser } from '../queries/access.ts'
import { listMeetings } from '../queries/meetings.ts'
import type { RequestRow } from '../queries/request-view.ts'
import { selectRequests } from '../queries/request-view.ts'
import { placeMeeting } from './booking.ts'
import { scheduleReminders } from './reminder.ts'

/**
 * The organiser fixes the meeting of an accepted request in a slot (and a table, or the lowest free one), under
 * the same checks as a booking. Every scheduler run keeps it. A meeting the scheduler placed for that request
 * is replaced; a fixed one must be removed first (409 `meeting_already_booked`).
 */
export async function fixMeeting(
  ctx: CommandContext,
  eventId: string,
  input: { requestId: string; slotId: string; table?: number | undefined },
) {
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, eventId)
    if (e.status === 'closed') throw new DomainError('brokerage_event_closed', 'This event is closed.')
    const row = (await selectRequests(tx)
      .where('r.id', '=', input.requestId)
      .where('r.event_id', '=', eventId)
      .forUpdate('r')
      .executeTakeFirst()) as RequestRow | undefined
    if (!row) throw new DomainError('meeting_request_not_found')
    if (row.status !== 'accepted')
      throw new DomainError('meeting_request_already_decided', 'Only an accepted request gets a meeting.')
    const existing = await tx
      .selectFrom('brokerage_meetings')
      .select(['id', 'fixed_by_organiser'])
      .where('request_id', '=', row.id)
      .executeTakeFirst()
    if (existing?.fixed_by_organiser) throw new DomainError('meeting_already_booked', 'This meeting is already fixed.')
    if (existing) await tx.deleteFrom('brokerage_meetings').where('id', '=', existing.id).execute()
    const placed = await placeMeeting(tx, e, row, input.slotId, {
      now,
      source: 'fixed',
      by: ctx.actor.userId,
      force: true,
      ...(input.table !== undefined ? { table: input.table } : {}),
    })
    await recordAudit(tx, ctx, {
      action: 'brokerage_meeting.fixed',
      subjectType: 'brokerage_event',
      subjectId: eventId,
      change: { requestId: row.id, slotId: input.slotId, table: placed.table },
    })
    await scheduleReminders(tx, e, [row.from_participant_id, row.to_participant_id])
  })
  return listMeetings(ctx, eventId)
}

/** The organiser removes a meeting (fixed or scheduled); its request stays accepted. */
export async function removeMeeting(ctx: CommandContext, eventId: string, meetingId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, eventId)
    if (e.status === 'closed') throw new DomainError('brokerage_event_closed', 'This event is closed.')
    const gone = await tx
      .deleteFrom('brokerage_meetings')
      .where('id', '=', meetingId)
      .where('event_id', '=', eventId)
      .returning(['request_id', 'slot_id', 'table_number'])
      .executeTakeFirst()
    if (!gone) throw new DomainError('meeting_not_found')
    const pair = await tx
      .selectFrom('brokerage_meeting_requests')
      .select(['from_participant_id', 'to_participant_id'])
      .where('id', '=', gone.request_id)
      .executeTakeFirstOrThrow()
    await scheduleReminders(tx, e, [pair.from_participant_id, pair.to_participant_id])
    await recordAudit(tx, ctx, {
      action: 'brokerage_meeting.removed',
      subjectType: 'brokerage_event',
      subjectId: eventId,
      change: { meetingId, ...gone },
    })
  })
}
