import type { BrokerageEvent, SessionInput } from '../../../../../shared/contracts/brokerage.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError, type FieldError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { deriveSlots, sessionProblems } from '../domain/rules.ts'
import { type EventRow, loadAsOrganiser } from '../queries/access.ts'
import { toEvent } from '../queries/event-view.ts'

const messages: Record<string, string> = {
  ends_before_start: 'A session ends after it starts.',
  no_slot_fits: 'Not one slot fits in the session.',
  too_many_slots: 'A session has at most 96 slots.',
  sessions_overlap: 'Sessions of an event do not overlap.',
}

async function checkSession(tx: Tx, eventId: string, s: SessionInput, exceptId: string | null): Promise<void> {
  let q = tx.selectFrom('brokerage_sessions').select(['starts_at', 'ends_at']).where('event_id', '=', eventId)
  if (exceptId) q = q.where('id', '<>', exceptId)
  const others = (await q.execute()).map((o) => ({ startsAt: new Date(o.starts_at), endsAt: new Date(o.ends_at) }))
  const problems = sessionProblems(
    { startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), slotMinutes: s.slotMinutes },
    others,
  )
  if (problems.length > 0) {
    const errors: FieldError[] = problems.map((p) => ({ ...p, message: messages[p.code] ?? p.code }))
    throw new DomainError('validation_failed', errors[0]!.message, {}, errors)
  }
}

/**
 * Writes the slots of a session from its times: positions that remain keep their slot (and the availability and
 * meetings on it); positions that no longer fit are deleted.
 */
async function writeSlots(tx: Tx, e: EventRow, sessionId: string, s: SessionInput): Promise<void> {
  const derived = deriveSlots({
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    slotMinutes: s.slotMinutes,
  })
  await tx
    .deleteFrom('brokerage_slots')
    .where('session_id', '=', sessionId)
    .where('position', '>=', derived.length)
    .execute()
  for (const d of derived) {
    await tx
      .insertInto('brokerage_slots')
      .values({
        event_id: e.id,
        session_id: sessionId,
        position: d.position,
        starts_at: d.startsAt,
        ends_at: d.endsAt,
        tables: s.tables,
      })
      .onConflict((oc) =>
        oc
          .columns(['session_id', 'position'])
          .doUpdateSet({ starts_at: d.startsAt, ends_at: d.endsAt, tables: s.tables }),
      )
      .execute()
  }
}

export async function addSession(ctx: CommandContext, eventId: string, input: SessionInput): Promise<BrokerageEvent> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, eventId)
    if (e.status === 'closed') throw new DomainError('brokerage_transition_refused', 'A closed event is final.')
    await checkSession(tx, eventId, input, null)
    const row = await tx
      .insertInto('brokerage_sessions')
      .values({
        event_id: eventId,
        title: input.title,
        starts_at: new Date(input.startsAt),
        ends_at: new Date(input.endsAt),
        slot_minutes: input.slotMinutes,
        tables: input.tables,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeSlots(tx, e, row.id, input)
    await recordAudit(tx, ctx, {
      action: 'brokerage_session.created',
      subjectType: 'brokerage_event',
      subjectId: eventId,
      change: { sessionId: row.id, ...input },
    })
    return toEvent(tx, ctx.actor, e, now)
  })
}

/**
 * Changes a session. Once meetings are placed in it, its times and slot length stay (409
 * `brokerage_session_in_use`) and its tables do not go below a table in use.
 */
export async function updateSession(
  ctx: CommandContext,
  eventId: string,
  sessionId: string,
  input: SessionInput,
): Promise<BrokerageEvent> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, eventId)
    if (e.status === 'closed') throw new DomainError('brokerage_transition_refused', 'A closed event is final.')
    const s = await tx
      .selectFrom('brokerage_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .where('event_id', '=', eventId)
      .forUpdate()
      .executeTakeFirst()
    if (!s) throw new DomainError('brokerage_session_not_found')
    await checkSession(tx, eventId, input, sessionId)
    const used = await tx
      .selectFrom('brokerage_meetings as m')
      .innerJoin('brokerage_slots as sl', 'sl.id', 'm.slot_id')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('m.table_number').as('maxTable')])
      .where('sl.session_id', '=', sessionId)
      .executeTakeFirstOrThrow()
    const moved =
      new Date(s.starts_at).getTime() !== Date.parse(input.startsAt) ||
      new Date(s.ends_at).getTime() !== Date.parse(input.endsAt) ||
      s.slot_minutes !== input.slotMinutes
    if (Number(used.n) > 0 && (moved || input.tables < Number(used.maxTable ?? 0)))
      throw new DomainError('brokerage_session_in_use', 'Meetings are placed in this session.')
    await tx
      .updateTable('brokerage_sessions')
      .set({
        title: input.title,
        starts_at: new Date(input.startsAt),
        ends_at: new Date(input.endsAt),
        slot_minutes: input.slotMinutes,
        tables: input.tables,
      })
      .where('id', '=', sessionId)
      .execute()
    await writeSlots(tx, e, sessionId, input)
    await recordAudit(tx, ctx, {
      action: 'brokerage_session.updated',
      subjectType: 'brokerage_event',
      subjectId: eventId,
      change: { sessionId, ...input },
    })
    return toEvent(tx, ctx.actor, e, now)
  })
}

/** Deletes a session without meetings (its slots and the availability declared on them go with it). */
export async function deleteSession(ctx: CommandContext, eventId: string, sessionId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, eventId)
    if (e.status === 'closed') throw new DomainError('brokerage_transition_refused', 'A closed event is final.')
    const used = await tx
      .selectFrom('brokerage_meetings as m')
      .innerJoin('brokerage_slots as sl', 'sl.id', 'm.slot_id')
      .select('m.id')
      .where('sl.session_id', '=', sessionId)
      .executeTakeFirst()
    if (used) throw new DomainError('brokerage_session_in_use', 'Meetings are placed in this session.')
    const gone = await tx
      .deleteFrom('brokerage_sessions')
      .where('id', '=', sessionId)
      .where('event_id', '=', eventId)
      .executeTakeFirst()
    if (Number(gone.numDeletedRows) === 0) throw new DomainError('brokerage_session_not_found')
    await recordAudit(tx, ctx, {
      action: 'brokerage_session.deleted',
      subjectType: 'brokerage_event',
      subjectId: eventId,
      change: { sessionId },
    })
  })
}
