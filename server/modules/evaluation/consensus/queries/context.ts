import type { EvaluationSettings as CallEvaluationSettings } from '../../../../../shared/contracts/calls.ts'
import type { ConsensusRecord, IndividualEvaluation } from '../../../../../shared/contracts/evaluation-consensus.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { isProgrammeOperator } from '../../common/access.ts'
import { type PhaseStates, type PhaseWindow, readPhases } from '../../common/phases.ts'
import {
  type ApplicationStats,
  applicationStats,
  expertNumbers,
  type IndividualScores,
  round2,
} from '../domain/stats.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

export interface ConsensusCall {
  id: string
  code: string
  title: Record<string, string> & { en: string }
  timeZone: string
  programmeId: string
  evaluation: CallEvaluationSettings
}

export function callOf(row: {
  id: string
  code: string
  title: unknown
  time_zone: string
  programme_id: string
  config: unknown
}): ConsensusCall {
  return {
    id: row.id,
    code: row.code,
    title: row.title as ConsensusCall['title'],
    timeZone: row.time_zone,
    programmeId: row.programme_id,
    evaluation: callConfigOf(row.config).evaluation,
  }
}

export const scaleOf = (c: ConsensusCall) => ({
  min: c.evaluation.scaleMin,
  max: c.evaluation.scaleMax,
  step: c.evaluation.scaleStep,
})

export const criteriaOut = (c: ConsensusCall) =>
  c.evaluation.criteria.map((k) => ({
    id: k.id,
    name: k.name,
    description: k.description,
    weight: k.weight,
    threshold: k.threshold,
  }))

/** Recording (saving, finalising, reopening) is open once the individual phase closed, until the consensus phase closes. */
export function recordingOpen(p: PhaseStates): boolean {
  return p.individual.status === 'closed' && p.consensus.status !== 'closed'
}

/** What experts may see of the others: once the individual phase has closed and the consensus phase started. */
export function expertsMayRead(p: PhaseStates): boolean {
  return p.individual.status === 'closed' && (p.consensus.status === 'open' || p.consensus.status === 'closed')
}

export const phaseOut = (w: PhaseWindow) => ({
  status: w.status,
  startsAt: w.startsAt ? w.startsAt.toISOString() : null,
  endsAt: w.endsAt ? w.endsAt.toISOString() : null,
})

export interface ConsensusApplication {
  id: string
  callId: string
  reference: string
  acronym: string
  title: string
  call: ConsensusCall
}

/**
 * A submitted, admissible application (of `callId` when given) with its call. Anything else is a 404
 * `application_not_found`, as for an unknown id.
 */
export async function loadApplication(
  db: Queryable,
  applicationId: string,
  callId?: string,
  lock = false,
): Promise<ConsensusApplication> {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select([
      'a.id',
      'a.call_id',
      'a.reference',
      'a.acronym',
      'a.title',
      'a.status',
      'a.admissibility',
      'c.code',
      'c.title as call_title',
      'c.time_zone',
      'c.programme_id',
      'c.config',
    ])
    .where('a.id', '=', applicationId)
  if (lock) q = q.forUpdate('a')
  const a = await q.executeTakeFirst()
  if (a?.status !== 'submitted' || a.admissibility !== 'admissible' || (callId && a.call_id !== callId))
    throw new DomainError('application_not_found')
  return {
    id: a.id,
    callId: a.call_id,
    reference: a.reference,
    acronym: a.acronym,
    title: a.title,
    call: callOf({
      id: a.call_id,
      code: a.code,
      title: a.call_title,
      time_zone: a.time_zone,
      programme_id: a.programme_id,
      config: a.config,
    }),
  }
}

export interface PanelMember {
  assignmentId: string
  userId: string
  name: string
  expertNumber: number
  assignmentStatus: 'assigned' | 'confirmed'
  evaluation: {
    status: 'draft' | 'submitted'
    revision: number
    scores: IndividualScores
    overallComment: string
    submittedAt: string | null
  } | null
}

/**
 * The application's panel: its active assignments (assigned or confirmed) with their evaluations and the
 * stable expert numbers, for many applications at once.
 */
