import type { TieBreak, TieBreakRule } from '../../common/settings.ts'
import type { ApplicationFacts } from '../queries/facts.ts'

/**
 * Ranking (issue 7 §8), a pure function of the call's criteria, its tie-break rules and each admissible
 * application's FINAL consensus scores.
 *
 *  - Total: Σ weight × consensus score (weights rank, they never threshold).
 *  - Out: no final consensus (or a criterion without a consensus score); any criterion's score under its
 *    threshold; the plain (unweighted) sum of the scores under the call's total threshold — EU practice
 *    (DOMAIN.md §3): "threshold 3 on each criterion and 10 overall; weights only rank". Every failing
 *    threshold is listed, not only the first.
 *  - Order: total, highest first. Totals equal to 1e-9 form a tied group (chained: each member within
 *    1e-9 of the group's first). A group is ordered position by position: at each position the remaining
 *    members are the candidates, and the call's rules are applied in order, each keeping only the
 *    candidates with the best value, until one is left; it takes the position.
 *      · uncovered_challenge — an application whose challenge is not covered by any application ranked
 *        above it (the better groups and the positions of its own group already filled) beats one whose
 *        challenge is covered or which has no challenge. Because coverage changes as positions fill, the
 *        rule is re-evaluated at every position.
 *      · criterion — the higher consensus score on `criterionId`; without one, each criterion in the
 *        call's order (the first that separates decides).
 *      · more_smes — more SME members (SME status at submission); more_countries — more distinct
 *        countries among the members.
 *      · earlier_submission — the earlier submission of the scored revision, then (equal instants) the
 *        smaller reference: always decisive, implicitly last when the call's list does not end with it.
 *  - Each tied member records the pairs it won and lost inside its group with the rule (and criterion)
 *    that decided each pair and both values, and `rule` — the rule that decided its position (for the
 *    last member, the rule it lost the final step by).
 */

export interface RankCriterion {
  id: string
  name: Record<string, string>
  weight: number
  threshold: number | null
}

export interface RankInput {
  criteria: RankCriterion[]
  totalThreshold: number | null
  tieBreaks: TieBreak[]
  applications: { facts: ApplicationFacts; consensus: Record<string, number> | null }[]
}

export type OutCode = 'no_consensus' | 'criterion_threshold' | 'total_threshold'
export interface OutReason {
  code: OutCode
  criterionId?: string
  score?: number
  threshold?: number
}

export interface PairDecision {
  applicationId: string
  rule: TieBreakRule
  criterionId?: string
  /** This application's value under the rule, then the other's. */
  mine: number | string | boolean | null
  theirs: number | string | boolean | null
}

export interface TieBreakRecord {
  /** The other members of the tied group, in their final order. */
  tiedWith: string[]
  rule: TieBreakRule
  criterionId?: string
  detail: {
    /** 1-based position inside the group and the group's size. */
    position: number
    groupSize: number
    beats: PairDecision[]
    beatenBy: PairDecision[]
  }
}

export interface RankedResult {
  applicationId: string
  rank: number | null
  total: number | null
  scores: Record<string, number>
  out: OutReason[]
  tieBreak: TieBreakRecord | null
  facts: ApplicationFacts
}

export const EPSILON = 1e-9

const round = (x: number) => Math.round(x * 1e9) / 1e9

/** The weighted total and the out reasons of one application. */
export function scoreOf(
  criteria: readonly RankCriterion[],
  totalThreshold: number | null,
  consensus: Record<string, number> | null,
): { total: number | null; scores: Record<string, number>; out: OutReason[] } {
  if (!consensus || criteria.some((c) => typeof consensus[c.id] !== 'number' || !Number.isFinite(consensus[c.id])))
    return { total: null, scores: consensus ? { ...consensus } : {}, out: [{ code: 'no_consensus' }] }
  const scores: Record<string, number> = {}
  const out: OutReason[] = []
  let total = 0
  let plain = 0
  for (const c of criteria) {
    const s = consensus[c.id]!
    scores[c.id] = s
    total += c.weight * s
    plain += s
    if (c.threshold !== null && s < c.threshold - EPSILON)
      out.push({ code: 'criterion_threshold', criterionId: c.id, score: s, threshold: c.threshold })
  }
  plain = round(plain)
  if (totalThreshold !== null && plain < totalThreshold - EPSILON)
    out.push({ code: 'total_threshold', score: plain, threshold: totalThreshold })
  return { total: round(total), scores, out }
}

type Value = number | string | boolean | null
interface Candidate {
  id: string
  facts: ApplicationFacts
  scores: Record<string, number>
}
/** One comparable step: a rule (and criterion) with a value per candidate and whether higher is better. */
interface Step {
  rule: TieBreakRule
  criterionId?: string
  value: (c: Candidate) => Value
  /** Negative when `a` is better than `b`. */
  compare: (a: Candidate, b: Candidate) => number
}

