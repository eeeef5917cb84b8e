import type { z } from 'zod'
import type { DecisionBoard, grantAdjustInput } from '../../../../../shared/contracts/evaluation-decisions.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { readDecisionBoard } from '../queries/board.ts'

/**
 * Cuts (or restores) the amount of a funded decision before it is notified: at most the amount requested,
 * with a reason the applicant reads in the evaluation result and the summary; accepting the grant then
 * needs the explicit acceptance of the cut. 409 `decision_not_adjustable` for a decision that is not
 * funded or already notified; 400 on `grantedCents` above the request.
 */
export async function adjustGrant(
  ctx: CommandContext,
  callId: string,
  applicationId: string,
  input: z.output<typeof grantAdjustInput>,
): Promise<DecisionBoard> {
  await inTransaction(ctx.db, async (tx) => {
    await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.decide')
    const d = await tx
      .selectFrom('evaluation_decisions')
      .selectAll()
      .where('application_id', '=', applicationId)
      .where('call_id', '=', callId)
      .forUpdate()
      .executeTakeFirst()
    if (!d) throw new DomainError('decision_not_found')
    if (d.outcome !== 'funded' || d.notified_at !== null) throw new DomainError('decision_not_adjustable')
    const requested = Number(d.requested_cents)
    if (input.grantedCents > requested)
      throw new DomainError('validation_failed', 'The amount granted cannot exceed the amount requested.', {}, [
        { path: 'grantedCents', code: 'too_big', message: `at most ${requested}` },
      ])
    const cut = input.grantedCents < requested
    await tx
      .updateTable('evaluation_decisions')
      .set({
        granted_cents: input.grantedCents,
        adjustment_reason: cut ? input.reason : null,
        adjusted_at: ctx.clock.now(),
        adjusted_by: ctx.actor.userId,
      })
      .where('application_id', '=', applicationId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.grant_adjusted',
      subjectType: 'application',
      subjectId: applicationId,
      change: {
        grantedCents: { from: d.granted_cents === null ? null : Number(d.granted_cents), to: input.grantedCents },
        requestedCents: requested,
        reason: input.reason,
      },
    })
  })
  return readDecisionBoard(ctx, callId)
}
