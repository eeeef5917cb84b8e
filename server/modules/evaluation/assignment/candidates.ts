// Candidate pairs: on large problems the solvers see only each application's best allowed experts (plus its best
// practitioners, and the best applications of experts with a minimum load); pricing with the solver's duals then
// proves the pairs left out useless, or brings them in (solve-flow.ts, solve-milp.ts). Small problems: every pair.
import { costOf } from './affinity.ts'
import { allowed, forEachAllowed, type Problem } from './problem.ts'

/** Per application, candidate experts sorted by expert index. */
export type Candidates = Int32Array[]

export function candidateCount(cand: Candidates): number {
  let n = 0
  for (const c of cand) n += c.length
  return n
}

/** Keeps the `keep` largest (cost, then smaller index) of a stream; small and simple (insertion). */
class TopK {
  cost: Float64Array
  idx: Int32Array
  size = 0
  readonly keep: number
  constructor(keep: number) {
    this.keep = keep
    this.cost = new Float64Array(keep)
    this.idx = new Int32Array(keep)
  }
  offer(i: number, c: number): void {
    if (this.keep === 0) return
    if (this.size === this.keep && c <= this.cost[this.size - 1]!) return
    let j = this.size < this.keep ? this.size++ : this.size - 1
    while (j > 0 && this.cost[j - 1]! < c) {
      this.cost[j] = this.cost[j - 1]!
      this.idx[j] = this.idx[j - 1]!
      j--
    }
    this.cost[j] = c
    this.idx[j] = i
  }
}

/**
 * Each application's `perApplication` best allowed experts and best practitioners, and the best applications of
 * experts with a minimum load. Listed affinities are read directly; the pairs at the default affinity (sparse input)
 * are offered only while they can still enter a list, so large sparse problems never touch all pairs.
 */
export function selectCandidates(pb: Problem, perApplication: number, everything: boolean): Candidates {
  const { A, E } = pb
  const af = pb.affinity
  const def = af.defaultCost
  const chosen: number[][] = Array.from({ length: A }, () => [])
  if (everything) {
    for (let a = 0; a < A; a++) forEachAllowed(pb, a, (e) => chosen[a]!.push(e))
    return chosen.map((list) => Int32Array.from(list))
  }
  const perExpert: (TopK | undefined)[] = Array.from({ length: E }, (_, e) =>
    pb.minLoad[e]! > 0 ? new TopK(Math.min(A, 2 * pb.minLoad[e]! + 2)) : undefined,
  )
  const stamp = new Int32Array(E).fill(-1)
  const full = (t: TopK) => t.keep === 0 || (t.size === t.keep && def <= t.cost[t.size - 1]!)
  for (let a = 0; a < A; a++) {
    const best = new TopK(Math.max(perApplication, pb.need[a]!))
    const prac = new TopK(pb.pracNeed[a]! > 0 ? Math.max(2, pb.need[a]!) : 0)
    for (let p = af.entStart[a]!; p < af.entStart[a + 1]!; p++) {
      const e = af.entExpert[p]!
      stamp[e] = a
      if (!allowed(pb, a, e)) continue
      const c = af.entCost[p]!
      best.offer(e, c)
      if (pb.practitioner[e]) prac.offer(e, c)
      perExpert[e]?.offer(a, c)
    }
    // Pairs at the default affinity, from a different expert for each application, while they can still enter.
    const start = (a * 7919) % Math.max(1, E)
    for (let i = 0; i < E && !(full(best) && full(prac)); i++) {
      const e = (start + i) % E
      if (stamp[e] === a || !allowed(pb, a, e)) continue
      best.offer(e, def)
      if (pb.practitioner[e]) prac.offer(e, def)
    }
    for (let i = 0; i < best.size; i++) chosen[a]!.push(best.idx[i]!)
    for (let i = 0; i < prac.size; i++) chosen[a]!.push(prac.idx[i]!)
  }
  for (let e = 0; e < E; e++) {
    const top = perExpert[e]
    if (!top) continue
    const start = (e * 7919) % Math.max(1, A)
    for (let i = 0; i < A && !full(top); i++) {
      const a = (start + i) % A
      if (allowed(pb, a, e) && costOf(af, a, e) === def) top.offer(a, def)
    }
    for (let i = 0; i < top.size; i++) chosen[top.idx[i]!]!.push(e)
  }
  return chosen.map((list) => Int32Array.from(new Set(list)).sort())
}

/** Adds pairs to the candidates (kept sorted, without duplicates). */
export function addCandidates(cand: Candidates, pairs: readonly { a: number; e: number }[]): void {
  const extra = new Map<number, number[]>()
  for (const { a, e } of pairs) {
    const l = extra.get(a)
    if (l) l.push(e)
    else extra.set(a, [e])
  }
  for (const [a, list] of extra) cand[a] = Int32Array.from(new Set([...cand[a]!, ...list])).sort()
}

function isCandidate(list: Int32Array, e: number): boolean {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const x = list[mid]!
    if (x === e) return true
    if (x < e) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/**
 * Prices the allowed pairs left out of the candidates. `gain(a, e, cost)` is a pair's gain under the solver's duals
 * (positive: it could improve the solution); for pairs at the default affinity it must equal
 * `defaultGain(a) - expertTerm[e]` or less, so that walking the experts by increasing `expertTerm` can stop as soon
 * as that bound falls below `threshold`. Calls fn(a, e, gain) for every pruned pair with gain ≥ threshold (and
 * possibly some below).
 */
export function pricePruned(
  pb: Problem,
  cand: Candidates,
  threshold: number,
  gain: (a: number, e: number, cost: number) => number,
  defaultGain: (a: number) => number,
  expertTerm: Float64Array,
  fn: (a: number, e: number, gain: number) => void,
): void {
  const { A, E } = pb
  const af = pb.affinity
  const order = Int32Array.from({ length: E }, (_, e) => e).sort((x, y) => expertTerm[x]! - expertTerm[y]!)
  const stamp = new Int32Array(E).fill(-1)
  for (let a = 0; a < A; a++) {
    const list = cand[a]!
    let listedAllowed = 0
    for (let p = af.entStart[a]!; p < af.entStart[a + 1]!; p++) {
      const e = af.entExpert[p]!
      stamp[e] = a
      if (!allowed(pb, a, e)) continue
      listedAllowed++
      if (isCandidate(list, e)) continue
      const g = gain(a, e, af.entCost[p]!)
      if (g >= threshold) fn(a, e, g)
    }
    if (listedAllowed >= pb.allowedPerApp[a]!) continue
    const bound = defaultGain(a)
    for (let i = 0; i < E; i++) {
      const e = order[i]!
      if (bound - expertTerm[e]! < threshold) break
      if (stamp[e] === a || isCandidate(list, e) || !allowed(pb, a, e)) continue
      const g = gain(a, e, af.defaultCost)
      if (g >= threshold) fn(a, e, g)
    }
  }
}
