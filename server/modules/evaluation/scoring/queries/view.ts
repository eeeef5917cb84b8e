import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { EvaluationView } from '../../../../../shared/contracts/evaluation.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { phaseViewOf } from '../../phases/queries/phases.ts'
import { type RevisionForExpert, revisionForExpert } from '../domain/redact.ts'
import {
  evaluationOf,
  isEditable,
  ownAssignment,
  scoringContext,
  submittedRevision,
  toEvaluationState,
} from './load.ts'

/**
 * The evaluation page of one of the caller's assignments: the submitted revision (redacted in
 * anonymised mode), the call's criteria and scale, and the caller's own evaluation — never anyone
 * else's. Before the expert has confirmed "no conflict": 409 `assignment_not_confirmed`.
 */
export async function getEvaluationView(ctx: CommandContext, assignmentId: string): Promise<EvaluationView> {
  const now = ctx.clock.now()
  const a = await ownAssignment(ctx.db, ctx.actor, assignmentId)
  if (a.status !== 'confirmed')
    throw new DomainError('assignment_not_confirmed', 'Confirm you have no conflict of interest first.')
  const [c, rev, evaluation] = await Promise.all([
    scoringContext(ctx.db, a.call_id, now),
    submittedRevision(ctx.db, a.application_id),
    evaluationOf(ctx.db, a.id),
  ])
  return {
    assignment: {
      id: a.id,
      status: 'confirmed',
      confirmedAt: a.confirmed_at ? new Date(a.confirmed_at).toISOString() : null,
    },
    call: { id: c.call.id, code: c.call.code, title: c.call.title as LocalizedText, timeZone: c.call.time_zone },
    anonymised: c.settings.anonymised,
    individual: phaseViewOf(c.phases.individual, c.call.time_zone),
    editable: isEditable(c.phases, evaluation),
    application: revisionForExpert(
      rev.content as unknown as RevisionForExpert,
      c.config.form,
      { revision: rev.revision, submittedAt: rev.submittedAt },
      c.settings.anonymised,
    ),
    criteria: c.config.evaluation.criteria.map((x) => ({
      id: x.id,
      name: x.name,
      description: x.description,
      threshold: x.threshold,
    })),
    scale: c.scale,
    commentMinLength: c.settings.commentMinLength,
    evaluation: evaluation ? toEvaluationState(evaluation) : null,
    serverNow: now.toISOString(),
  }
}
