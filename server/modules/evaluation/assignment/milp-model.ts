// The integer programme of an assignment with panel rules, over the candidate pairs:
//   maximise  Σ c_ae x_ae,  x_ae ∈ {0,1}
//   s.t.      Σ_e x_ae = need_a                         every application gets its experts
//             minLoad_e ≤ Σ_a x_ae ≤ maxLoad_e          every expert's load bounds
//             1 ≤ Σ_{e practitioner} x_ae ≤ need_a      a practitioner on the panel (rule)
//             0 ≤ Σ_{e holding country c} x_ae ≤ 1      one expert per country (rule; rows with ≥ 2 candidates)
// An expert with several countries enters the country row of each of them, so two experts sharing any country
// never sit on one panel.
// Country rows enter lazily (solve-milp.ts), and with them two kinds of cuts, which hold for every assignment that
// meets the rules (so the model with or without them is a relaxation of the problem, whose bounds stay valid). With
// one country per expert the rows above suffice in practice; with several, the LP finds half-panels they allow:
// - odd set: on an application, experts holding at least two countries of an odd set S of 2t + 1 countries number at
//   most t (any two of t + 1 such experts would share a country). Three experts of countries {c1, c2}, {c2, c3},
//   {c1, c3} at ½ each meet every country row; only the cut on {c1, c2, c3} holds them to one;
// - practitioner: under both rules, a non-practitioner e on a panel needs a practitioner who shares no country
//   with e: x_ae ≤ Σ_{p practitioner, no country of e} x_ap. With one country this follows from the country row
//   of e's country and the practitioner row; with two it does not;
// - zero-half: the two above are instances of Chvátal–Gomory cuts with multipliers ½ over an application's own
//   rows (Σ of rows, odd right-hand side, halved and rounded down); solve-milp.ts finds others by elimination mod 2
//   when the LP solution breaks one (e.g. at most two of four experts when no valid panel of three lies among them).
// Every row has finite bounds, so for ANY row prices y the weak-duality value
//   W(y) = Σ_i (y_i ≥ 0 ? y_i·upper_i : y_i·lower_i) + Σ_j max(0, c_j − A_jᵀy)
// bounds every solution, whichever pairs are modelled: rows missing from the model have y = 0, and the pairs left
// out add their own max(0, ·). A solution that uses pair j is worth at most W(y) − max(0, rc_j) + rc_j.
import type { Candidates } from './candidates.ts'
import { expertCountries, type Problem, shareCountry } from './problem.ts'

/** A cut on application a (see above): an odd set of countries (sorted, size 2t + 1, upper = t), or the practitioner
 * cut of non-practitioner expert e. */
export type CountryCut =
  | { kind: 'odd_set'; a: number; countries: Int32Array; upper: number }
  | { kind: 'practitioner'; a: number; e: number }
  | ZeroHalfCut

/**
 * ½ × (the rows of application a chosen: its need row if `app` (Σ x ≤ need), its practitioner row if `prac`
 * (−Σ_practitioners x ≤ −1), its country rows of `countries` (≤ 1), the cuts `cuts` (≤ their upper bound)) and
 * x_e ≤ 1 for the experts `atOne` (sorted), each coefficient rounded down: Σ_e ⌊t_e / 2⌋ x_ae ≤ rhs.
 */
export interface ZeroHalfCut {
  kind: 'zero_half'
  a: number
  app: boolean
  prac: boolean
  countries: Int32Array
  cuts: readonly CountryCut[]
  atOne: Int32Array
  rhs: number
}

/** The lazy rows, in the order they joined: an application (all its country rows) or a cut. */
export type LazyRows = readonly (number | CountryCut)[]

function inOddSet(pb: Problem, countries: Int32Array, e: number): boolean {
  const mine = expertCountries(pb, e)
  if (mine.length < 2) return false
  let n = 0
  let i = 0
  let j = 0
  while (i < mine.length && j < countries.length) {
    if (mine[i] === countries[j]) {
      if (++n >= 2) return true
      i++
      j++
    } else if (mine[i]! < countries[j]!) i++
    else j++
  }
  return false
}

function includes(sorted: Int32Array, v: number): boolean {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] === v) return true
    if (sorted[mid]! < v) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** Coefficient of pair (cut.a, e) in the cut's row. */
