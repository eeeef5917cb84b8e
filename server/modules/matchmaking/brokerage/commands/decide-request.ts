import type { MeetingRequest } from '../../../../../shared/contracts/brokerage.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { type Decision, decisionOutcome, effectiveStatus } from '../domain/rules.ts'
import { findRequest, type RequestRow, selectRequests, toRequests } from '../queries/request-view.ts'
import { hasMeeting, placeMeeting, sidesOf } from './booking.ts'
import { notifyBrokerage } from './notify.ts'
import { scheduleReminders } from './reminder.ts'

const refusals: Record<string, string> = {
  meeting_request_expired: 'This request has expired.',
  meeting_request_already_decided: 'This request was already answered.',
  forbidden: 'Only the requested side answers a request; only the requesting side withdraws a pending one.',
}

/**
 * The requested side accepts or declines a pending request; either side cancels (the requester a pending one,
 * both an accepted one, whose meeting is then freed). Accepting in a self-booking event may pick a slot at once
 * (same checks as booking, in the same transaction). An expired request is answered 409 `meeting_request_expired`
 * and marked so.
 */
export async function decideRequest(
  ctx: CommandContext,
  requestId: string,
  decision: Decision,
  input: { slotId?: string | undefined; message?: string | undefined } = {},
): Promise<MeetingRequest> {
  authorize(ctx.actor, 'brokerage.participate')
  const now = ctx.clock.now()
  const expired = await inTransaction(ctx.db, async (tx) => {
    const { row, event, side } = await findRequest(tx, ctx.actor, requestId, true)
    if (!side)
      throw new DomainError('forbidden', 'Only the two participants answer a request.', { reason: 'not_a_participant' })
    if (event.status !== 'published') throw new DomainError('brokerage_event_closed', 'This event is closed.')
    const status = effectiveStatus(row.status, new Date(row.expires_at), now)
    const outcome = decisionOutcome({ status, decision, side })
    if ('refusal' in outcome) {
      if (outcome.refusal === 'meeting_request_expired' && row.status === 'pending') {
        await tx
          .updateTable('brokerage_meeting_requests')
          .set({ status: 'expired', updated_at: now })
          .where('id', '=', row.id)
          .execute()
        return true
      }
      throw new DomainError(
        outcome.refusal,
        refusals[outcome.refusal],
        outcome.refusal === 'forbidden' ? { reason: 'not_a_participant' } : {},
      )
    }
    if (decision === 'accept' && input.slotId && event.scheduling_mode !== 'self_booking')
      throw new DomainError('brokerage_wrong_mode', 'The organiser schedules the meetings of this event.')
    await tx
      .updateTable('brokerage_meeting_requests')
      .set({
        status: outcome.status,
        decided_at: now,
        decided_by: ctx.actor.userId,
        ...(decision === 'decline' ? { decision_message: input.message ?? null } : {}),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute()
    const sides = await sidesOf(tx, row)
    if (decision === 'cancel') await tx.deleteFrom('brokerage_meetings').where('request_id', '=', row.id).execute()
    let booked: { table: number } | null = null
    if (decision === 'accept' && input.slotId)
      booked = await placeMeeting(tx, event, { ...row, status: 'accepted' }, input.slotId, {
        now,
        source: 'booked',
        by: ctx.actor.userId,
      })
    await recordAudit(tx, ctx, {
      action: `brokerage_request.${outcome.status}`,
      subjectType: 'brokerage_event',
      subjectId: event.id,
      change: {
        requestId: row.id,
        ...(input.slotId ? { slotId: input.slotId, table: booked?.table } : {}),
        ...(input.message ? { message: input.message } : {}),
      },
    })
    if (decision === 'accept' || decision === 'decline')
      await notifyBrokerage(
        tx,
        ctx,
        event,
        decision === 'accept' ? 'brokerage_request_accepted' : 'brokerage_request_declined',
        [sides.from],
        {
          actorId: ctx.actor.userId,
          link: `/app/brokerage/${event.id}/requests`,
        },
      )
    // A new first meeting (booked now, or the next one once a meeting is cancelled) gets its reminder.
    if (booked || decision === 'cancel')
      await scheduleReminders(tx, event, [row.from_participant_id, row.to_participant_id])
    return false
  })
  if (expired) throw new DomainError('meeting_request_expired', refusals.meeting_request_expired)
  return readRequest(ctx, requestId)
}

export async function readRequest(ctx: CommandContext, requestId: string): Promise<MeetingRequest> {
  const { event } = await findRequest(ctx.db, ctx.actor, requestId)
  const row = (await selectRequests(ctx.db).where('r.id', '=', requestId).executeTakeFirstOrThrow()) as RequestRow
  return (await toRequests(ctx.db, ctx.actor, event, [row], ctx.clock.now()))[0]!
}

/**
 * Either side of an accepted request in a self-booking event books a free common slot for it (one meeting per
 * request: 409 `meeting_already_booked`); the other side is told.
 */
export async function bookMeeting(ctx: CommandContext, requestId: string, slotId: string): Promise<MeetingRequest> {
  authorize(ctx.actor, 'brokerage.participate')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const { row, event, side } = await findRequest(tx, ctx.actor, requestId, true)
    if (!side)
      throw new DomainError('forbidden', 'Only the two participants book their meeting.', {
        reason: 'not_a_participant',
      })
    if (event.status !== 'published') throw new DomainError('brokerage_event_closed', 'This event is closed.')
    if (event.scheduling_mode !== 'self_booking')
      throw new DomainError('brokerage_wrong_mode', 'The organiser schedules the meetings of this event.')
    if (effectiveStatus(row.status, new Date(row.expires_at), now) !== 'accepted')
      throw new DomainError('meeting_request_already_decided', 'Only an accepted request gets a meeting.')
    if (await hasMeeting(tx, row.id))
      throw new DomainError('meeting_already_booked', 'This meeting already has its slot.')
    const placed = await placeMeeting(tx, event, row, slotId, { now, source: 'booked', by: ctx.actor.userId })
    await recordAudit(tx, ctx, {
      action: 'brokerage_meeting.booked',
      subjectType: 'brokerage_event',
      subjectId: event.id,
      change: { requestId, slotId, table: placed.table },
    })
    const sides = await sidesOf(tx, row)
    await notifyBrokerage(tx, ctx, event, 'brokerage_meeting_booked', [side === 'from' ? sides.to : sides.from], {
      actorId: ctx.actor.userId,
      link: `/app/brokerage/${event.id}/agenda`,
    })
    await scheduleReminders(tx, event, [row.from_participant_id, row.to_participant_id])
  })
  return readRequest(ctx, requestId)
}
