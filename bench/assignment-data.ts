// A call's expert assignment at scale, generated from a seed: applications with one to three applicant countries
// and two topics, experts with three topics, a kind (55% technical, 35% practitioner, 10% business), a country (and
// for a share of them, 20% by default, a second one: the panel rules count both) and load bounds, and a sparse
// affinity: an expert sharing a topic with an application gets 0.2–1.0 (more for two shared topics), every other
// pair 0 and still assignable. Conflicts: the given share of all pairs, drawn uniformly.
import type { AssignmentInput, ExpertKind } from '../server/modules/evaluation/assignment/types.ts'

export interface BenchSize {
  applications: number
  experts: number
  k: number
  conflictShare: number
  topics: number
  seed: number
  /** Share of experts with a second country (default 0.2). Drawn from a stream of its own, so that the rest of the
   * instance is the same whatever the share (0: every expert has one country). */
  secondCountryShare?: number
}

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COUNTRIES = ['FR', 'BE', 'NL', 'DE', 'ES', 'IT', 'PT', 'PL', 'CZ', 'AT', 'SE', 'FI', 'DK', 'IE', 'EL', 'RO']

export function generateAssignment(size: BenchSize): AssignmentInput {
  const r = rng(size.seed)
  const int = (n: number) => Math.floor(r() * n)
  // Countries weighted towards the first ones, as in a real programme.
  const country = (draw = r) => COUNTRIES[Math.min(COUNTRIES.length - 1, Math.floor(COUNTRIES.length * draw() ** 1.6))]!
  const r2 = rng(size.seed * 7919 + 104_729)
  const share = size.secondCountryShare ?? 0.2
  const countries = (first: string) => {
    if (r2() >= share) return [first]
    let second = country(r2)
    while (second === first) second = country(r2)
    return [first, second]
  }
  const byTopic: number[][] = Array.from({ length: size.topics }, () => [])
  const experts = Array.from({ length: size.experts }, (_, e) => {
    for (let i = 0; i < 3; i++) byTopic[int(size.topics)]!.push(e)
    const roll = r()
    const kind: ExpertKind = roll < 0.55 ? 'technical' : roll < 0.9 ? 'practitioner' : 'business'
    const maxLoad = 10 + int(6)
    return { id: `e${e}`, kind, countries: countries(country()), maxLoad, minLoad: r() < 0.3 ? 2 : 0 }
  })
  const appIdx: number[] = []
  const expIdx: number[] = []
  const value: number[] = []
  const applications = Array.from({ length: size.applications }, (_, a) => {
    const countries = new Set<string>()
    const n = 1 + int(3)
    while (countries.size < n) countries.add(country())
    const scores = new Map<number, number>()
    const t1 = int(size.topics)
    const t2 = (t1 + 1 + int(size.topics - 1)) % size.topics
    for (const t of [t1, t2])
      for (const e of byTopic[t]!) scores.set(e, Math.min(1, (scores.get(e) ?? 0) + 0.2 + 0.6 * r()))
    for (const [e, v] of [...scores].sort((x, y) => x[0] - y[0])) {
      appIdx.push(a)
      expIdx.push(e)
      value.push(Math.round(v * 1000) / 1000)
    }
    return { id: `a${a}`, k: size.k, countries: [...countries] }
  })
  const conflicts = new Map<number, { application: string; expert: string }>()
  const wanted = Math.round(size.conflictShare * size.applications * size.experts)
  while (conflicts.size < wanted) {
    const a = int(size.applications)
    const e = int(size.experts)
    conflicts.set(a * size.experts + e, { application: `a${a}`, expert: `e${e}` })
  }
  return {
    applications,
    experts,
    affinity: {
      kind: 'sparse',
      application: Int32Array.from(appIdx),
      expert: Int32Array.from(expIdx),
      value: Float64Array.from(value),
      default: 0,
    },
    conflicts: [...conflicts.values()],
    rules: { practitionerRequired: true, onePerCountry: true, excludeApplicantCountries: true },
  }
}
