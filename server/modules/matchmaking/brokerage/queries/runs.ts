import type { Selectable } from 'kysely'
import type { ScheduleRun } from '../../../../../shared/contracts/brokerage.ts'
import type { BrokerageScheduleRuns } from '../../../../db/types.generated.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import type { ScheduledMeeting, UnscheduledRequest } from '../../scheduler/index.ts'
import { iso, loadAsOrganiser } from './access.ts'

export type RunRow = Selectable<BrokerageScheduleRuns>

/** What a finished run stores in `result`. */
export interface RunResult {
  meetings: ScheduledMeeting[]
  unscheduled: UnscheduledRequest[]
  objective: number
  upperBound: number
  ratio: number
  boundKind: string
  method: string
  timeMs: number
  requests: number
  fixed: number
}

export function toRun(r: RunRow): ScheduleRun {
  const result = r.result as unknown as RunResult | null
  const error = r.error as unknown as { code: string; conflicts?: Record<string, unknown>[] } | null
  return {
    id: r.id,
    status: r.status as ScheduleRun['status'],
    phase: r.phase,
    progress: r.progress,
    objective: r.objective,
    upperBound: r.upper_bound,
    ratio: result ? result.ratio : null,
    meetings: result ? result.meetings.length : null,
    requests: result ? result.requests : null,
    fixed: result ? result.fixed : null,
    unscheduled: result ? result.unscheduled.map((u) => ({ requestId: u.request, reason: u.reason })) : [],
    error: error ? { code: error.code, conflicts: error.conflicts ?? [] } : null,
    createdAt: iso(r.created_at),
    finishedAt: r.finished_at ? iso(r.finished_at) : null,
    publishedAt: r.published_at ? iso(r.published_at) : null,
  }
}

/** A run of the event, for its organisers (the UI polls it while it runs). */
export async function getRun(ctx: CommandContext, eventId: string, runId: string): Promise<ScheduleRun> {
  await loadAsOrganiser(ctx.db, ctx.actor, eventId, false)
  const r = await ctx.db
    .selectFrom('brokerage_schedule_runs')
    .selectAll()
    .where('id', '=', runId)
    .where('event_id', '=', eventId)
    .executeTakeFirst()
  if (!r) throw new DomainError('schedule_run_not_found')
  return toRun(r)
}

/** The event's latest run, or null. */
export async function latestRun(ctx: CommandContext, eventId: string): Promise<{ run: ScheduleRun | null }> {
  await loadAsOrganiser(ctx.db, ctx.actor, eventId, false)
  const r = await ctx.db
    .selectFrom('brokerage_schedule_runs')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('seq', 'desc')
    .executeTakeFirst()
  return { run: r ? toRun(r) : null }
}
