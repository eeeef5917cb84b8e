import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { lockForWrite } from './guard.ts'
import { lockDraft } from './save-assessment.ts'

/** Throws a draft away (completed assessments are history and stay). */
export async function discardAssessment(ctx: CommandContext, solutionId: string, assessmentId: string): Promise<void> {
  authorize(ctx.actor, 'solution.manage')
  await inTransaction(ctx.db, async (tx) => {
    await lockForWrite(tx, ctx.actor, solutionId)
    await lockDraft(tx, solutionId, assessmentId)
    await tx.deleteFrom('trl_assessments').where('id', '=', assessmentId).execute()
    await recordAudit(tx, ctx, {
      action: 'trl_assessment.discarded',
      subjectType: 'solution',
      subjectId: solutionId,
      change: { assessmentId },
    })
  })
}
