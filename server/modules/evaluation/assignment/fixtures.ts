// Test fixtures of the assignment optimiser: a seeded generator of tiny instances, a brute-force optimum, and a small
// hand-made call. Used by the unit tests only.
import type { AssignmentInput, ExpertKind } from './types.ts'

export function rng(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n) }
}

export const KINDS: ExpertKind[] = ['technical', 'practitioner', 'business']
export const COUNTRIES = ['FR', 'BE', 'NL']

/** 20% of experts without a country, 48% with one, 32% with two (a nationality and a residence). */
function expertCountries(r: ReturnType<typeof rng>): string[] {
  if (r.next() >= 0.8) return []
  const first = r.int(3)
  return r.next() < 0.4 ? [COUNTRIES[first]!, COUNTRIES[(first + 1 + r.int(2)) % 3]!] : [COUNTRIES[first]!]
}

export function randomInput(seed: number, A: number, E: number, rules: boolean): AssignmentInput {
  const r = rng(seed)
  const k = 1 + r.int(2)
  const applications = Array.from({ length: A }, (_, a) => ({
    id: `a${a}`,
    k,
    countries: r.next() < 0.5 ? [COUNTRIES[r.int(3)]!] : [],
  }))
  const experts = Array.from({ length: E }, (_, e) => ({
    id: `e${e}`,
    kind: KINDS[r.int(3)]!,
    countries: expertCountries(r),
    maxLoad: 1 + r.int(3),
    minLoad: r.next() < 0.2 ? 1 : 0,
  }))
  const rows = applications.map(() => experts.map(() => r.int(1000) / 1000))
  const conflicts = []
  for (let a = 0; a < A; a++)
    for (let e = 0; e < E; e++) if (r.next() < 0.1) conflicts.push({ application: `a${a}`, expert: `e${e}` })
  return {
    applications,
    experts,
    affinity: { kind: 'dense', rows },
    conflicts,
    ...(rules
      ? { rules: { practitionerRequired: true, onePerCountry: true, excludeApplicantCountries: r.next() < 0.5 } }
      : {}),
  }
}

/** The best total by enumerating every panel of every application (tiny instances only); null: infeasible. */
export function bruteForce(input: AssignmentInput): number | null {
  const rows = (input.affinity as unknown as { rows: number[][] }).rows
  const E = input.experts.length
  const conflict = new Set((input.conflicts ?? []).map((c) => `${c.application}|${c.expert}`))
  const locks = input.locks ?? []
  const rules = input.rules ?? {}
  const load = new Array<number>(E).fill(0)
  let best: number | null = null
  const subsets = (items: number[], k: number): number[][] =>
    k === 0 ? [[]] : items.flatMap((x, i) => subsets(items.slice(i + 1), k - 1).map((s) => [x, ...s]))
  const visit = (a: number, total: number) => {
    if (a === input.applications.length) {
      if (input.experts.every((x, e) => load[e]! >= (x.minLoad ?? 0)) && (best === null || total > best)) best = total
      return
    }
    const app = input.applications[a]!
    const ok = input.experts
      .map((_, e) => e)
      .filter((e) => {
        const x = input.experts[e]!
        if (conflict.has(`${app.id}|${x.id}`)) return false
        return !(rules.excludeApplicantCountries && (x.countries ?? []).some((c) => app.countries?.includes(c)))
      })
    const mustHave = locks
      .filter((l) => l.application === app.id)
      .map((l) => input.experts.findIndex((x) => x.id === l.expert))
    for (const panel of subsets(ok, app.k ?? 3)) {
      if (!mustHave.every((e) => panel.includes(e))) continue
      if (panel.some((e) => load[e]! >= input.experts[e]!.maxLoad)) continue
      if (rules.practitionerRequired && !panel.some((e) => input.experts[e]!.kind === 'practitioner')) continue
      // One per country: no country held by two panel members (each expert's own list counted once).
      const countries = panel.flatMap((e) => [...new Set(input.experts[e]!.countries ?? [])])
      if (rules.onePerCountry && new Set(countries).size < countries.length) continue
      for (const e of panel) load[e]!++
      visit(a + 1, total + panel.reduce((s, e) => s + rows[a]![e]!, 0))
      for (const e of panel) load[e]!--
    }
  }
  visit(0, 0)
  return best
}

export function small(): AssignmentInput {
  // Two applications needing two experts; e0 is everyone's favourite but takes one application.
  return {
    applications: [
      { id: 'A', k: 2, countries: ['FR'] },
      { id: 'B', k: 2 },
    ],
    experts: [
      { id: 'e0', kind: 'technical', countries: ['BE'], maxLoad: 1 },
      { id: 'e1', kind: 'practitioner', countries: ['NL'], maxLoad: 2 },
      { id: 'e2', kind: 'business', countries: ['FR'], maxLoad: 2 },
      { id: 'e3', kind: 'technical', countries: ['BE'], maxLoad: 2 },
    ],
    affinity: {
      kind: 'dense',
      rows: [
        [0.9, 0.2, 0.8, 0.5],
        [0.7, 0.1, 0.6, 0.3],
      ],
    },
  }
}

/**
 * Experts with two countries, the rule through their second one. p and q share only their second country (BE), so
 * they never sit together; s holds the applicants' country of Y (PT) as its second country, so it never reviews Y;
 * r takes one application. By hand (pairs of {p, q, r, s} without {p, q}; Y from {p, q, r}):
 *   Y needs r (its only panels are {p, r} 0.6 and {q, r} 0.7), so X gets one of {p, s} 1.1, {q, s} 1.0;
 *   best: X = {p, s}, Y = {q, r}, total 1.1 + 0.7 = 1.8.
 * Reading only the first countries, X = {p, q} 1.7 and Y = {s, q} 1.5 would give 3.2.
 */
export function sharedSecondCountry(): AssignmentInput {
  return {
    applications: [
      { id: 'X', k: 2 },
      { id: 'Y', k: 2, countries: ['PT'] },
    ],
    experts: [
      { id: 'p', kind: 'technical', countries: ['FR', 'BE'], maxLoad: 2 },
      { id: 'q', kind: 'technical', countries: ['NL', 'BE'], maxLoad: 2 },
      { id: 'r', kind: 'technical', countries: ['DE'], maxLoad: 1 },
      { id: 's', kind: 'technical', countries: ['ES', 'PT'], maxLoad: 2 },
    ],
    affinity: {
      kind: 'dense',
      rows: [
        [0.9, 0.8, 0.3, 0.2],
        [0.5, 0.6, 0.1, 0.9],
      ],
    },
    rules: { onePerCountry: true, excludeApplicantCountries: true },
  }
}
