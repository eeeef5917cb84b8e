import type { ScheduleRun } from '../../../../../shared/contracts/brokerage.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { checkSchedule } from '../../scheduler/index.ts'
import { loadAsOrganiser } from '../queries/access.ts'
import { type RunResult, toRun } from '../queries/runs.ts'
import { schedulingInput } from '../queries/scheduling-input.ts'
import { notifyBrokerage } from './notify.ts'
import { scheduleReminders } from './reminder.ts'

/**
 * The organiser publishes a finished run: its meetings replace the event's scheduled ones (fixed meetings stay as
 * they are), participants see their agendas, are told, and get their reminders. The run is checked again against
 * the event as it is now (`checkSchedule`): availability, requests or fixed meetings changed since it ran make it
 * stale (409 `brokerage_schedule_stale`; run it again).
 */
export async function publishSchedule(ctx: CommandContext, eventId: string, runId: string): Promise<ScheduleRun> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, eventId)
    if (e.status !== 'published')
      throw new DomainError('brokerage_event_closed', 'Only a published event gets a schedule.')
    const run = await tx
      .selectFrom('brokerage_schedule_runs')
      .selectAll()
      .where('id', '=', runId)
      .where('event_id', '=', eventId)
      .forUpdate()
      .executeTakeFirst()
    if (!run) throw new DomainError('schedule_run_not_found')
    if (run.status !== 'done') throw new DomainError('brokerage_schedule_running', 'This run has not finished.')
    const result = run.result as unknown as RunResult
    const input = await schedulingInput(tx, e)
    const violations = checkSchedule(input, result.meetings)
    const fixedNow = new Set((input.fixed ?? []).map((f) => f.request))
    const fixedThen = new Set(result.meetings.filter((m) => m.fixed).map((m) => m.request))
    if (violations.length > 0 || fixedNow.size !== fixedThen.size || [...fixedNow].some((r) => !fixedThen.has(r)))
      throw new DomainError('brokerage_schedule_stale', 'The event changed since this schedule was computed.', {
        violations: violations.slice(0, 20),
      })
    await tx
      .deleteFrom('brokerage_meetings')
      .where('event_id', '=', eventId)
      .where('fixed_by_organiser', '=', false)
      .execute()
    const placed = result.meetings.filter((m) => !m.fixed)
    const pairs = new Map(input.requests.map((r) => [r.id, [r.a, r.b] as const]))
    if (placed.length > 0) {
      const rows = await tx
        .insertInto('brokerage_meetings')
        .values(
          placed.map((m) => ({
            event_id: eventId,
            request_id: m.request,
            slot_id: m.slot,
            table_number: m.table,
            fixed_by_organiser: false,
            source: 'scheduled',
            created_by: ctx.actor.userId,
            created_at: now,
          })),
        )
        .returning(['id', 'request_id', 'slot_id'])
        .execute()
      await tx
        .insertInto('brokerage_meeting_seats')
        .values(
          rows.flatMap((m) =>
            pairs
              .get(m.request_id)!
              .map((participant_id) => ({ meeting_id: m.id, participant_id, slot_id: m.slot_id })),
          ),
        )
        .execute()
    }
    const updated = await tx
      .updateTable('brokerage_events')
      .set({ schedule_published_at: now, updated_at: now })
      .where('id', '=', eventId)
      .returningAll()
      .executeTakeFirstOrThrow()
    const published = await tx
      .updateTable('brokerage_schedule_runs')
      .set({ published_at: now })
      .where('id', '=', runId)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'brokerage_schedule.published',
      subjectType: 'brokerage_event',
      subjectId: eventId,
      change: { runId, meetings: result.meetings.length, objective: result.objective, upperBound: result.upperBound },
    })
    const seated = await tx
      .selectFrom('brokerage_meeting_seats as s')
      .innerJoin('brokerage_participants as p', 'p.id', 's.participant_id')
      .select(['p.id', 'p.user_id'])
      .where('p.event_id', '=', eventId)
      .distinct()
      .execute()
    await notifyBrokerage(
      tx,
      ctx,
      updated,
      'brokerage_schedule_published',
      [...new Set(seated.map((s) => s.user_id))],
      {
        actorId: ctx.actor.userId,
        link: `/app/brokerage/${eventId}/agenda`,
      },
    )
    await scheduleReminders(
      tx,
      updated,
      seated.map((s) => s.id),
    )
    return toRun(published)
  })
}