export function cutCoefficient(pb: Problem, cut: CountryCut, e: number): number {
  if (cut.kind === 'odd_set') return inOddSet(pb, cut.countries, e) ? 1 : 0
  if (cut.kind === 'practitioner') {
    if (e === cut.e) return 1
    return pb.practitioner[e] && !shareCountry(expertCountries(pb, e), expertCountries(pb, cut.e)) ? -1 : 0
  }
  let t = (cut.app ? 1 : 0) - (cut.prac && pb.practitioner[e] ? 1 : 0) + (includes(cut.atOne, e) ? 1 : 0)
  if (cut.countries.length > 0) for (const c of expertCountries(pb, e)) if (includes(cut.countries, c)) t++
  for (const inner of cut.cuts) t += cutCoefficient(pb, inner, e)
  return Math.floor(t / 2)
}

/** The smallest coefficient a cut can have (≤ 0). */
function minCoefficient(cut: CountryCut): number {
  if (cut.kind === 'odd_set') return 0
  if (cut.kind === 'practitioner') return -1
  let t = cut.prac ? -1 : 0
  for (const inner of cut.cuts) t += minCoefficient(inner)
  return Math.floor(t / 2)
}

/** The cut's row bounds: its right-hand side, and below it need × the smallest coefficient (Σ_e x_ae = need). */
export function cutBounds(pb: Problem, cut: CountryCut): [number, number] {
  const lower = pb.need[cut.a]! * minCoefficient(cut)
  if (cut.kind === 'odd_set') return [lower, cut.upper]
  if (cut.kind === 'practitioner') return [lower, 0]
  return [lower, cut.rhs]
}

/** The largest |coefficient| a cut can have. */
export function maxAbsCoefficient(cut: CountryCut): number {
  if (cut.kind !== 'zero_half') return 1
  let t = 3 + cut.countries.length
  for (const inner of cut.cuts) t += maxAbsCoefficient(inner)
  return Math.ceil(t / 2)
}

export interface MilpModel {
  numCols: number
  numRows: number
  colApp: Int32Array
  colExp: Int32Array
  cost: Float64Array
  rowLower: Float64Array
  rowUpper: Float64Array
  /** Column-wise matrix: column j has values[k] in row indices[k], k from starts[j] to starts[j + 1]. */
  starts: Int32Array
  indices: Int32Array
  values: Float64Array
  /** Row of each application and expert; practitioner row per application (-1: none); country rows by
   * a·countries + c (countries = pb.NC); cut rows per application. */
  appRow: Int32Array
  expRow: Int32Array
  pracRow: Int32Array
  countryRow: Map<number, number>
  cutRows: Map<number, { row: number; cut: CountryCut }[]>
  countries: number
  /** Columns fixed at 1 (lower bound 1), when a proof shows every better solution uses them. */
  fixed?: Uint8Array
}

/** `lazy`: the applications whose country rows are in the model, and the cuts, in the order they joined (their rows
 * come last, in that order, so that rows added later are appended to a live solver model: an application's rows
 * depend only on its candidates). */
