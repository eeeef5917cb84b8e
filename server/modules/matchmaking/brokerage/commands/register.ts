import { sql } from 'kysely'
import type {
  BrokerageEvent,
  BrokerageStatus,
  ParticipantInput,
  ParticipantPatch,
} from '../../../../../shared/contracts/brokerage.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { detectLanguage, weightedVector } from '../../../../platform/search/language.ts'
import { registrationOpen } from '../domain/rules.ts'
import { loadEvent, myParticipant } from '../queries/access.ts'
import { toEvent } from '../queries/event-view.ts'

const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505'

/** The slots named, plus every slot of the sessions named; all must be the event's (else 400). */
async function resolveSlots(tx: Tx, eventId: string, slotIds: string[], sessionIds: string[]): Promise<string[]> {
  const wanted = new Set(slotIds)
  if (sessionIds.length > 0) {
    const sessions = await tx
      .selectFrom('brokerage_slots')
      .select(['id', 'session_id'])
      .where('event_id', '=', eventId)
      .where('session_id', 'in', sessionIds)
      .execute()
    if (new Set(sessions.map((s) => s.session_id)).size !== new Set(sessionIds).size)
      throw fieldError('sessionIds', 'unknown_session', 'No such session in this event.')
    for (const s of sessions) wanted.add(s.id)
  }
  const ids = [...wanted]
  if (ids.length === 0) return []
  const found = await tx
    .selectFrom('brokerage_slots')
    .select('id')
    .where('event_id', '=', eventId)
    .where('id', 'in', ids)
    .execute()
  if (found.length !== ids.length) throw fieldError('slotIds', 'unknown_slot', 'No such slot in this event.')
  return ids
}

async function writeAvailability(tx: Tx, participantId: string, slotIds: string[]): Promise<void> {
  await tx.deleteFrom('brokerage_availability').where('participant_id', '=', participantId).execute()
  if (slotIds.length > 0)
    await tx
      .insertInto('brokerage_availability')
      .values(slotIds.map((slot_id) => ({ participant_id: participantId, slot_id })))
      .execute()
}

/** The participant's own texts, never a name, in their language: A offer, B request, C profile. */
async function refreshVector(tx: Tx, participantId: string): Promise<void> {
  const p = await tx
    .selectFrom('brokerage_participants')
    .select(['profile', 'offer', 'request'])
    .where('id', '=', participantId)
    .executeTakeFirstOrThrow()
  const language = detectLanguage(`${p.profile} ${p.offer} ${p.request}`) ?? 'simple'
  const vector = weightedVector(language, { a: p.offer, b: p.request, c: p.profile })
  await tx
    .updateTable('brokerage_participants')
    .set({ search_vector: sql<string>`${vector}` })
    .where('id', '=', participantId)
    .execute()
}

/**
 * A member of an organisation registers for a published event before its registration deadline, with a profile
 * and the slots they are free. One registration per person and event (409 `brokerage_already_registered`).
 */
export async function register(ctx: CommandContext, eventId: string, input: ParticipantInput): Promise<BrokerageEvent> {
  authorize(ctx.actor, 'brokerage.participate')
  if (!ctx.actor.userId || !ctx.actor.memberships.has(input.organisationId))
    throw new DomainError('forbidden', 'You register for an organisation you belong to.', { reason: 'not_a_member' })
  const now = ctx.clock.now()
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const e = await loadEvent(tx, ctx.actor, eventId)
      if (
        !registrationOpen({ status: e.status as BrokerageStatus, registrationDeadline: e.registration_deadline }, now)
      )
        throw new DomainError('brokerage_registration_closed', 'Registration for this event is closed.')
      if (await myParticipant(tx, ctx.actor, eventId))
        throw new DomainError('brokerage_already_registered', 'You are already registered for this event.')
      const slots = await resolveSlots(tx, eventId, input.slotIds, input.sessionIds)
      const row = await tx
        .insertInto('brokerage_participants')
        .values({
          event_id: eventId,
          user_id: ctx.actor.userId!,
          organisation_id: input.organisationId,
          anonymous: input.anonymous,
          profile: input.profile,
          offer: input.offer,
          request: input.request,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await writeAvailability(tx, row.id, slots)
      await refreshVector(tx, row.id)
      await recordAudit(tx, ctx, {
        action: 'brokerage_participant.registered',
        subjectType: 'brokerage_event',
        subjectId: eventId,
        change: { participantId: row.id, ...input, slotIds: slots, sessionIds: undefined },
      })
      return toEvent(tx, ctx.actor, e, now)
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('brokerage_already_registered')
    throw e
  }
}

/**
 * A participant changes their profile or availability while the event is published. A slot where they already
 * have a meeting stays in their availability.
 */
export async function updateRegistration(
  ctx: CommandContext,
  eventId: string,
  patch: ParticipantPatch,
): Promise<BrokerageEvent> {
  authorize(ctx.actor, 'brokerage.participate')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const e = await loadEvent(tx, ctx.actor, eventId)
    if (e.status !== 'published') throw new DomainError('brokerage_event_closed', 'This event is not open.')
    const me = await myParticipant(tx, ctx.actor, eventId, true)
    if (!me) throw new DomainError('brokerage_not_registered', 'You are not registered for this event.')
    await tx
      .updateTable('brokerage_participants')
      .set({
        ...(patch.profile !== undefined ? { profile: patch.profile } : {}),
        ...(patch.offer !== undefined ? { offer: patch.offer } : {}),
        ...(patch.request !== undefined ? { request: patch.request } : {}),
        ...(patch.anonymous !== undefined ? { anonymous: patch.anonymous } : {}),
        updated_at: now,
      })
      .where('id', '=', me.id)
      .execute()
    let slots: string[] | undefined
    if (patch.slotIds !== undefined || patch.sessionIds !== undefined) {
      slots = await resolveSlots(tx, eventId, patch.slotIds ?? [], patch.sessionIds ?? [])
      const booked = await tx
        .selectFrom('brokerage_meeting_seats')
        .select('slot_id')
        .where('participant_id', '=', me.id)
        .execute()
      slots = [...new Set([...slots, ...booked.map((b) => b.slot_id)])]
      await writeAvailability(tx, me.id, slots)
    }
    await refreshVector(tx, me.id)
    await recordAudit(tx, ctx, {
      action: 'brokerage_participant.updated',
      subjectType: 'brokerage_event',
      subjectId: eventId,
      change: { participantId: me.id, ...patch, slotIds: slots, sessionIds: undefined },
    })
    return toEvent(tx, ctx.actor, e, now)
  })
}