export async function panels(
  db: Queryable,
  applicationIds: string[],
): Promise<Map<string, { members: PanelMember[]; numbers: Map<string, number> }>> {
  const out = new Map<string, { members: PanelMember[]; numbers: Map<string, number> }>()
  for (const id of applicationIds) out.set(id, { members: [], numbers: new Map() })
  if (applicationIds.length === 0) return out
  const rows = await db
    .selectFrom('evaluation_assignments as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('evaluations as e', 'e.assignment_id', 's.id')
    .select([
      's.id',
      's.application_id',
      's.user_id',
      's.status',
      's.created_at',
      'u.name',
      'e.status as e_status',
      'e.revision',
      'e.scores',
      'e.overall_comment',
      'e.submitted_at',
    ])
    .where('s.application_id', 'in', applicationIds)
    .execute()
  const byApp = new Map<string, typeof rows>()
  for (const r of rows) byApp.set(r.application_id, [...(byApp.get(r.application_id) ?? []), r])
  for (const [appId, list] of byApp) {
    const numbers = expertNumbers(list.map((r) => ({ userId: r.user_id, createdAt: r.created_at, id: r.id })))
    const members: PanelMember[] = list
      .filter((r) => r.status === 'assigned' || r.status === 'confirmed')
      .map((r) => ({
        assignmentId: r.id,
        userId: r.user_id,
        name: r.name,
        expertNumber: numbers.get(r.user_id) ?? 0,
        assignmentStatus: r.status as 'assigned' | 'confirmed',
        evaluation: r.e_status
          ? {
              status: r.e_status as 'draft' | 'submitted',
              revision: r.revision ?? 0,
              scores: (r.scores ?? {}) as IndividualScores,
              overallComment: r.overall_comment ?? '',
              submittedAt: r.submitted_at ? iso(r.submitted_at) : null,
            }
          : null,
      }))
      .sort((a, b) => a.expertNumber - b.expertNumber)
    out.set(appId, { members, numbers })
  }
  return out
}

export const submittedScores = (members: PanelMember[]): IndividualScores[] =>
  members.flatMap((m) => (m.evaluation?.status === 'submitted' ? [m.evaluation.scores] : []))

export function statsFor(call: ConsensusCall, members: PanelMember[], threshold: number): ApplicationStats {
  return applicationStats(
    call.evaluation.criteria.map((c) => ({ id: c.id, weight: c.weight })),
    submittedScores(members),
    threshold,
  )
}

const r2 = (n: number | null) => (n === null ? null : round2(n))

export function statsOutOf(s: ApplicationStats) {
  return {
    criteria: s.criteria.map((c) => ({
      criterionId: c.criterionId,
      mean: r2(c.mean),
      min: c.min,
      max: c.max,
      spread: r2(c.spread),
      flagged: c.flagged,
    })),
    totals: s.totals.map(round2),
    totalSpread: r2(s.totalSpread),
    flagged: s.flagged,
    flaggedCriteria: s.flaggedCriteria,
  }
}

/** One panel member's evaluation as shown; names only to moderators. */
export function evaluationOut(
  m: PanelMember,
  viewer: { moderator: boolean; userId: string | null },
): IndividualEvaluation {
  const submitted = m.evaluation?.status === 'submitted'
  const scores: IndividualEvaluation['scores'] = {}
  if (submitted && m.evaluation)
    for (const [k, v] of Object.entries(m.evaluation.scores))
      if (v) scores[k] = { score: typeof v.score === 'number' ? v.score : null, comment: v.comment ?? '' }
  return {
    expertNumber: m.expertNumber,
    userId: viewer.moderator ? m.userId : null,
    expertName: viewer.moderator ? m.name : null,
    mine: m.userId === viewer.userId,
    assignmentStatus: m.assignmentStatus,
    status: m.evaluation?.status ?? 'none',
    submittedAt: m.evaluation?.submittedAt ?? null,
    revision: m.evaluation?.revision ?? null,
    scores,
    overallComment: submitted ? (m.evaluation?.overallComment ?? '') : '',
  }
}

export async function readRecord(db: Queryable, applicationId: string): Promise<ConsensusRecord | null> {
  const r = await db
    .selectFrom('consensus_records as r')
    .leftJoin('users as rb', 'rb.id', 'r.recorded_by')
    .leftJoin('users as fb', 'fb.id', 'r.finalised_by')
    .select([
      'r.application_id',
      'r.status',
      'r.version',
      'r.scores',
      'r.overall_comment',
      'r.minority_view',
      'r.recorded_at',
      'r.finalised_at',
      'rb.name as recorded_by_name',
      'fb.name as finalised_by_name',
    ])
    .where('r.application_id', '=', applicationId)
    .executeTakeFirst()
  if (!r) return null
  return {
    applicationId: r.application_id,
    status: r.status as 'draft' | 'final',
    version: r.version,
    scores: r.scores as ConsensusRecord['scores'],
    overallComment: r.overall_comment,
    minorityView: r.minority_view,
    recordedAt: iso(r.recorded_at),
    recordedBy: r.recorded_by_name,
    finalisedAt: r.finalised_at ? iso(r.finalised_at) : null,
    finalisedBy: r.finalised_by_name,
  }
}

export function isModerator(actor: Actor, programmeId: string): boolean {
  return isProgrammeOperator(actor, programmeId, 'evaluation.moderate')
}

export { readPhases }
