import type {
  ApplicationProgress,
  ExpertCalibration,
  ExpertProgress,
  ProgressView,
  StatisticsView,
} from '../../../../../shared/contracts/evaluation-ranking.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { callConfigOf } from '../../../calls/index.ts'

const ACTIVE = ['assigned', 'confirmed']

interface AssignmentFact {
  application_id: string
  user_id: string
  status: string
  evaluation_status: string | null
}

async function assignmentFacts(db: Queryable, callId: string): Promise<AssignmentFact[]> {
  return db
    .selectFrom('evaluation_assignments as ea')
    .leftJoin('evaluations as e', 'e.assignment_id', 'ea.id')
    .where('ea.call_id', '=', callId)
    .where('ea.status', '!=', 'removed')
    .select(['ea.application_id', 'ea.user_id', 'ea.status', 'e.status as evaluation_status'])
    .execute()
}

type Counts = Pick<ExpertProgress, 'assigned' | 'confirmed' | 'drafts' | 'submitted' | 'recused'>
const zero = (): Counts => ({ assigned: 0, confirmed: 0, drafts: 0, submitted: 0, recused: 0 })

function add(c: Counts, a: AssignmentFact): void {
  if (a.status === 'recused') {
    c.recused++
    return
  }
  if (!ACTIVE.includes(a.status)) return
  c.assigned++
  if (a.status === 'confirmed') c.confirmed++
  if (a.evaluation_status === 'draft') c.drafts++
  if (a.evaluation_status === 'submitted') c.submitted++
}

/**
 * Progress of a call's evaluation: per expert (the call's approved experts and anyone assigned) and per
 * admissible application — active assignments (assigned or confirmed), confirmations, evaluations in
 * draft and submitted (of active assignments), recusals — and the consensus state of each application.
 */
export async function evaluationProgress(db: Queryable, call: { id: string; code: string }): Promise<ProgressView> {
  const [assignments, experts, applications, consensus] = await Promise.all([
    assignmentFacts(db, call.id),
    db
      .selectFrom('users as u')
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('expert_calls as ec')
              .select('ec.user_id')
              .whereRef('ec.user_id', '=', 'u.id')
              .where('ec.call_id', '=', call.id)
              .where('ec.status', '=', 'approved'),
          ),
          eb.exists(
            eb
              .selectFrom('evaluation_assignments as ea')
              .select('ea.user_id')
              .whereRef('ea.user_id', '=', 'u.id')
              .where('ea.call_id', '=', call.id),
          ),
        ]),
      )
      .select(['u.id', 'u.name'])
      .orderBy('u.name')
      .orderBy('u.id')
      .execute(),
    db
      .selectFrom('applications')
      .where('call_id', '=', call.id)
      .where('status', '=', 'submitted')
      .where('admissibility', '=', 'admissible')
      .select(['id', 'reference', 'acronym'])
      .orderBy('reference')
      .execute(),
    db.selectFrom('consensus_records').where('call_id', '=', call.id).select(['application_id', 'status']).execute(),
  ])
  const byExpert = new Map<string, Counts>(experts.map((e) => [e.id, zero()]))
  const byApplication = new Map<string, Counts>(applications.map((a) => [a.id, zero()]))
  const totals = zero()
  for (const a of assignments) {
    const e = byExpert.get(a.user_id)
    if (e) add(e, a)
    const p = byApplication.get(a.application_id)
    if (p) {
      add(p, a)
      add(totals, a)
    }
  }
  const state = new Map(consensus.map((c) => [c.application_id, c.status as 'draft' | 'final']))
  const apps: ApplicationProgress[] = applications.map((a) => ({
    applicationId: a.id,
    reference: a.reference,
    acronym: a.acronym,
    ...byApplication.get(a.id)!,
    consensus: state.get(a.id) ?? 'none',
  }))
  return {
    callId: call.id,
    callCode: call.code,
    totals: {
      applications: applications.length,
      experts: experts.length,
      ...totals,
      consensusFinal: apps.filter((a) => a.consensus === 'final').length,
    },
    experts: experts.map((e) => ({ userId: e.id, name: e.name, ...byExpert.get(e.id)! })),
    applications: apps,
  }
}

/** A submitted individual evaluation's scores: `{ criterionId: number }` (null scores left out). */
export function numericScores(raw: unknown): Record<string, number> {
  const scores = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, { score?: unknown } | null> | null
  const out: Record<string, number> = {}
  for (const [id, v] of Object.entries(scores ?? {})) {
    const s = typeof v?.score === 'string' ? Number(v.score) : v?.score
    if (typeof s === 'number' && Number.isFinite(s)) out[id] = s
  }
  return out
}

