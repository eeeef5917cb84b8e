import type { BrokerageStatus, MeetingRequest } from '../../../../../shared/contracts/brokerage.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { requestExpiry, requestRefusal } from '../domain/rules.ts'
import { loadEvent, requireParticipant } from '../queries/access.ts'
import { type RequestRow, selectRequests, toRequests } from '../queries/request-view.ts'
import { notifyBrokerage } from './notify.ts'

const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505'

const refusals: Record<string, string> = {
  brokerage_event_closed: 'This event takes no meeting requests.',
  meeting_request_own_organisation: 'You do not request a meeting with your own organisation.',
  meeting_request_exists: 'A request between you two is already pending or accepted.',
}

/** Marks the pending requests between two participants that have passed their expiry as expired. */
export async function markExpired(tx: Tx, a: string, b: string, now: Date): Promise<void> {
  await tx
    .updateTable('brokerage_meeting_requests')
    .set({ status: 'expired', updated_at: now })
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb.and([eb('from_participant_id', '=', a), eb('to_participant_id', '=', b)]),
        eb.and([eb('from_participant_id', '=', b), eb('to_participant_id', '=', a)]),
      ]),
    )
    .execute()
}

/**
 * A participant asks another for a meeting, with a reason and a priority (1–3, the weight the central scheduler
 * gives it). One live request per pair (409 `meeting_request_exists`, also under a race: the unique index
 * decides); it expires after the event's `requestExpiryHours` unless answered. The other side is told without
 * the requester's organisation's name: the event and the requester's country.
 */
export async function sendRequest(
  ctx: CommandContext,
  eventId: string,
  input: { toParticipantId: string; reason: string; priority: number },
): Promise<MeetingRequest> {
  authorize(ctx.actor, 'brokerage.participate')
  const now = ctx.clock.now()
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const e = await loadEvent(tx, ctx.actor, eventId)
      const me = await requireParticipant(tx, ctx.actor, eventId)
      const to = await tx
        .selectFrom('brokerage_participants as bp')
        .innerJoin('organisations as o', 'o.id', 'bp.organisation_id')
        .select(['bp.id', 'bp.organisation_id', 'bp.user_id'])
        .where('bp.id', '=', input.toParticipantId)
        .where('bp.event_id', '=', eventId)
        .executeTakeFirst()
      if (!to) throw new DomainError('brokerage_participant_not_found')
      await markExpired(tx, me.id, to.id, now)
      const live = await tx
        .selectFrom('brokerage_meeting_requests')
        .select('id')
        .where('status', 'in', ['pending', 'accepted'])
        .where((eb) =>
          eb.or([
            eb.and([eb('from_participant_id', '=', me.id), eb('to_participant_id', '=', to.id)]),
            eb.and([eb('from_participant_id', '=', to.id), eb('to_participant_id', '=', me.id)]),
          ]),
        )
        .executeTakeFirst()
      const refusal = requestRefusal({
        eventStatus: e.status as BrokerageStatus,
        from: { id: me.id, organisationId: me.organisation_id },
        to: { id: to.id, organisationId: to.organisation_id },
        liveRequestExists: live !== undefined,
      })
      if (refusal) throw new DomainError(refusal, refusals[refusal])
      const row = await tx
        .insertInto('brokerage_meeting_requests')
        .values({
          event_id: eventId,
          from_participant_id: me.id,
          to_participant_id: to.id,
          reason: input.reason,
          priority: input.priority,
          status: 'pending',
          expires_at: requestExpiry(now, e.request_expiry_hours),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(tx, ctx, {
        action: 'brokerage_request.sent',
        subjectType: 'brokerage_event',
        subjectId: eventId,
        change: { requestId: row.id, to: to.id, reason: input.reason, priority: input.priority },
      })
      const country = await tx
        .selectFrom('organisations')
        .select('country')
        .where('id', '=', me.organisation_id)
        .executeTakeFirstOrThrow()
      await notifyBrokerage(tx, ctx, e, 'brokerage_request_received', [to.user_id], {
        actorId: ctx.actor.userId,
        params: { country: country.country },
        link: `/app/brokerage/${eventId}/requests`,
      })
      const view = (await selectRequests(tx).where('r.id', '=', row.id).executeTakeFirstOrThrow()) as RequestRow
      return (await toRequests(tx, ctx.actor, e, [view], now))[0]!
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('meeting_request_exists', refusals.meeting_request_exists)
    throw e
  }
}
