import type { z } from 'zod'
import type { TrlAssessment, trlCompleteInput } from '../../../../shared/contracts/trl.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { complete, levelOf } from '../domain/trl/index.ts'
import { questionnaireOf, readAssessment, storedAnswers } from '../queries/assessment-view.ts'
import { lockForWrite } from './guard.ts'
import { lockDraft, normaliseAnswers } from './save-assessment.ts'

/** A stored effective TRL: levels 1–9; 0 ("no level reached") is kept as no TRL. */
export const storedTrl = (level: number | null) => (level !== null && level >= 1 ? level : null)

/**
 * Completes a draft (saving the answers and confidence sent with it first). The result is computed
 * here from the answers, never taken from the client: 400 `trl_assessment_incomplete` with a field
 * error per missing piece (unanswered level, evidence of each "yes", confidence). The solution's
 * effective TRL becomes this result: a new self-assessment supersedes the reviews of older ones.
 */
export async function completeAssessment(
  ctx: CommandContext,
  solutionId: string,
  assessmentId: string,
  input: z.output<typeof trlCompleteInput>,
): Promise<TrlAssessment> {
  authorize(ctx.actor, 'solution.manage')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockForWrite(tx, ctx.actor, solutionId)
    const a = await lockDraft(tx, solutionId, assessmentId)
    const answers =
      input.answers !== undefined
        ? await normaliseAnswers(tx, a, s.organisation_id, input.answers)
        : storedAnswers(a.answers)
    const confidence = input.confidence !== undefined ? input.confidence : a.confidence
    const q = questionnaireOf(a)
    const outcome = complete(q, answers, confidence)
    if (!outcome.ok) {
      throw new DomainError(
        'trl_assessment_incomplete',
        'The self-assessment cannot be completed yet.',
        { nextLevel: outcome.evaluation.nextLevel },
        outcome.problems,
      )
    }
    const now = ctx.clock.now()
    const kept = outcome.answers.map((x) => ({ ...x, level: levelOf(q, x.criterion)! }))
    await tx
      .updateTable('trl_assessments')
      .set({
        status: 'completed',
        answers: JSON.stringify(kept),
        result_level: outcome.resultLevel,
        confidence,
        updated_at: now,
        completed_at: now,
      })
      .where('id', '=', assessmentId)
      .execute()
    await tx
      .updateTable('solutions')
      .set({ assessed_trl: storedTrl(outcome.resultLevel), updated_at: now })
      .where('id', '=', solutionId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'trl_assessment.completed',
      subjectType: 'solution',
      subjectId: solutionId,
      change: {
        assessmentId,
        questionnaire: q.type,
        version: q.version,
        resultLevel: outcome.resultLevel,
        confidence,
        stoppedAt: outcome.evaluation.stoppedAt,
        evidence: kept.filter((x) => x.met).length,
      },
    })
    return readAssessment(tx, ctx.actor, s, assessmentId)
  })
}
