import type { Queryable } from '../../../../platform/db/client.ts'
import type { AssignmentExpert, AssignmentInput, AssignmentPair } from '../../assignment/index.ts'
import { type EvaluationSettingsRow, readEvaluationSettings } from '../../common/settings.ts'
import { detectConflicts } from '../../conflicts/domain/rules.ts'
import { conflictSettingsOf, gatherCallFacts } from '../../conflicts/queries/facts.ts'
import { computeAffinities, type PairAffinity, pairKey } from '../domain/affinity.ts'
import { type CallApplication, loadBids, loadCallApplications, loadPool, type PoolExpert } from './inputs.ts'

export interface ActivePair {
  id: string
  application_id: string
  user_id: string
  status: string
  locked: boolean
  evaluated: boolean
}

/** Active pairs (assigned, confirmed) of the call, and whether an evaluation was started on each. */
export async function activePairs(db: Queryable, callId: string): Promise<ActivePair[]> {
  const rows = await db
    .selectFrom('evaluation_assignments as x')
    .leftJoin('evaluations as v', 'v.assignment_id', 'x.id')
    .select(['x.id', 'x.application_id', 'x.user_id', 'x.status', 'x.locked', 'v.id as evaluation_id'])
    .where('x.call_id', '=', callId)
    .where('x.status', 'in', ['assigned', 'confirmed'])
    .execute()
  return rows.map((r) => ({
    id: r.id,
    application_id: r.application_id,
    user_id: r.user_id,
    status: r.status,
    locked: r.locked,
    evaluated: r.evaluation_id !== null,
  }))
}

/** Pairs every re-run keeps: locked by an operator, confirmed by the expert, or with an evaluation begun. */
export const isKept = (p: ActivePair) => p.locked || p.status === 'confirmed' || p.evaluated

/** Whether `expert` may sit on the panel of `app` by the country rule "no expert from the applicants' countries". */
export function fromApplicantCountry(expert: { countries: readonly string[] }, app: { countries: readonly string[] }) {
  return expert.countries.some((c) => app.countries.includes(c))
}

/** Conflicts of the call, by pairKey → reasons (only pairs with at least one). */
export async function callConflicts(db: Queryable, call: { id: string; programme_id: string }) {
  const settings = await conflictSettingsOf(db, call.id)
  const facts = await gatherCallFacts(db, call)
  const out = new Map<string, ReturnType<typeof detectConflicts>>()
  for (const e of facts.experts)
    for (const a of facts.applications) {
      const reasons = detectConflicts(e, a, settings)
      if (reasons.length) out.set(pairKey(a.applicationId, e.userId), reasons)
    }
  return out
}

export interface CallProblem {
  input: AssignmentInput
  settings: EvaluationSettingsRow
  applications: CallApplication[]
  experts: PoolExpert[]
  affinity: Map<string, PairAffinity>
  kept: ActivePair[]
  /** Active pairs a successful run replaces. */
  replaceable: ActivePair[]
}

/**
 * The optimiser's input for a call, as committed now: its submitted admissible applications (k each),
 * its approved available experts (the call's maximum load each; experts no longer available keep only
 * their kept pairs) with all their countries (the optimiser applies both country rules to every one of
 * them), conflicts (detected and declared), the panel rules of the settings, affinities (engine + bids),
 * and the kept pairs as locks.
 */
export async function callProblem(db: Queryable, call: { id: string; programme_id: string }): Promise<CallProblem> {
  const settings = await readEvaluationSettings(db, call.id)
  const applications = await loadCallApplications(db, call.id)
  const pool = await loadPool(db, call.id)
  const bids = await loadBids(db, call.id)
  const conflicts = await callConflicts(db, call)
  const active = await activePairs(db, call.id)
  const appIds = new Set(applications.map((a) => a.applicationId))
  const kept = active.filter((p) => isKept(p) && appIds.has(p.application_id))
  const replaceable = active.filter((p) => !isKept(p))
  const keptCount = new Map<string, number>()
  for (const p of kept) keptCount.set(p.user_id, (keptCount.get(p.user_id) ?? 0) + 1)
  const experts: PoolExpert[] = pool.filter((e) => e.available || keptCount.has(e.userId))
  const missing = [...keptCount.keys()].filter((id) => !experts.some((e) => e.userId === id))
  if (missing.length) {
    const rows = await db
      .selectFrom('expert_profiles as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.user_id', 'u.name', 'p.kind', 'p.countries', 'p.expertise', 'p.tag_ids'])
      .where('p.user_id', 'in', missing)
      .execute()
    for (const r of rows)
      experts.push({
        userId: r.user_id,
        name: r.name,
        kind: r.kind as PoolExpert['kind'],
        countries: r.countries.map((c) => c.toUpperCase()),
        expertise: r.expertise,
        tagIds: r.tag_ids,
        maxLoad: 0,
        available: false,
      })
  }
  const affinity = computeAffinities(applications, experts, bids, settings.bidWeight)
  const optimiserExperts: AssignmentExpert[] = experts.map((e) => ({
    id: e.userId,
    maxLoad: e.available && pool.some((p) => p.userId === e.userId) ? e.maxLoad : (keptCount.get(e.userId) ?? 0),
    kind: e.kind,
    countries: e.countries,
  }))
  const conflictPairs: AssignmentPair[] = []
  for (const a of applications)
    for (const e of experts)
      if (conflicts.has(pairKey(a.applicationId, e.userId)))
        conflictPairs.push({ application: a.applicationId, expert: e.userId })
  const input: AssignmentInput = {
    applications: applications.map((a) => ({
      id: a.applicationId,
      k: settings.expertsPerApplication,
      countries: a.countries,
    })),
    experts: optimiserExperts,
    affinity: {
      kind: 'dense',
      rows: applications.map((a) =>
        experts.map((e) => affinity.get(pairKey(a.applicationId, e.userId))?.affinity ?? 0),
      ),
    },
    conflicts: conflictPairs,
    locks: kept.map((p) => ({ application: p.application_id, expert: p.user_id })),
    rules: {
      practitionerRequired: settings.practitionerRequired,
      onePerCountry: settings.onePerCountry,
      excludeApplicantCountries: settings.excludeApplicantCountries,
    },
  }
  return { input, settings, applications, experts, affinity, kept, replaceable }
}
