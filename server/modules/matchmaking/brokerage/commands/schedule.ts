import type { ScheduleRun } from '../../../../../shared/contracts/brokerage.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import type { Clock } from '../../../../platform/clock.ts'
import type { Database } from '../../../../platform/db/client.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { enqueue, type JobWorker } from '../../../../platform/jobs/queue.ts'
import { type SchedulingProgress, scheduleMeetingsInWorker } from '../../scheduler/index.ts'
import { phaseProgress } from '../domain/rules.ts'
import { loadAsOrganiser } from '../queries/access.ts'
import { type RunResult, toRun } from '../queries/runs.ts'
import { schedulingInput } from '../queries/scheduling-input.ts'

export const SCHEDULE_QUEUE = 'brokerage.schedule'

/**
 * The organiser of a central event asks for a schedule of all accepted requests: a run is queued and a job runs
 * the scheduler (in a worker thread); its progress and result are read from the run. One run at a time per event
 * (409 `brokerage_schedule_running`).
 */
export async function startScheduleRun(ctx: CommandContext, eventId: string): Promise<ScheduleRun> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, eventId)
    if (e.scheduling_mode !== 'central')
      throw new DomainError('brokerage_wrong_mode', 'Participants book their own meetings in this event.')
    if (e.status === 'closed') throw new DomainError('brokerage_event_closed', 'This event is closed.')
    const busy = await tx
      .selectFrom('brokerage_schedule_runs')
      .select('id')
      .where('event_id', '=', eventId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst()
    if (busy) throw new DomainError('brokerage_schedule_running', 'A schedule is being computed for this event.')
    const run = await tx
      .insertInto('brokerage_schedule_runs')
      .values({ event_id: eventId, status: 'queued', phase: 'queued', requested_by: ctx.actor.userId, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow()
    await enqueue(tx, SCHEDULE_QUEUE, { runId: run.id }, now)
    await recordAudit(tx, ctx, {
      action: 'brokerage_schedule.requested',
      subjectType: 'brokerage_event',
      subjectId: eventId,
      change: { runId: run.id },
    })
    return toRun(run)
  })
}

/**
 * The job: reads the event's data as committed now, runs the scheduler off the event loop, writes its progress
 * (phase, percent, best objective and bound so far) as it comes, then the result — or the error, such as fixed
 * meetings that cannot all hold (`schedule_fixed_infeasible` with every conflict).
 */
export function registerScheduleJob(worker: JobWorker, deps: { clock: Clock }): void {
  worker.register(SCHEDULE_QUEUE, async (payload, db: Database) => {
    const runId = String(payload.runId)
    const claimed = await db
      .updateTable('brokerage_schedule_runs')
      .set({ status: 'running', phase: 'validate', progress: phaseProgress.validate!, started_at: deps.clock.now() })
      .where('id', '=', runId)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst()
    if (!claimed) return
    const e = await db
      .selectFrom('brokerage_events')
      .selectAll()
      .where('id', '=', claimed.event_id)
      .executeTakeFirstOrThrow()
    const input = await schedulingInput(db, e)
    // Progress writes are chained (never two at once, never out of order) and never fail the run.
    let writes: Promise<unknown> = Promise.resolve()
    const onProgress = (p: SchedulingProgress) => {
      writes = writes
        .then(() =>
          db
            .updateTable('brokerage_schedule_runs')
            .set({
              phase: p.phase,
              progress: Math.min(99, phaseProgress[p.phase] ?? 0),
              ...(p.objective !== undefined ? { objective: p.objective } : {}),
              ...(p.upperBound !== undefined ? { upper_bound: p.upperBound } : {}),
            })
            .where('id', '=', runId)
            .where('status', '=', 'running')
            .execute(),
        )
        .catch(() => undefined)
    }
    try {
      const out = await scheduleMeetingsInWorker(input, { onProgress })
      await writes
      const result: RunResult = {
        meetings: out.meetings,
        unscheduled: out.unscheduled,
        objective: out.objective,
        upperBound: out.upperBound,
        ratio: out.ratio,
        boundKind: out.boundKind,
        method: out.method,
        timeMs: Math.round(out.timeMs),
        requests: input.requests.length,
        fixed: input.fixed?.length ?? 0,
      }
      await db
        .updateTable('brokerage_schedule_runs')
        .set({
          status: 'done',
          phase: 'done',
          progress: 100,
          objective: out.objective,
          upper_bound: out.upperBound,
          result: JSON.stringify(result),
          finished_at: deps.clock.now(),
        })
        .where('id', '=', runId)
        .execute()
    } catch (err) {
      await writes
      const error =
        err instanceof DomainError
          ? { code: err.code, conflicts: (err.details as { conflicts?: unknown[] }).conflicts ?? [] }
          : { code: 'internal_error', conflicts: [] }
      await db
        .updateTable('brokerage_schedule_runs')
        .set({ status: 'failed', phase: 'done', error: JSON.stringify(error), finished_at: deps.clock.now() })
        .where('id', '=', runId)
        .execute()
    }
  })
}
