import type {
  SolutionType,
  StoredEvidence,
  TrlAnswer,
  TrlAnswerInput,
  TrlAssessment,
  TrlAssessmentSummary,
} from '../../../../shared/contracts/trl.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { can } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { isOwnerMember, seesTrail } from '../domain/abilities.ts'
import { isEditable } from '../domain/lifecycle.ts'
import { evaluate, levelOf, questionnaireFor } from '../domain/trl/index.ts'
import { iso, isoOrNull } from './solution-view.ts'
import { reviewsOf } from './trl-status.ts'

export const assessmentNotFound = () => new DomainError('trl_assessment_not_found', 'No such TRL assessment.')

/** The questionnaire an assessment was answered with (its type; version 1 is the only one so far). */
export function questionnaireOf(a: { questionnaire: string }) {
  return questionnaireFor(a.questionnaire as SolutionType)
}

/** Stored answers as the domain reads them. */
export function storedAnswers(json: unknown): TrlAnswerInput[] {
  const list = (Array.isArray(json) ? json : []) as Partial<TrlAnswerInput>[]
  return list.map((a) => ({
    criterion: String(a.criterion ?? ''),
    met: typeof a.met === 'boolean' ? a.met : null,
    evidenceText: a.evidenceText ?? '',
    evidenceUrl: a.evidenceUrl ?? '',
    evidenceFileId: a.evidenceFileId ?? null,
  }))
}

/**
 * The evidence trail is for the owning organisation's members and the programme's reviewers; drafts
 * for the members only. Everyone else gets 404 (the status on the solution page says what they may know).
 */
export function assertTrailVisible(actor: Actor, organisationId: string, status?: string): void {
  if (!seesTrail(actor, organisationId)) throw assessmentNotFound()
  if (status === 'draft' && !isOwnerMember(actor, organisationId)) throw assessmentNotFound()
}

export async function evidenceFiles(db: Queryable, ids: string[]): Promise<Map<string, StoredEvidence>> {
  const out = new Map<string, StoredEvidence>()
  if (ids.length === 0) return out
  const rows = await db
    .selectFrom('files')
    .select(['id', 'filename', 'content_type', 'byte_size'])
    .where('id', 'in', ids)
    .execute()
  for (const f of rows)
    out.set(f.id, { id: f.id, filename: f.filename, contentType: f.content_type, byteSize: f.byte_size })
  return out
}

type AssessmentRow = {
  id: string
  solution_id: string
  questionnaire: string
  questionnaire_version: number
  status: string
  result_level: number | null
  confidence: number | null
  created_by: string | null
  creator_name: string | null
  created_at: Date | string
  updated_at: Date | string
  completed_at: Date | string | null
}

export function selectAssessments(db: Queryable) {
  return db
    .selectFrom('trl_assessments as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select([
      'a.id',
      'a.solution_id',
      'a.questionnaire',
      'a.questionnaire_version',
      'a.status',
      'a.result_level',
      'a.confidence',
      'a.created_by',
      'u.name as creator_name',
      'a.created_at',
      'a.updated_at',
      'a.completed_at',
      'a.answers',
    ])
}

export function toAssessmentSummary(
  a: AssessmentRow,
  review: TrlAssessmentSummary['review'],
  showNames: boolean,
): TrlAssessmentSummary {
  return {
    id: a.id,
    solutionId: a.solution_id,
    questionnaire: a.questionnaire as SolutionType,
    questionnaireVersion: a.questionnaire_version,
    status: a.status as TrlAssessmentSummary['status'],
    resultLevel: a.result_level,
    confidence: a.confidence,
    createdBy: showNames && a.created_by && a.creator_name !== null ? { id: a.created_by, name: a.creator_name } : null,
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
    completedAt: isoOrNull(a.completed_at),
    review,
  }
}

/** One assessment with its answers, evidence, live evaluation, reviews and the caller's abilities. */
export async function readAssessment(
  db: Queryable,
  actor: Actor,
  s: { id: string; organisation_id: string; status: string },
  assessmentId: string,
): Promise<TrlAssessment> {
  const a = await selectAssessments(db)
    .where('a.id', '=', assessmentId)
    .where('a.solution_id', '=', s.id)
    .executeTakeFirst()
  if (!a) throw assessmentNotFound()
  assertTrailVisible(actor, s.organisation_id, a.status)
  const q = questionnaireOf(a)
  const answers = storedAnswers(a.answers)
  const files = await evidenceFiles(
    db,
    answers.map((x) => x.evidenceFileId).filter((x): x is string => Boolean(x)),
  )
  const reviews = (await reviewsOf(db, [a.id], true)).get(a.id) ?? []
  const member = isOwnerMember(actor, s.organisation_id)
  const editable = member && a.status === 'draft' && isEditable(s.status as 'draft')
  const reviewable = can(actor, 'solution.review_trl').allowed && !member && a.status === 'completed'
  const withLevels: TrlAnswer[] = answers.map((x) => ({
    ...x,
    level: levelOf(q, x.criterion) ?? 1,
    evidenceFile: x.evidenceFileId ? (files.get(x.evidenceFileId) ?? null) : null,
  }))
  return {
    ...toAssessmentSummary(a, reviews[0] ?? null, true),
    answers: withLevels,
    evaluation: evaluate(q, answers),
    reviews,
    abilities: {
      save: editable ? { allowed: true } : { allowed: false, reason: member ? 'wrong_status' : 'not_a_member' },
      complete: editable ? { allowed: true } : { allowed: false, reason: member ? 'wrong_status' : 'not_a_member' },
      review: reviewable
        ? { allowed: true }
        : {
            allowed: false,
            reason: member ? 'own_organisation' : a.status !== 'completed' ? 'wrong_status' : 'missing_role',
          },
    },
  }
}