function stepsOf(rules: readonly TieBreak[], criteria: readonly RankCriterion[], covered: ReadonlySet<string>): Step[] {
  const list = [...rules]
  if (list.at(-1)?.rule !== 'earlier_submission') list.push({ rule: 'earlier_submission' })
  const steps: Step[] = []
  const higher = (v: (c: Candidate) => number) => (a: Candidate, b: Candidate) => {
    const d = v(b) - v(a)
    return Math.abs(d) <= EPSILON ? 0 : d
  }
  for (const r of list) {
    switch (r.rule) {
      case 'uncovered_challenge': {
        const uncovered = (c: Candidate) => c.facts.challengeId !== null && !covered.has(c.facts.challengeId)
        steps.push({ rule: r.rule, value: uncovered, compare: higher((c) => (uncovered(c) ? 1 : 0)) })
        break
      }
      case 'criterion': {
        const ids = r.criterionId ? [r.criterionId] : criteria.map((c) => c.id)
        for (const id of ids) {
          if (!criteria.some((c) => c.id === id)) continue
          const v = (c: Candidate) => c.scores[id] ?? 0
          steps.push({ rule: r.rule, criterionId: id, value: v, compare: higher(v) })
        }
        break
      }
      case 'more_smes': {
        const v = (c: Candidate) => c.facts.smeCount
        steps.push({ rule: r.rule, value: v, compare: higher(v) })
        break
      }
      case 'more_countries': {
        const v = (c: Candidate) => c.facts.countries.length
        steps.push({ rule: r.rule, value: v, compare: higher(v) })
        break
      }
      case 'earlier_submission': {
        steps.push({
          rule: r.rule,
          value: (c) => c.facts.submittedAt,
          compare: (a, b) =>
            Date.parse(a.facts.submittedAt) - Date.parse(b.facts.submittedAt) ||
            (a.facts.reference < b.facts.reference ? -1 : a.facts.reference > b.facts.reference ? 1 : 0) ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        })
        break
      }
    }
  }
  return steps
}

const decision = (s: Step, me: Candidate, other: Candidate): PairDecision => ({
  applicationId: other.id,
  rule: s.rule,
  ...(s.criterionId ? { criterionId: s.criterionId } : {}),
  mine: s.value(me),
  theirs: s.value(other),
})

/** Ranks the applications; ranked ones first (rank 1..n), then those out (by total, then reference). */
export function rank(input: RankInput): RankedResult[] {
  const scored = input.applications.map((a) => ({
    facts: a.facts,
    ...scoreOf(input.criteria, input.totalThreshold, a.consensus),
  }))
  const inRanking = scored
    .filter((s) => s.out.length === 0)
    .sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || (a.facts.reference < b.facts.reference ? -1 : 1))
  const out = scored
    .filter((s) => s.out.length > 0)
    .sort(
      (a, b) =>
        (b.total ?? Number.NEGATIVE_INFINITY) - (a.total ?? Number.NEGATIVE_INFINITY) ||
        (a.facts.reference < b.facts.reference ? -1 : a.facts.reference > b.facts.reference ? 1 : 0),
    )
  const result: RankedResult[] = []
  const covered = new Set<string>()
  let i = 0
  while (i < inRanking.length) {
    const first = inRanking[i]!
    let j = i + 1
    while (j < inRanking.length && Math.abs((inRanking[j]!.total ?? 0) - (first.total ?? 0)) <= EPSILON) j++
    const group = inRanking.slice(i, j)
    i = j
    if (group.length === 1) {
      result.push({
        applicationId: first.facts.applicationId,
        rank: result.length + 1,
        total: first.total,
        scores: first.scores,
        out: [],
        tieBreak: null,
        facts: first.facts,
      })
      if (first.facts.challengeId) covered.add(first.facts.challengeId)
      continue
    }
    const remaining: Candidate[] = group.map((g) => ({ id: g.facts.applicationId, facts: g.facts, scores: g.scores }))
    const ordered: { c: Candidate; rule: Step | null }[] = []
    const beats = new Map<string, PairDecision[]>()
    const beatenBy = new Map<string, PairDecision[]>()
    for (const c of remaining) {
      beats.set(c.id, [])
      beatenBy.set(c.id, [])
    }
    let lastStep: Step | null = null
    while (remaining.length > 1) {
      const steps = stepsOf(input.tieBreaks, input.criteria, covered)
      let candidates = [...remaining]
      const eliminatedBy = new Map<string, Step>()
      let decisive: Step | null = null
      for (const s of steps) {
        const best = candidates.reduce((b, c) => (s.compare(c, b) < 0 ? c : b))
        const kept = candidates.filter((c) => s.compare(c, best) === 0)
        if (kept.length < candidates.length) {
          for (const c of candidates) if (!kept.includes(c)) eliminatedBy.set(c.id, s)
          decisive = s
        }
        candidates = kept
        if (candidates.length === 1) break
      }
      const winner = candidates[0]!
      for (const c of remaining) {
        if (c === winner) continue
        const s = eliminatedBy.get(c.id)!
        beats.get(winner.id)!.push(decision(s, winner, c))
        beatenBy.get(c.id)!.push(decision(s, c, winner))
      }
      ordered.push({ c: winner, rule: decisive })
      lastStep = decisive
      remaining.splice(remaining.indexOf(winner), 1)
      if (winner.facts.challengeId) covered.add(winner.facts.challengeId)
    }
    const last = remaining[0]!
    ordered.push({ c: last, rule: lastStep })
    if (last.facts.challengeId) covered.add(last.facts.challengeId)
    const ids = ordered.map((o) => o.c.id)
    for (const [k, o] of ordered.entries()) {
      const g = group.find((x) => x.facts.applicationId === o.c.id)!
      const step = o.rule!
      result.push({
        applicationId: o.c.id,
        rank: result.length + 1,
        total: g.total,
        scores: g.scores,
        out: [],
        tieBreak: {
          tiedWith: ids.filter((x) => x !== o.c.id),
          rule: step.rule,
          ...(step.criterionId ? { criterionId: step.criterionId } : {}),
          detail: {
            position: k + 1,
            groupSize: ordered.length,
            beats: beats.get(o.c.id)!,
            beatenBy: beatenBy.get(o.c.id)!,
          },
        },
        facts: g.facts,
      })
    }
  }
  for (const s of out)
    result.push({
      applicationId: s.facts.applicationId,
      rank: null,
      total: s.total,
      scores: s.scores,
      out: s.out,
      tieBreak: null,
      facts: s.facts,
    })
  return result
}
