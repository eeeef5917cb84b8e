import type { EvaluationState } from '../../../../../shared/contracts/evaluation.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { toEvaluationState } from '../queries/load.ts'

/**
 * A moderator (operator of the call's programme) reopens a submitted evaluation with a reason: it goes
 * back to draft (new version) so its expert can change it — during the individual phase, or after it
 * until the consensus phase closes. Not submitted: 409 `evaluation_not_submitted`. Audited.
 */
export async function reopenEvaluation(
  ctx: CommandContext,
  evaluationId: string,
  reason: string,
): Promise<EvaluationState> {
  authorize(ctx.actor, 'evaluation.moderate')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const e = await tx
      .selectFrom('evaluations')
      .selectAll()
      .where('id', '=', evaluationId)
      .forUpdate()
      .executeTakeFirst()
    if (!e) throw new DomainError('evaluation_not_found')
    await loadCallForOperator(tx, ctx.actor, e.call_id, 'evaluation.moderate')
    if (e.status !== 'submitted') throw new DomainError('evaluation_not_submitted')
    const row = await tx
      .updateTable('evaluations')
      .set({
        status: 'draft',
        version: e.version + 1,
        reopened_at: now,
        reopened_by: ctx.actor.userId,
        reopen_reason: reason,
        updated_at: now,
      })
      .where('id', '=', e.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'evaluation.reopened',
      subjectType: 'evaluation',
      subjectId: e.id,
      change: {
        from: 'submitted',
        to: 'draft',
        reason,
        submittedAt: e.submitted_at ? new Date(e.submitted_at).toISOString() : null,
      },
    })
    return toEvaluationState(row)
  })
}
