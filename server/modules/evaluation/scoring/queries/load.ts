import type { Selectable } from 'kysely'
import type { EvaluationState } from '../../../../../shared/contracts/evaluation.ts'
import type { Evaluations } from '../../../../db/types.generated.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { type PhaseStates, readPhases } from '../../common/phases.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import type { Scale, Scores } from '../domain/form.ts'

export type EvaluationRow = Selectable<Evaluations>

const iso = (d: Date | string) => new Date(d).toISOString()

/**
 * The caller's own active assignment (assigned or confirmed), optionally locked. Anyone else's, a
 * recused or removed one, or an unknown id: 404 `assignment_not_found` — an expert cannot tell that an
 * application they do not evaluate exists.
 */
export async function ownAssignment(db: Queryable, actor: Actor, assignmentId: string, lock = false) {
  authorize(actor, 'evaluation.expert')
  if (!actor.userId) throw new DomainError('not_signed_in')
  let q = db
    .selectFrom('evaluation_assignments')
    .selectAll()
    .where('id', '=', assignmentId)
    .where('user_id', '=', actor.userId)
    .where('status', 'in', ['assigned', 'confirmed'])
  if (lock) q = q.forUpdate()
  const a = await q.executeTakeFirst()
  if (!a) throw new DomainError('assignment_not_found')
  return a
}

/** Everything the form is judged against: the call, its criteria and scale, the settings and phases now. */
export async function scoringContext(db: Queryable, callId: string, now: Date) {
  const call = await db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirstOrThrow()
  const config = callConfigOf(call.config)
  const [settings, phases] = await Promise.all([readEvaluationSettings(db, callId), readPhases(db, callId, now)])
  const scale: Scale = {
    min: config.evaluation.scaleMin,
    max: config.evaluation.scaleMax,
    step: config.evaluation.scaleStep,
  }
  return {
    call,
    config,
    settings,
    phases,
    scale,
    criterionIds: config.evaluation.criteria.map((c) => c.id),
  }
}

/**
 * Whether the expert may write: while the individual phase is open; after it, only an evaluation a
 * moderator reopened (back to draft), until the consensus phase closes.
 */
export function isEditable(
  phases: PhaseStates,
  evaluation: Pick<EvaluationRow, 'status' | 'reopened_at'> | undefined,
): boolean {
  if (phases.individual.status === 'open') return true
  return (
    phases.individual.status === 'closed' &&
    !!evaluation &&
    evaluation.status === 'draft' &&
    evaluation.reopened_at !== null &&
    phases.consensus.status !== 'closed'
  )
}

export function toEvaluationState(e: EvaluationRow): EvaluationState {
  return {
    id: e.id,
    assignmentId: e.assignment_id,
    status: e.status as EvaluationState['status'],
    version: e.version,
    revision: e.revision,
    scores: (e.scores ?? {}) as Scores,
    overallComment: e.overall_comment,
    updatedAt: iso(e.updated_at),
    submittedAt: e.submitted_at === null ? null : iso(e.submitted_at),
    reopenedAt: e.reopened_at === null ? null : iso(e.reopened_at),
    reopenReason: e.reopen_reason,
  }
}

export function evaluationOf(db: Queryable, assignmentId: string, lock = false) {
  let q = db.selectFrom('evaluations').selectAll().where('assignment_id', '=', assignmentId)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * The submitted revision that counts (`applications.submitted_revision`), as hashed at submission
 * (applications/domain/content.ts): read from `application_revisions`, the applications module's
 * immutable record. 404 when the application has none (a draft or a withdrawn one).
 */
export async function submittedRevision(db: Queryable, applicationId: string) {
  const r = await db
    .selectFrom('applications as a')
    .innerJoin('application_revisions as r', (j) =>
      j.onRef('r.application_id', '=', 'a.id').onRef('r.revision', '=', 'a.submitted_revision'),
    )
    .select(['a.id', 'a.status', 'r.revision', 'r.content', 'r.submitted_at'])
    .where('a.id', '=', applicationId)
    .where('a.status', '=', 'submitted')
    .executeTakeFirst()
  if (!r) throw new DomainError('application_not_found')
  return { revision: r.revision, submittedAt: iso(r.submitted_at), content: json<Record<string, unknown>>(r.content) }
}
