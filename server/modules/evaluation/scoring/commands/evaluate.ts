import type { EvaluationDraftInput, EvaluationState } from '../../../../../shared/contracts/evaluation.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { draftErrors, incompleteErrors, type Scores } from '../domain/form.ts'
import {
  type EvaluationRow,
  evaluationOf,
  isEditable,
  ownAssignment,
  scoringContext,
  submittedRevision,
  toEvaluationState,
} from '../queries/load.ts'

/** The checks shared by saving and submitting: own confirmed assignment, phase, not submitted, version. */
async function prepare(tx: Tx, ctx: CommandContext, assignmentId: string, version: number | null) {
  const now = ctx.clock.now()
  const a = await ownAssignment(tx, ctx.actor, assignmentId, true)
  if (a.status !== 'confirmed')
    throw new DomainError('assignment_not_confirmed', 'Confirm you have no conflict of interest first.')
  const c = await scoringContext(tx, a.call_id, now)
  const existing = await evaluationOf(tx, a.id, true)
  if (!isEditable(c.phases, existing))
    throw new DomainError('evaluation_phase_closed', 'The individual evaluation phase is not open.', {
      phase: c.phases.individual.status,
    })
  if (existing?.status === 'submitted') throw new DomainError('evaluation_submitted')
  if ((existing?.version ?? null) !== version)
    throw new DomainError('evaluation_stale', 'The evaluation changed since you read it.', {
      current: existing ? toEvaluationState(existing) : null,
    })
  const rev = await submittedRevision(tx, a.application_id)
  return { now, a, c, existing, rev }
}

/** Keeps only the call's criteria, in its order, with trimmed-right comments. */
function clean(scores: Scores, criterionIds: readonly string[]): Scores {
  const out: Scores = {}
  for (const id of criterionIds) {
    const v = scores[id]
    if (v) out[id] = { score: v.score, comment: v.comment.trimEnd() }
  }
  return out
}

/**
 * Saves the caller's draft (creating the evaluation on the first save): scores on the call's scale
 * (400 `validation_failed` per field otherwise), comments, the overall comment. Optimistic: `version`
 * is the version read (null for none), else 409 `evaluation_stale` with the current state. The
 * evaluation points at the application's submitted revision. Audited.
 */
export async function saveDraft(
  ctx: CommandContext,
  assignmentId: string,
  input: EvaluationDraftInput,
): Promise<EvaluationState> {
  return inTransaction(ctx.db, async (tx) => {
    const { now, a, c, existing, rev } = await prepare(tx, ctx, assignmentId, input.version)
    const errors = draftErrors(input.scores, c.criterionIds, c.scale)
    if (errors.length) throw new DomainError('validation_failed', 'Some scores are not valid.', {}, errors)
    const scores = JSON.stringify(clean(input.scores, c.criterionIds))
    let row: EvaluationRow
    if (existing) {
      row = await tx
        .updateTable('evaluations')
        .set({
          scores,
          overall_comment: input.overallComment,
          revision: rev.revision,
          version: existing.version + 1,
          updated_at: now,
        })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    } else {
      row = await tx
        .insertInto('evaluations')
        .values({
          assignment_id: a.id,
          call_id: a.call_id,
          application_id: a.application_id,
          user_id: a.user_id,
          revision: rev.revision,
          scores,
          overall_comment: input.overallComment,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    }
    await recordAudit(tx, ctx, {
      action: 'evaluation.draft_saved',
      subjectType: 'evaluation',
      subjectId: row.id,
      change: { assignmentId: a.id, applicationId: a.application_id, version: row.version, revision: row.revision },
    })
    return toEvaluationState(row)
  })
}

/**
 * Submits the caller's evaluation: every criterion scored with a comment of the call's minimum length,
 * and the overall comment — else 400 `evaluation_incomplete` with a field error for each gap. The
 * evaluation then points at the submitted revision current at this moment. Audited with the scores.
 */
export async function submitEvaluation(
  ctx: CommandContext,
  assignmentId: string,
  version: number,
): Promise<EvaluationState> {
  return inTransaction(ctx.db, async (tx) => {
    const { now, a, c, existing, rev } = await prepare(tx, ctx, assignmentId, version)
    if (!existing) throw new DomainError('evaluation_not_found')
    const scores = (existing.scores ?? {}) as Scores
    const errors = incompleteErrors(scores, existing.overall_comment, c.criterionIds, c.settings.commentMinLength)
    if (errors.length) throw new DomainError('evaluation_incomplete', 'The evaluation is not complete.', {}, errors)
    const row = await tx
      .updateTable('evaluations')
      .set({
        status: 'submitted',
        submitted_at: now,
        revision: rev.revision,
        version: existing.version + 1,
        updated_at: now,
      })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'evaluation.submitted',
      subjectType: 'evaluation',
      subjectId: row.id,
      change: {
        assignmentId: a.id,
        applicationId: a.application_id,
        revision: row.revision,
        scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.score])),
      },
    })
    return toEvaluationState(row)
  })
}