export interface ScoredEvaluation {
  applicationId: string
  userId: string
  scores: Record<string, number>
}

const round = (x: number) => Math.round(x * 1e6) / 1e6
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null)

/**
 * Each expert's calibration (pure): for every application they and at least one other expert scored,
 * per shared criterion the expert's score minus the mean of the others' scores; the application's
 * deviation is the mean over those criteria; the expert's mean deviation the mean over the applications
 * (n = applications compared). Per criterion likewise, with n = applications where that criterion was
 * compared. Rounded to 1e-6.
 */
export function calibrationOf(
  evaluations: readonly ScoredEvaluation[],
  criteria: readonly string[],
  experts: readonly { id: string; name: string }[],
): ExpertCalibration[] {
  const byApp = new Map<string, ScoredEvaluation[]>()
  for (const e of evaluations) byApp.set(e.applicationId, [...(byApp.get(e.applicationId) ?? []), e])
  return experts.map((x) => {
    const appDeviations: number[] = []
    const perCriterion = new Map<string, number[]>(criteria.map((c) => [c, []]))
    for (const mine of evaluations.filter((e) => e.userId === x.id)) {
      const others = byApp.get(mine.applicationId)!.filter((e) => e.userId !== x.id)
      const ds: number[] = []
      for (const c of criteria) {
        const s = mine.scores[c]
        const theirs = others.map((o) => o.scores[c]).filter((v): v is number => typeof v === 'number')
        if (typeof s !== 'number' || theirs.length === 0) continue
        const d = s - mean(theirs)!
        ds.push(d)
        perCriterion.get(c)!.push(d)
      }
      if (ds.length) appDeviations.push(mean(ds)!)
    }
    const m = mean(appDeviations)
    return {
      userId: x.id,
      name: x.name,
      meanDeviation: m === null ? null : round(m),
      n: appDeviations.length,
      perCriterion: criteria.map((c) => {
        const ds = perCriterion.get(c)!
        const mc = mean(ds)
        return { criterionId: c, meanDeviation: mc === null ? null : round(mc), n: ds.length }
      }),
    }
  })
}

/**
 * Score distributions per criterion (a bin per step of the call's scale) and each expert's calibration,
 * from the SUBMITTED individual evaluations of active assignments.
 */
export async function evaluationStatistics(
  db: Queryable,
  call: { id: string; config: unknown },
): Promise<StatisticsView> {
  const ev = callConfigOf(call.config).evaluation
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_assignments as ea', 'ea.id', 'e.assignment_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .where('e.call_id', '=', call.id)
    .where('e.status', '=', 'submitted')
    .where('ea.status', 'in', ACTIVE)
    .select(['e.application_id', 'e.user_id', 'e.scores', 'u.name'])
    .orderBy('u.name')
    .orderBy('e.user_id')
    .execute()
  const evaluations = rows.map((r) => ({
    applicationId: r.application_id,
    userId: r.user_id,
    scores: numericScores(r.scores),
  }))
  const steps = Math.max(0, Math.round((ev.scaleMax - ev.scaleMin) / ev.scaleStep))
  const distributions = ev.criteria.map((c) => {
    const bins = Array.from({ length: steps + 1 }, (_, i) => ({
      score: round(ev.scaleMin + i * ev.scaleStep),
      count: 0,
    }))
    const values = evaluations.map((e) => e.scores[c.id]).filter((v): v is number => typeof v === 'number')
    for (const v of values) {
      const i = Math.min(steps, Math.max(0, Math.round((v - ev.scaleMin) / ev.scaleStep)))
      bins[i]!.count++
    }
    const m = mean(values)
    return {
      criterionId: c.id,
      name: c.name,
      n: values.length,
      mean: m === null ? null : round(m),
      bins,
    }
  })
  const experts: { id: string; name: string }[] = []
  for (const r of rows) if (!experts.some((x) => x.id === r.user_id)) experts.push({ id: r.user_id, name: r.name })
  return {
    callId: call.id,
    scale: { min: ev.scaleMin, max: ev.scaleMax, step: ev.scaleStep },
    distributions,
    calibration: calibrationOf(
      evaluations,
      ev.criteria.map((c) => c.id),
      experts,
    ),
  }
}
