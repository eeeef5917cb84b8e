import type { AssignmentPair } from '../../../../../shared/contracts/evaluation-assignments.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isProgrammeOperator, loadCallForOperator } from '../../common/access.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { computeAffinities, pairKey } from '../domain/affinity.ts'
import { explanationOf } from '../domain/explanation.ts'
import { loadBids, loadCallApplications, loadPool, termNames } from '../queries/inputs.ts'
import { readPair } from '../queries/pairs.ts'
import { callConflicts } from '../queries/problem.ts'

/** An active pair of a call the operator runs; another programme's or an unknown pair is a 404. */
async function operatorPair(tx: Tx, ctx: CommandContext, assignmentId: string) {
  authorize(ctx.actor, 'evaluation.manage')
  const a = await tx
    .selectFrom('evaluation_assignments as x')
    .innerJoin('calls as c', 'c.id', 'x.call_id')
    .select(['x.id', 'x.call_id', 'x.application_id', 'x.user_id', 'x.status', 'x.locked', 'c.programme_id'])
    .where('x.id', '=', assignmentId)
    .where('x.status', 'in', ['assigned', 'confirmed'])
    .forUpdate()
    .executeTakeFirst()
  if (!a || !isProgrammeOperator(ctx.actor, a.programme_id, 'evaluation.manage'))
    throw new DomainError('assignment_not_found')
  return a
}

/** Locks or unlocks a pair: locked pairs are kept by every re-run. */
export async function setPairLock(ctx: CommandContext, assignmentId: string, locked: boolean): Promise<AssignmentPair> {
  await inTransaction(ctx.db, async (tx) => {
    const a = await operatorPair(tx, ctx, assignmentId)
    if (a.locked === locked) return
    await tx.updateTable('evaluation_assignments').set({ locked }).where('id', '=', a.id).execute()
    await recordAudit(tx, ctx, {
      action: locked ? 'evaluation.assignment_locked' : 'evaluation.assignment_unlocked',
      subjectType: 'evaluation_assignment',
      subjectId: a.id,
      change: { callId: a.call_id, applicationId: a.application_id, userId: a.user_id },
    })
  })
  return readPair(ctx.db, assignmentId)
}

/** Removes a pair (status removed) unless its expert has submitted an evaluation. */
export async function removePair(ctx: CommandContext, assignmentId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const a = await operatorPair(tx, ctx, assignmentId)
    const submitted = await tx
      .selectFrom('evaluations')
      .select('id')
      .where('assignment_id', '=', a.id)
      .where('status', '=', 'submitted')
      .executeTakeFirst()
    if (submitted) throw new DomainError('evaluation_submitted', 'The expert has submitted an evaluation of this pair.')
    await tx
      .updateTable('evaluation_assignments')
      .set({ status: 'removed', removed_at: ctx.clock.now(), removed_by: ctx.actor.userId, locked: false })
      .where('id', '=', a.id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.assignment_removed',
      subjectType: 'evaluation_assignment',
      subjectId: a.id,
      change: { callId: a.call_id, applicationId: a.application_id, userId: a.user_id, from: a.status },
    })
  })
}

/**
 * An operator assigns an expert by hand (locked by default, so re-runs keep it): an approved expert of
 * the call, a submitted admissible application of the call, no active pair yet, and no conflict
 * (409 `assignment_conflicted` with the reasons). Loads and panel rules are the operator's call.
 */
export async function addPair(
  ctx: CommandContext,
  callId: string,
  input: { applicationId: string; userId: string; locked: boolean },
): Promise<AssignmentPair> {
  const id = await inTransaction(ctx.db, async (tx) => {
    const call = await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.manage')
    const apps = await loadCallApplications(tx, callId)
    if (!apps.some((a) => a.applicationId === input.applicationId)) throw new DomainError('application_not_found')
    const pool = await loadPool(tx, callId)
    const expert = pool.find((e) => e.userId === input.userId)
    if (!expert) throw new DomainError('expert_not_found')
    const existing = await tx
      .selectFrom('evaluation_assignments')
      .select('id')
      .where('application_id', '=', input.applicationId)
      .where('user_id', '=', input.userId)
      .where('status', 'in', ['assigned', 'confirmed'])
      .executeTakeFirst()
    if (existing)
      throw new DomainError('assignment_exists', 'This expert is already assigned to this application.', {
        assignmentId: existing.id,
      })
    const key = pairKey(input.applicationId, input.userId)
    const reasons = (await callConflicts(tx, call)).get(key)
    if (reasons)
      throw new DomainError('assignment_conflicted', 'This expert has a conflict of interest with this application.', {
        reasons,
      })
    const settings = await readEvaluationSettings(tx, callId)
    const affinity = computeAffinities(apps, [expert], await loadBids(tx, callId), settings.bidWeight).get(key)
    const names = await termNames(tx, affinity?.tags ?? [])
    const row = await tx
      .insertInto('evaluation_assignments')
      .values({
        call_id: callId,
        application_id: input.applicationId,
        user_id: input.userId,
        affinity: affinity?.affinity ?? 0,
        explanation: JSON.stringify(explanationOf('manual', affinity, settings.bidWeight, names)),
        locked: input.locked,
        source: 'manual',
        status: 'assigned',
        created_at: ctx.clock.now(),
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'evaluation.assignment_added',
      subjectType: 'evaluation_assignment',
      subjectId: row.id,
      change: { callId, applicationId: input.applicationId, userId: input.userId, locked: input.locked },
    })
    return row.id
  })
  return readPair(ctx.db, id)
}
