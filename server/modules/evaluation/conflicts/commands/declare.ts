import type { ConflictList } from '../../../../../shared/contracts/experts.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isPoolManager, loadCallForPool, signedInUser } from '../../experts/access.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

/**
 * A conflict declared by hand on one submitted application: by an expert for themself (a candidate
 * for the application's call), or by an operator of the programme for any candidate expert. Anyone
 * else — and an expert who is not a candidate for that call — gets 404, as for an unknown application.
 */
export async function declareConflict(
  ctx: CommandContext,
  applicationId: string,
  input: { userId?: string | undefined; reason: string },
) {
  authorize(ctx.actor, 'expert.conflict.declare')
  const actorId = signedInUser(ctx.actor)
  return inTransaction(ctx.db, async (tx) => {
    const app = await tx
      .selectFrom('applications as a')
      .innerJoin('calls as c', 'c.id', 'a.call_id')
      .select(['a.id', 'a.call_id', 'a.status', 'c.programme_id'])
      .where('a.id', '=', applicationId)
      .executeTakeFirst()
    if (app?.status !== 'submitted') throw new DomainError('application_not_found')
    const operator = isPoolManager(ctx.actor, app.programme_id, 'expert.pool.manage')
    const userId = operator ? (input.userId ?? actorId) : actorId
    if (!operator && input.userId && input.userId !== actorId)
      throw new DomainError('forbidden', 'Experts declare their own conflicts.', { reason: 'missing_role' })
    const candidate = await tx
      .selectFrom('expert_calls')
      .select('id')
      .where('call_id', '=', app.call_id)
      .where('user_id', '=', userId)
      .where('status', '!=', 'rejected')
      .executeTakeFirst()
    if (!candidate) throw new DomainError(operator ? 'expert_not_found' : 'application_not_found')
    const open = await tx
      .selectFrom('expert_conflicts')
      .select('id')
      .where('application_id', '=', applicationId)
      .where('user_id', '=', userId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst()
    if (open) throw new DomainError('expert_conflict_exists')
    const now = ctx.clock.now()
    const row = await tx
      .insertInto('expert_conflicts')
      .values({
        application_id: applicationId,
        user_id: userId,
        reason: input.reason,
        declared_by: actorId,
        declared_at: now,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'expert.conflict_declared',
      subjectType: 'expert_conflict',
      subjectId: row.id,
      change: { applicationId, userId, reason: input.reason, byOperator: operator && userId !== actorId },
    })
    return { id: row.id, applicationId, userId, reason: input.reason, declaredAt: iso(now) }
  })
}

/** Withdraws a declared conflict: the expert it concerns or an operator of the programme. */
export async function withdrawConflict(ctx: CommandContext, conflictId: string): Promise<void> {
  authorize(ctx.actor, 'expert.conflict.declare')
  const actorId = signedInUser(ctx.actor)
  await inTransaction(ctx.db, async (tx) => {
    const c = await tx
      .selectFrom('expert_conflicts as x')
      .innerJoin('applications as a', 'a.id', 'x.application_id')
      .innerJoin('calls as c', 'c.id', 'a.call_id')
      .select(['x.id', 'x.user_id', 'x.withdrawn_at', 'c.programme_id'])
      .where('x.id', '=', conflictId)
      .forUpdate()
      .executeTakeFirst()
    const may = c && (c.user_id === actorId || isPoolManager(ctx.actor, c.programme_id, 'expert.pool.manage'))
    if (!c || !may || c.withdrawn_at) throw new DomainError('expert_conflict_not_found')
    await tx
      .updateTable('expert_conflicts')
      .set({ withdrawn_at: ctx.clock.now(), withdrawn_by: actorId })
      .where('id', '=', c.id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'expert.conflict_withdrawn',
      subjectType: 'expert_conflict',
      subjectId: c.id,
      change: { userId: c.user_id },
    })
  })
}

/** Operators switch the call's optional rules: cluster staff vs supported applications, same country. */
export async function setConflictSettings(
  ctx: CommandContext,
  callId: string,
  input: ConflictList['settings'],
): Promise<ConflictList['settings']> {
  await inTransaction(ctx.db, async (tx) => {
    await loadCallForPool(tx, ctx.actor, callId, 'expert.pool.manage')
    const now = ctx.clock.now()
    const values = {
      cluster_rule: input.clusterRule,
      same_country_rule: input.sameCountryRule,
      updated_at: now,
      updated_by: ctx.actor.userId,
    }
    await tx
      .insertInto('expert_conflict_settings')
      .values({ call_id: callId, ...values })
      .onConflict((oc) => oc.column('call_id').doUpdateSet(values))
      .execute()
    await recordAudit(tx, ctx, {
      action: 'expert.conflict_settings_changed',
      subjectType: 'call',
      subjectId: callId,
      change: input,
    })
  })
  return input
}
