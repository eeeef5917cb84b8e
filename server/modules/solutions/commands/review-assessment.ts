import type { z } from 'zod'
import type { TrlAssessment, trlReviewInput } from '../../../../shared/contracts/trl.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isOwnerMember } from '../domain/abilities.ts'
import { assessmentNotFound, readAssessment } from '../queries/assessment-view.ts'
import { lockVisible } from '../queries/solution-view.ts'
import { storedTrl } from './complete-assessment.ts'

/**
 * Cluster staff, operators and experts confirm or adjust a completed self-assessment, with a reason
 * the applicant sees. Never on their own organisation's solution (403 `own_organisation`). When the
 * assessment is the solution's latest completed one, the reviewed level becomes the effective TRL.
 */
export async function reviewAssessment(
  ctx: CommandContext,
  solutionId: string,
  assessmentId: string,
  input: z.output<typeof trlReviewInput>,
): Promise<TrlAssessment> {
  authorize(ctx.actor, 'solution.review_trl')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockVisible(tx, ctx.actor, solutionId)
    if (isOwnerMember(ctx.actor, s.organisation_id) && ctx.actor.kind !== 'system') {
      throw new DomainError('forbidden', 'Reviewers do not review their own organisation’s solutions.', {
        reason: 'own_organisation',
      })
    }
    const a = await tx
      .selectFrom('trl_assessments')
      .select(['id', 'status', 'result_level'])
      .where('id', '=', assessmentId)
      .where('solution_id', '=', solutionId)
      .executeTakeFirst()
    if (!a || a.status === 'draft') {
      // A draft is the applicant's own business: reviewers do not see it.
      throw assessmentNotFound()
    }
    const level = input.decision === 'adjusted' ? input.level! : (a.result_level ?? 0)
    const now = ctx.clock.now()
    const review = await tx
      .insertInto('trl_reviews')
      .values({
        assessment_id: assessmentId,
        decision: input.decision,
        level,
        reason: input.reason,
        reviewer_id: ctx.actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const latest = await tx
      .selectFrom('trl_assessments')
      .select('id')
      .where('solution_id', '=', solutionId)
      .where('status', '=', 'completed')
      .orderBy('completed_at', 'desc')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    if (latest.id === assessmentId) {
      await tx
        .updateTable('solutions')
        .set({ assessed_trl: storedTrl(level) })
        .where('id', '=', solutionId)
        .execute()
    }
    await recordAudit(tx, ctx, {
      action: `trl_assessment.${input.decision}`,
      subjectType: 'solution',
      subjectId: solutionId,
      change: {
        assessmentId,
        reviewId: review.id,
        selfAssessed: a.result_level,
        level,
        reason: input.reason,
        effective: latest.id === assessmentId,
      },
    })
    return readAssessment(tx, ctx.actor, s, assessmentId)
  })
}
