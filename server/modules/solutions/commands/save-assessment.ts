import type { z } from 'zod'
import type { TrlAnswerInput, TrlAssessment, trlSaveInput } from '../../../../shared/contracts/trl.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { checkAnswers, levelOf } from '../domain/trl/index.ts'
import { assessmentNotFound, questionnaireOf, readAssessment } from '../queries/assessment-view.ts'
import { lockForWrite } from './guard.ts'

/** Locks a draft assessment of a solution the caller writes (404 unknown, 409 completed). */
export async function lockDraft(tx: Tx, solutionId: string, assessmentId: string) {
  const a = await tx
    .selectFrom('trl_assessments')
    .selectAll()
    .where('id', '=', assessmentId)
    .where('solution_id', '=', solutionId)
    .forUpdate()
    .executeTakeFirst()
  if (!a) throw assessmentNotFound()
  if (a.status !== 'draft') {
    throw new DomainError('trl_assessment_closed', 'This self-assessment is completed: start a new one to change it.')
  }
  return a
}

/**
 * Checks answers for a draft: criteria of its questionnaire, each once; evidence files uploaded for
 * this organisation's evidence. Answers are stored with their level, in questionnaire order.
 */
export async function normaliseAnswers(
  tx: Tx,
  a: { questionnaire: string },
  organisationId: string,
  answers: TrlAnswerInput[],
): Promise<(TrlAnswerInput & { level: number })[]> {
  const q = questionnaireOf(a)
  const problems = checkAnswers(q, answers)
  if (problems.length > 0) throw new DomainError('validation_failed', 'Invalid answers.', {}, problems)
  const fileIds = [...new Set(answers.map((x) => x.evidenceFileId).filter((x): x is string => Boolean(x)))]
  if (fileIds.length > 0) {
    const found = await tx
      .selectFrom('files')
      .select('id')
      .where('id', 'in', fileIds)
      .where('organisation_id', '=', organisationId)
      .where('purpose', '=', 'evidence')
      .execute()
    const ok = new Set(found.map((f) => f.id))
    const bad = answers.findIndex((x) => x.evidenceFileId && !ok.has(x.evidenceFileId))
    if (bad >= 0) {
      throw new DomainError('validation_failed', 'Unknown evidence file.', {}, [
        { path: `answers.${bad}.evidenceFileId`, code: 'unknown_file', message: 'Upload the file again.' },
      ])
    }
  }
  const order = q.levels.flatMap((l) => l.criteria.map((c) => c.id))
  return answers
    .map((x) => ({ ...x, level: levelOf(q, x.criterion)! }))
    .sort((x, y) => order.indexOf(x.criterion) - order.indexOf(y.criterion))
}

/** An autosave of a draft: the whole answer list and the confidence as they stand. */
export async function saveAssessment(
  ctx: CommandContext,
  solutionId: string,
  assessmentId: string,
  input: z.output<typeof trlSaveInput>,
): Promise<TrlAssessment> {
  authorize(ctx.actor, 'solution.manage')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockForWrite(tx, ctx.actor, solutionId)
    const a = await lockDraft(tx, solutionId, assessmentId)
    const answers = await normaliseAnswers(tx, a, s.organisation_id, input.answers)
    await tx
      .updateTable('trl_assessments')
      .set({ answers: JSON.stringify(answers), confidence: input.confidence, updated_at: ctx.clock.now() })
      .where('id', '=', assessmentId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'trl_assessment.saved',
      subjectType: 'solution',
      subjectId: solutionId,
      change: {
        assessmentId,
        answered: answers.filter((x) => x.met !== null).length,
        yes: answers.filter((x) => x.met === true).length,
        confidence: input.confidence,
      },
    })
    return readAssessment(tx, ctx.actor, s, assessmentId)
  })
}
