import type { TrlAssessment, TrlAssessmentSummary } from '../../../../shared/contracts/trl.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isOwnerMember } from '../domain/abilities.ts'
import { assertTrailVisible, readAssessment, selectAssessments, toAssessmentSummary } from './assessment-view.ts'
import { findVisible } from './solution-view.ts'
import { reviewsOf } from './trl-status.ts'

/**
 * Every assessment of a solution, newest first, with its result, dates and latest review: the history
 * against which TRL gain is measured later. Members see their drafts too; reviewers the completed ones.
 */
export async function listAssessments(
  ctx: CommandContext,
  solutionId: string,
): Promise<{ items: TrlAssessmentSummary[] }> {
  authorize(ctx.actor, 'solution.view')
  const s = await findVisible(ctx.db, ctx.actor, solutionId)
  assertTrailVisible(ctx.actor, s.organisation_id)
  const rows = await selectAssessments(ctx.db)
    .where('a.solution_id', '=', solutionId)
    .$if(!isOwnerMember(ctx.actor, s.organisation_id), (qb) => qb.where('a.status', '=', 'completed'))
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute()
  const reviews = await reviewsOf(
    ctx.db,
    rows.map((r) => r.id),
    true,
  )
  return { items: rows.map((r) => toAssessmentSummary(r, reviews.get(r.id)?.[0] ?? null, true)) }
}

export async function getAssessment(
  ctx: CommandContext,
  solutionId: string,
  assessmentId: string,
): Promise<TrlAssessment> {
  authorize(ctx.actor, 'solution.view')
  const s = await findVisible(ctx.db, ctx.actor, solutionId)
  return readAssessment(ctx.db, ctx.actor, s, assessmentId)
}
