import type { AssignmentRun } from '../../../../../shared/contracts/evaluation-assignments.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { systemActor } from '../../../../platform/authz/actor.ts'
import type { Clock } from '../../../../platform/clock.ts'
import { type Database, inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { enqueue, type JobWorker } from '../../../../platform/jobs/queue.ts'
import { type AssignmentProgress, assignExpertsInWorker } from '../../assignment/index.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { pairKey } from '../domain/affinity.ts'
import { explanationOf } from '../domain/explanation.ts'
import { termNames } from '../queries/inputs.ts'
import { activePairs, callProblem, isKept } from '../queries/problem.ts'
import { readRun } from '../queries/runs.ts'

export const ASSIGNMENT_QUEUE = 'evaluation.assignment'

/** Rough share of the work done at each phase of the optimiser, for the progress bar. */
const phasePercent: Record<string, number> = {
  prepare: 3,
  validate: 8,
  prune: 12,
  flow: 15,
  lp: 40,
  price: 60,
  milp: 70,
  explain: 90,
  done: 95,
}

/** Percent done from an optimiser progress event (the flow reports units assigned of the demand). */
export function percentOf(p: AssignmentProgress): number {
  if (p.phase === 'flow' && p.demand && p.assigned !== undefined)
    return Math.min(85, Math.round(15 + (70 * p.assigned) / Math.max(1, p.demand)))
  return phasePercent[p.phase] ?? 0
}

/**
 * An operator of the call's programme asks for an assignment: a run is queued and a background job
 * computes it (one run at a time per call: 409 `assignment_run_in_progress`).
 */
export async function startAssignmentRun(ctx: CommandContext, callId: string): Promise<AssignmentRun> {
  return inTransaction(ctx.db, async (tx) => {
    await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.manage')
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute()
    const busy = await tx
      .selectFrom('assignment_runs')
      .select('id')
      .where('call_id', '=', callId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst()
    if (busy)
      throw new DomainError('assignment_run_in_progress', 'An assignment is being computed for this call.', {
        runId: busy.id,
      })
    // Runs are ordered by creation: never two at the same instant, even under a fixed clock.
    const last = await tx
      .selectFrom('assignment_runs')
      .select('created_at')
      .where('call_id', '=', callId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    const now = ctx.clock.now()
    const lastAt = last ? new Date(last.created_at).getTime() : 0
    const createdAt = new Date(Math.max(now.getTime(), lastAt + 1))
    const run = await tx
      .insertInto('assignment_runs')
      .values({
        call_id: callId,
        status: 'queued',
        progress: JSON.stringify({ phase: 'queued', percent: 0 }),
        started_by: ctx.actor.userId,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await enqueue(tx, ASSIGNMENT_QUEUE, { runId: run.id }, now)
    await recordAudit(tx, ctx, {
      action: 'evaluation.assignment_run_requested',
      subjectType: 'assignment_run',
      subjectId: run.id,
      change: { callId },
    })
    return readRun(tx, callId, run.id)
  })
}

/**
 * The job: reads the call as committed now, runs the optimiser in a worker thread with its progress
 * written to the run, and on success replaces in one transaction the pairs that are not kept (not
 * locked, not confirmed, no evaluation begun): a pair chosen again keeps its row, the others are marked
 * removed, new ones are inserted (source `optimiser`) with their affinity and why. A refusal (no feasible
 * assignment) fails the run with the optimiser's code and details; nothing else changes.
 */
export function registerAssignmentJob(worker: JobWorker, deps: { clock: Clock }): void {
  const ctx = { actor: systemActor, requestId: null, clock: deps.clock }
  worker.register(ASSIGNMENT_QUEUE, async (payload, db: Database) => {
    const runId = String(payload.runId)
    const started = Date.now()
    const claimed = await db
      .updateTable('assignment_runs')
      .set({
        status: 'running',
        progress: JSON.stringify({ phase: 'prepare', percent: phasePercent.prepare }),
        started_at: deps.clock.now(),
      })
      .where('id', '=', runId)
      .where('status', '=', 'queued')
      .returning(['id', 'call_id', 'started_by'])
      .executeTakeFirst()
    if (!claimed) return
    let writes: Promise<unknown> = Promise.resolve()
    const onProgress = (p: AssignmentProgress) => {
      const progress = {
        phase: p.phase,
        percent: percentOf(p),
        elapsedMs: Math.round(Date.now() - started),
        ...(p.objective !== undefined ? { objective: p.objective } : {}),
        ...(p.upperBound !== undefined ? { upperBound: p.upperBound } : {}),
      }
      writes = writes
        .then(() =>
          db
            .updateTable('assignment_runs')
            .set({ progress: JSON.stringify(progress) })
            .where('id', '=', runId)
            .where('status', '=', 'running')
            .execute(),
        )
        .catch(() => undefined)
    }
    try {
      const call = await db
        .selectFrom('calls')
        .select(['id', 'programme_id'])
        .where('id', '=', claimed.call_id)
        .executeTakeFirstOrThrow()
      const pb = await callProblem(db, call)
      const out = await assignExpertsInWorker(pb.input, { onProgress })
      await writes
      const names = await termNames(
        db,
        [...pb.affinity.values()].flatMap((a) => a.tags),
      )
      await inTransaction(db, async (tx) => {
        const now = deps.clock.now()
        const active = await activePairs(tx, call.id)
        const chosen = new Map(out.pairs.filter((p) => !p.locked).map((p) => [pairKey(p.application, p.expert), p]))
        let removed = 0
        let added = 0
        for (const a of active) {
          const key = pairKey(a.application_id, a.user_id)
          if (isKept(a)) {
            chosen.delete(key)
            continue
          }
          const p = chosen.get(key)
          if (p) {
            await tx
              .updateTable('evaluation_assignments')
              .set({
                source: 'optimiser',
                run_id: runId,
                affinity: p.affinity,
                explanation: JSON.stringify(
                  explanationOf(p.reason, pb.affinity.get(key), pb.settings.bidWeight, names, p),
                ),
              })
              .where('id', '=', a.id)
              .execute()
            chosen.delete(key)
          } else {
            await tx
              .updateTable('evaluation_assignments')
              .set({ status: 'removed', removed_at: now, removed_by: claimed.started_by })
              .where('id', '=', a.id)
              .execute()
            removed++
          }
        }
        for (const [key, p] of chosen) {
          await tx
            .insertInto('evaluation_assignments')
            .values({
              call_id: call.id,
              application_id: p.application,
              user_id: p.expert,
              affinity: p.affinity,
              explanation: JSON.stringify(
                explanationOf(p.reason, pb.affinity.get(key), pb.settings.bidWeight, names, p),
              ),
              source: 'optimiser',
              run_id: runId,
              status: 'assigned',
              created_at: now,
              created_by: claimed.started_by,
            })
            .execute()
          added++
        }
        const result = {
          objective: out.objective,
          upperBound: out.upperBound,
          optimal: out.optimal,
          method: out.method,
          timeMs: Math.round(out.timeMs),
          applications: pb.applications.length,
          experts: pb.input.experts.length,
          pairs: out.pairs.length,
          kept: pb.kept.length,
          added,
          removed,
        }
        await tx
          .updateTable('assignment_runs')
          .set({
            status: 'succeeded',
            progress: JSON.stringify({ phase: 'done', percent: 100, elapsedMs: Math.round(Date.now() - started) }),
            result: JSON.stringify(result),
            finished_at: now,
          })
          .where('id', '=', runId)
          .execute()
        await recordAudit(tx, ctx, {
          action: 'evaluation.assignment_run_succeeded',
          subjectType: 'assignment_run',
          subjectId: runId,
          change: { callId: call.id, startedBy: claimed.started_by, ...result },
        })
      })
    } catch (err) {
      await writes
      const error =
        err instanceof DomainError
          ? { code: err.code, params: { ...err.details, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) } }
          : { code: 'internal_error', params: {} }
      await inTransaction(db, async (tx) => {
        await tx
          .updateTable('assignment_runs')
          .set({
            status: 'failed',
            progress: JSON.stringify({ phase: 'done', percent: 100, elapsedMs: Math.round(Date.now() - started) }),
            error: JSON.stringify(error),
            finished_at: deps.clock.now(),
          })
          .where('id', '=', runId)
          .execute()
        await recordAudit(tx, ctx, {
          action: 'evaluation.assignment_run_failed',
          subjectType: 'assignment_run',
          subjectId: runId,
          change: { callId: claimed.call_id, startedBy: claimed.started_by, error },
        })
      })
    }
  })
}
