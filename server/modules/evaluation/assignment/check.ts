// An independent check of an assignment against the input, written without the solver's indexing: every application
// has exactly k experts, no pair twice, every load within bounds, no conflict, every lock kept, the panel rules met
// (with every country of an expert: no two panel members share one, none is an applicant's country).
// Returns the violations (empty: feasible) and the total affinity recomputed from the input.
import type { AssignmentExpert, AssignmentInput, AssignmentPair } from './types.ts'

/** An expert's countries, without duplicates or empty codes. */
const countriesOf = (x: AssignmentExpert): string[] => [...new Set((x.countries ?? []).filter((c) => !!c))]

export interface Violation {
  rule:
    | 'unknown_pair'
    | 'duplicate_pair'
    | 'panel_size'
    | 'max_load'
    | 'min_load'
    | 'conflict'
    | 'lock_missing'
    | 'practitioner_missing'
    | 'same_country'
    | 'applicant_country'
  application?: string
  expert?: string
}

export function checkAssignment(
  input: AssignmentInput,
  pairs: readonly AssignmentPair[],
): { violations: Violation[]; total: number } {
  const violations: Violation[] = []
  const apps = new Map(input.applications.map((x, i) => [x.id, i]))
  const exps = new Map(input.experts.map((x, i) => [x.id, i]))
  const key = (p: AssignmentPair) => JSON.stringify([p.application, p.expert])
  const conflicts = new Set((input.conflicts ?? []).map(key))
  const seen = new Set<string>()
  const panels = new Map<string, number[]>()
  const loads = new Map<string, number>()
  const rules = input.rules ?? {}
  // Sparse affinities looked up once per pair through a map.
  let sparse: Map<string, number> | undefined
  const af = input.affinity
  if (af.kind === 'sparse') {
    sparse = new Map()
    for (let i = 0; i < af.value.length; i++) sparse.set(`${af.application[i]}:${af.expert[i]}`, af.value[i]!)
  }
  let total = 0
  for (const p of pairs) {
    const a = apps.get(p.application)
    const e = exps.get(p.expert)
    if (a === undefined || e === undefined) {
      violations.push({ rule: 'unknown_pair', ...p })
      continue
    }
    if (seen.has(key(p))) violations.push({ rule: 'duplicate_pair', ...p })
    seen.add(key(p))
    if (conflicts.has(key(p))) violations.push({ rule: 'conflict', ...p })
    const expert = input.experts[e]!
    const applicants = input.applications[a]!.countries ?? []
    if (rules.excludeApplicantCountries && countriesOf(expert).some((c) => applicants.includes(c)))
      violations.push({ rule: 'applicant_country', ...p })
    panels.set(p.application, [...(panels.get(p.application) ?? []), e])
    loads.set(p.expert, (loads.get(p.expert) ?? 0) + 1)
    total +=
      af.kind === 'dense'
        ? Number(af.rows[a]![e])
        : (sparse!.get(`${a}:${e}`) ?? (af.kind === 'sparse' ? (af.default ?? 0) : 0))
  }
  for (const x of input.applications) {
    const panel = panels.get(x.id) ?? []
    if (panel.length !== (x.k ?? 3)) violations.push({ rule: 'panel_size', application: x.id })
    if (rules.practitionerRequired && (x.k ?? 3) > 0 && !panel.some((e) => input.experts[e]!.kind === 'practitioner'))
      violations.push({ rule: 'practitioner_missing', application: x.id })
    if (rules.onePerCountry) {
      const countries = panel.flatMap((e) => countriesOf(input.experts[e]!))
      if (new Set(countries).size < countries.length) violations.push({ rule: 'same_country', application: x.id })
    }
  }
  for (const x of input.experts) {
    const load = loads.get(x.id) ?? 0
    if (load > x.maxLoad) violations.push({ rule: 'max_load', expert: x.id })
    if (load < (x.minLoad ?? 0)) violations.push({ rule: 'min_load', expert: x.id })
  }
  for (const l of input.locks ?? []) if (!seen.has(key(l))) violations.push({ rule: 'lock_missing', ...l })
  return { violations, total }
}
