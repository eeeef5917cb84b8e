// Why each pair: its affinity, its rank on both sides (among the application's allowed experts; among the expert's
// allowed applications; locked pairs count as allowed; ties share a rank), and the rule that made it necessary where
// the result shows it (see PairReason). Listed affinities are visited one by one; pairs at the default affinity
// (sparse input) are counted, never enumerated.
import { costOf } from './affinity.ts'
import { allowed, expertCountries, type Problem } from './problem.ts'
import type { AssignedPair, AssignmentInput, PairReason } from './types.ts'

/** Index of the first value ≥ c in a sorted array. */
function lowerBound(sorted: Float64Array, c: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < c) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** `pairs`: every assigned pair, locks included. */
export function explainPairs(
  input: AssignmentInput,
  pb: Problem,
  pairs: readonly { a: number; e: number }[],
): AssignedPair[] {
  const { A, E } = pb
  const af = pb.affinity
  const def = af.defaultCost
  const locked = new Set(pb.locks.map((l) => l.a * E + l.e))
  const panel: number[][] = Array.from({ length: A }, () => [])
  const load = new Int32Array(E)
  const lists: number[][] = Array.from({ length: E }, () => [])
  for (const { a, e } of pairs) {
    panel[a]!.push(e)
    load[e]! += 1
    lists[e]!.push(costOf(af, a, e))
  }
  // Per expert: sorted affinities of their pairs; above[e][i] counts applications whose affinity is above exactly
  // the first i of them.
  const assigned = lists.map((l) => Float64Array.from(l).sort())
  const above = assigned.map((c) => new Int32Array(c.length + 1))
  const listedPerExpert = new Int32Array(E)
  const countAbove = (e: number, c: number) => {
    above[e]![lowerBound(assigned[e]!, c)]! += 1
  }
  for (const { a, e } of pb.locks) countAbove(e, costOf(af, a, e))
  const rankForApp = new Map<number, number>()
  const countryReason = new Set<number>()
  for (let a = 0; a < A; a++) {
    const members = panel[a]!
    const costs = members.map((e) => costOf(af, a, e))
    const greater = new Int32Array(members.length)
    const bestOutside = new Map<number, number>()
    let listedAllowed = 0
    for (let p = af.entStart[a]!; p < af.entStart[a + 1]!; p++) {
      const e = af.entExpert[p]!
      if (!allowed(pb, a, e)) continue
      const c = af.entCost[p]!
      listedAllowed++
      listedPerExpert[e]! += 1
      countAbove(e, c)
      for (let i = 0; i < members.length; i++) if (c > costs[i]!) greater[i]! += 1
      if (pb.onePerCountry && !members.includes(e))
        for (const country of expertCountries(pb, e))
          bestOutside.set(country, Math.max(bestOutside.get(country) ?? Number.NEGATIVE_INFINITY, c))
    }
    const defaults = pb.allowedPerApp[a]! - listedAllowed
    members.forEach((e, i) => {
      for (const x of members)
        if (x !== e && locked.has(a * E + x) && costs[members.indexOf(x)]! > costs[i]!) greater[i]!++
      if (def > costs[i]!) greater[i]! += defaults
      rankForApp.set(a * E + e, 1 + greater[i]!)
      // A better expert outside shares a country with another member: the rule kept it off this panel.
      for (const other of members) {
        if (other === e) continue
        for (const c of expertCountries(pb, other))
          if ((bestOutside.get(c) ?? Number.NEGATIVE_INFINITY) > costs[i]!) countryReason.add(a * E + e)
      }
    })
  }
  const rankForExpert = (e: number, c: number) => {
    const sorted = assigned[e]!
    let n = 0
    for (let i = lowerBound(sorted, c) + 1; i <= sorted.length; i++) n += above[e]![i]!
    if (def > c) n += pb.allowedPerExpert[e]! - listedPerExpert[e]!
    return 1 + n
  }
  return pairs.map(({ a, e }): AssignedPair => {
    const c = costOf(af, a, e)
    const expert = input.experts[e]!
    const rankA = rankForApp.get(a * E + e)!
    let reason: PairReason
    if (locked.has(a * E + e)) reason = 'locked'
    else if (rankA <= (input.applications[a]!.k ?? 3)) reason = 'top_choice'
    else if (pb.practitionerRule && pb.practitioner[e] && panel[a]!.filter((x) => pb.practitioner[x]).length === 1)
      reason = 'practitioner_required'
    else if ((expert.minLoad ?? 0) > 0 && load[e] === expert.minLoad) reason = 'minimum_load'
    else if (countryReason.has(a * E + e)) reason = 'country_rule'
    else reason = 'load_balance'
    return {
      application: pb.appIds[a]!,
      expert: pb.expIds[e]!,
      affinity: c / af.scale,
      locked: locked.has(a * E + e),
      rankForExpert: rankForExpert(e, c),
      rankForApplication: rankA,
      reason,
    }
  })
}