export function buildMilp(
  pb: Problem,
  cand: Candidates,
  costOfPair: (a: number, e: number) => number,
  lazy: LazyRows,
): MilpModel {
  const { A, E } = pb
  const countries = pb.NC
  const lower: number[] = []
  const upper: number[] = []
  const row = (lo: number, up: number) => {
    lower.push(lo)
    upper.push(up)
    return lower.length - 1
  }
  const appRow = new Int32Array(A)
  for (let a = 0; a < A; a++) appRow[a] = row(pb.need[a]!, pb.need[a]!)
  const expRow = new Int32Array(E)
  for (let e = 0; e < E; e++) expRow[e] = row(pb.minLoad[e]!, pb.maxLoad[e]!)
  const pracRow = new Int32Array(A).fill(-1)
  const countryRow = new Map<number, number>()
  const cutRows = new Map<number, { row: number; cut: CountryCut }[]>()
  const perCountry = new Int32Array(countries)
  for (let a = 0; a < A; a++) if (pb.pracNeed[a]! > 0) pracRow[a] = row(1, pb.need[a]!)
  for (const entry of pb.onePerCountry ? lazy : []) {
    if (typeof entry !== 'number') {
      const list = cutRows.get(entry.a)
      const r = { row: row(...cutBounds(pb, entry)), cut: entry }
      if (list) list.push(r)
      else cutRows.set(entry.a, [r])
      continue
    }
    const a = entry
    for (const e of cand[a]!) for (const c of expertCountries(pb, e)) perCountry[c]! += 1
    for (const e of cand[a]!)
      for (const c of expertCountries(pb, e))
        if (perCountry[c]! >= 2 && !countryRow.has(a * countries + c)) countryRow.set(a * countries + c, row(0, 1))
    for (const e of cand[a]!) for (const c of expertCountries(pb, e)) perCountry[c] = 0
  }
  let numCols = 0
  for (const c of cand) numCols += c.length
  const colApp = new Int32Array(numCols)
  const colExp = new Int32Array(numCols)
  const cost = new Float64Array(numCols)
  const starts = new Int32Array(numCols + 1)
  const indices: number[] = []
  const values: number[] = []
  const extra: [number, number][] = []
  let j = 0
  for (let a = 0; a < A; a++) {
    const cuts = cutRows.get(a)
    for (const e of cand[a]!) {
      colApp[j] = a
      colExp[j] = e
      cost[j] = costOfPair(a, e)
      starts[j] = indices.length
      indices.push(appRow[a]!, expRow[e]!)
      values.push(1, 1)
      if (pracRow[a]! >= 0 && pb.practitioner[e]) {
        indices.push(pracRow[a]!)
        values.push(1)
      }
      // Lazy rows, in increasing row order as the others.
      extra.length = 0
      if (countryRow.size > 0)
        for (const c of expertCountries(pb, e)) {
          const cr = countryRow.get(a * countries + c)
          if (cr !== undefined) extra.push([cr, 1])
        }
      if (cuts)
        for (const { row: r, cut } of cuts) {
          const v = cutCoefficient(pb, cut, e)
          if (v !== 0) extra.push([r, v])
        }
      if (extra.length > 1) extra.sort((p, q) => p[0] - q[0])
      for (const [r, v] of extra) {
        indices.push(r)
        values.push(v)
      }
      j++
    }
  }
  starts[numCols] = indices.length
  return {
    numCols,
    numRows: lower.length,
    colApp,
    colExp,
    cost,
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    appRow,
    expRow,
    pracRow,
    countryRow,
    cutRows,
    countries,
  }
}

/** The price of pair (a, e) under row prices y: its reduced cost c − Σ y·coefficient over the rows it would enter. */
export function reducedCost(pb: Problem, m: MilpModel, y: Float64Array, a: number, e: number, c: number): number {
  let rc = c - y[m.appRow[a]!]! - y[m.expRow[e]!]!
  if (m.pracRow[a]! >= 0 && pb.practitioner[e]) rc -= y[m.pracRow[a]!]!
  if (m.countryRow.size > 0) {
    const list = expertCountries(pb, e)
    for (let i = 0; i < list.length; i++) {
      const r = m.countryRow.get(a * m.countries + list[i]!)
      if (r !== undefined) rc -= y[r]!
    }
  }
  const cuts = m.cutRows.get(a)
  if (cuts) for (const { row, cut } of cuts) rc -= y[row]! * cutCoefficient(pb, cut, e)
  return rc
}

/** c_j − A_jᵀy for modelled column j. */
export function columnReducedCost(m: MilpModel, y: Float64Array, j: number): number {
  let rc = m.cost[j]!
  for (let k = m.starts[j]!; k < m.starts[j + 1]!; k++) rc -= y[m.indices[k]!]! * m.values[k]!
  return rc
}

/** Σ_i (y_i ≥ 0 ? y_i·upper_i : y_i·lower_i) + Σ over modelled columns of max(0, rc_j). */
export function modelDualValue(m: MilpModel, y: Float64Array): number {
  let w = 0
  for (let i = 0; i < m.numRows; i++) w += y[i]! >= 0 ? y[i]! * m.rowUpper[i]! : y[i]! * m.rowLower[i]!
  for (let j = 0; j < m.numCols; j++) {
    const rc = columnReducedCost(m, y, j)
    if (rc > 0) w += rc
  }
  return w
}
