// The integer programme of an assignment with panel rules, over the candidate pairs:
//   maximise  Σ c_ae x_ae,  x_ae ∈ {0,1}
//   s.t.      Σ_e x_ae = need_a                         every application gets its experts
//             minLoad_e ≤ Σ_a x_ae ≤ maxLoad_e          every expert's load bounds
//             1 ≤ Σ_{e practitioner} x_ae ≤ need_a      a practitioner on the panel (rule)
//             0 ≤ Σ_{e of country c} x_ae ≤ 1           one expert per country (rule; rows with ≥ 2 candidates)
// Country rows enter lazily (solve-milp.ts): without some of them the model is a relaxation, whose bounds stay valid.
// Every row has finite bounds, so for ANY row prices y the weak-duality value
//   W(y) = Σ_i (y_i ≥ 0 ? y_i·upper_i : y_i·lower_i) + Σ_j max(0, c_j − A_jᵀy)
// bounds every solution, whichever pairs are modelled: rows missing from the model have y = 0, and the pairs left
// out add their own max(0, ·). A solution that uses pair j is worth at most W(y) − max(0, rc_j) + rc_j.
import type { Candidates } from './candidates.ts'
import type { Problem } from './problem.ts'

export interface MilpModel {
  numCols: number
  numRows: number
  colApp: Int32Array
  colExp: Int32Array
  cost: Float64Array
  rowLower: Float64Array
  rowUpper: Float64Array
  starts: Int32Array
  indices: Int32Array
  /** Row of each application and expert; practitioner row per application (-1: none); country rows by a·NC + c. */
  appRow: Int32Array
  expRow: Int32Array
  pracRow: Int32Array
  countryRow: Map<number, number>
  countries: number
}

/** `countryOrder`: the applications whose country rows are in the model, in the order they joined (their rows come
 * last, in that order, so that rows added later are appended to a live solver model). */
export function buildMilp(
  pb: Problem,
  cand: Candidates,
  costOfPair: (a: number, e: number) => number,
  countryOrder: readonly number[],
): MilpModel {
  const { A, E } = pb
  let countries = 0
  for (let e = 0; e < E; e++) countries = Math.max(countries, pb.expCountry[e]! + 1)
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
  const perCountry = new Int32Array(Math.max(1, countries))
  for (let a = 0; a < A; a++) if (pb.pracNeed[a]! > 0) pracRow[a] = row(1, pb.need[a]!)
  for (const a of pb.onePerCountry ? countryOrder : []) {
    for (const e of cand[a]!) if (pb.expCountry[e]! >= 0) perCountry[pb.expCountry[e]!]! += 1
    for (const e of cand[a]!) {
      const c = pb.expCountry[e]!
      if (c >= 0 && perCountry[c]! >= 2 && !countryRow.has(a * countries + c))
        countryRow.set(a * countries + c, row(0, 1))
    }
    for (const e of cand[a]!) if (pb.expCountry[e]! >= 0) perCountry[pb.expCountry[e]!] = 0
  }
  let numCols = 0
  for (const c of cand) numCols += c.length
  const colApp = new Int32Array(numCols)
  const colExp = new Int32Array(numCols)
  const cost = new Float64Array(numCols)
  const starts = new Int32Array(numCols + 1)
  const indices: number[] = []
  let j = 0
  for (let a = 0; a < A; a++)
    for (const e of cand[a]!) {
      colApp[j] = a
      colExp[j] = e
      cost[j] = costOfPair(a, e)
      starts[j] = indices.length
      indices.push(appRow[a]!, expRow[e]!)
      if (pracRow[a]! >= 0 && pb.practitioner[e]) indices.push(pracRow[a]!)
      const cr = pb.expCountry[e]! >= 0 ? countryRow.get(a * countries + pb.expCountry[e]!) : undefined
      if (cr !== undefined) indices.push(cr)
      j++
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
    appRow,
    expRow,
    pracRow,
    countryRow,
    countries,
  }
}

/** The price of pair (a, e) under row prices y: its reduced cost c − Σ y over the rows it would enter. */
export function reducedCost(pb: Problem, m: MilpModel, y: Float64Array, a: number, e: number, c: number): number {
  let rc = c - y[m.appRow[a]!]! - y[m.expRow[e]!]!
  if (m.pracRow[a]! >= 0 && pb.practitioner[e]) rc -= y[m.pracRow[a]!]!
  const k = pb.expCountry[e]!
  if (k >= 0) {
    const r = m.countryRow.get(a * m.countries + k)
    if (r !== undefined) rc -= y[r]!
  }
  return rc
}

/** Σ_i (y_i ≥ 0 ? y_i·upper_i : y_i·lower_i) + Σ over modelled columns of max(0, rc_j). */
export function modelDualValue(m: MilpModel, y: Float64Array): number {
  let w = 0
  for (let i = 0; i < m.numRows; i++) w += y[i]! >= 0 ? y[i]! * m.rowUpper[i]! : y[i]! * m.rowLower[i]!
  for (let j = 0; j < m.numCols; j++) {
    let rc = m.cost[j]!
    for (let k = m.starts[j]!; k < m.starts[j + 1]!; k++) rc -= y[m.indices[k]!]!
    if (rc > 0) w += rc
  }
  return w
}
