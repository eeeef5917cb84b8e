import type { SolutionType, TrlAssessment } from '../../../../shared/contracts/trl.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { questionnaireFor } from '../domain/trl/index.ts'
import { readAssessment } from '../queries/assessment-view.ts'
import { lockForWrite } from './guard.ts'

/**
 * Starts a self-assessment with the questionnaire of the solution's type (current version). One draft
 * at a time: a second start answers 409 `trl_assessment_draft_exists` with the draft's id, to resume it.
 */
export async function startAssessment(ctx: CommandContext, solutionId: string): Promise<TrlAssessment> {
  authorize(ctx.actor, 'solution.manage')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockForWrite(tx, ctx.actor, solutionId)
    const draft = await tx
      .selectFrom('trl_assessments')
      .select('id')
      .where('solution_id', '=', solutionId)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (draft) {
      throw new DomainError(
        'trl_assessment_draft_exists',
        'A self-assessment of this solution is already in progress.',
        {
          assessmentId: draft.id,
        },
      )
    }
    const q = questionnaireFor(s.type as SolutionType)
    const now = ctx.clock.now()
    const a = await tx
      .insertInto('trl_assessments')
      .values({
        solution_id: solutionId,
        questionnaire: q.type,
        questionnaire_version: q.version,
        status: 'draft',
        answers: JSON.stringify([]),
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'trl_assessment.started',
      subjectType: 'solution',
      subjectId: solutionId,
      change: { assessmentId: a.id, questionnaire: q.type, version: q.version },
    })
    return readAssessment(tx, ctx.actor, s, a.id)
  })
}
