import type { AssignmentRun } from '../../../../../shared/contracts/evaluation-assignments.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

function runQuery(db: Queryable, callId: string) {
  return db
    .selectFrom('assignment_runs as r')
    .leftJoin('users as u', 'u.id', 'r.started_by')
    .select([
      'r.id',
      'r.status',
      'r.progress',
      'r.result',
      'r.error',
      'u.name as started_by_name',
      'r.created_at',
      'r.started_at',
      'r.finished_at',
    ])
    .where('r.call_id', '=', callId)
}

type RunRow = Awaited<ReturnType<ReturnType<typeof runQuery>['executeTakeFirstOrThrow']>>

export function toRun(r: RunRow): AssignmentRun {
  const progress = (r.progress ?? {}) as Partial<AssignmentRun['progress']>
  return {
    id: r.id,
    status: r.status as AssignmentRun['status'],
    progress: { ...progress, phase: progress.phase ?? r.status, percent: progress.percent ?? 0 },
    result: (r.result as AssignmentRun['result']) ?? null,
    error: (r.error as AssignmentRun['error']) ?? null,
    startedBy: r.started_by_name ?? null,
    createdAt: iso(r.created_at),
    startedAt: r.started_at ? iso(r.started_at) : null,
    finishedAt: r.finished_at ? iso(r.finished_at) : null,
  }
}

export async function readRun(db: Queryable, callId: string, runId: string): Promise<AssignmentRun> {
  const r = await runQuery(db, callId).where('r.id', '=', runId).executeTakeFirst()
  if (!r) throw new DomainError('assignment_run_not_found')
  return toRun(r)
}

/** The call's runs, newest first (the latest 20), and the latest on its own (the page polls it). */
export async function listRuns(ctx: CommandContext, callId: string) {
  await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  const rows = await runQuery(ctx.db, callId).orderBy('r.created_at', 'desc').orderBy('r.id').limit(20).execute()
  const items = rows.map(toRun)
  return { latest: items[0] ?? null, items }
}

export async function getRun(ctx: CommandContext, callId: string, runId: string) {
  await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  return readRun(ctx.db, callId, runId)
}
