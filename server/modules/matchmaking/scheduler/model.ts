// The integer programme behind the scheduler, handed to HiGHS (WebAssembly, single-threaded):
//   maximise  sum w_r x_rs   over x_rs in {0,1}, one per free request r and candidate slot s
//   s.t.      sum_s x_rs <= 1                 each request at most once
//             sum_{r ∋ p} x_rs <= 1           each participant p at most one meeting per slot s
//             sum_r x_rs <= tables_s          tables per slot
//             sum_{r ∋ p, s} x_rs <= cap_p    the participant's maximum of meetings
// Rows that can never bind are left out. Solved as an LP (integrality dropped) it gives the upper bound, which is
// then recomputed from the dual values by weak duality so that solver tolerances cannot make it too small; solved
// as a MIP (small events) it gives the optimum.
import type { Highs, HighsCallbackMap } from 'highs'
import type { Problem } from './problem.ts'

type HighsLoader = () => Promise<Highs>
let highsPromise: Promise<Highs> | undefined
/** Loads the WebAssembly solver once. (Its typings describe CommonJS; Node loads its ES module, default = loader.) */
export async function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((m) => {
    const exported = (m as unknown as { default: HighsLoader | { default: HighsLoader } }).default
    return (typeof exported === 'function' ? exported : exported.default)()
  })
  return highsPromise
}

export interface Model {
  numCols: number
  numRows: number
  colReq: Int32Array
  colSlot: Int32Array
  cost: Float64Array
  rowUpper: Float64Array
  starts: Int32Array
  indices: Int32Array
}

export function buildModel(pb: Problem): Model {
  const { R, S, P, a, b, candStart, cand, tables, capacity, weight } = pb
  const numCols = candStart[R]!
  const colReq = new Int32Array(numCols)
  const colSlot = new Int32Array(numCols)
  const perPersonSlot = new Int32Array(P * S)
  const perSlot = new Int32Array(S)
  const perPerson = new Int32Array(P)
  for (let r = 0; r < R; r++) {
    const from = candStart[r]!
    const to = candStart[r + 1]!
    if (to > from) {
      perPerson[a[r]!]! += 1
      perPerson[b[r]!]! += 1
    }
    for (let k = from; k < to; k++) {
      const s = cand[k]!
      colReq[k] = r
      colSlot[k] = s
      perPersonSlot[a[r]! * S + s]! += 1
      perPersonSlot[b[r]! * S + s]! += 1
      perSlot[s]! += 1
    }
  }
  // Row numbering: only rows that can bind.
  const rowUpper: number[] = []
  const reqRow = new Int32Array(R).fill(-1)
  for (let r = 0; r < R; r++) {
    if (candStart[r + 1]! - candStart[r]! >= 2) {
      reqRow[r] = rowUpper.length
      rowUpper.push(1)
    }
  }
  const psRow = new Int32Array(P * S).fill(-1)
  for (let i = 0; i < P * S; i++) {
    if (perPersonSlot[i]! >= 2) {
      psRow[i] = rowUpper.length
      rowUpper.push(1)
    }
  }
  const slotRow = new Int32Array(S).fill(-1)
  for (let s = 0; s < S; s++) {
    if (perSlot[s]! > tables[s]!) {
      slotRow[s] = rowUpper.length
      rowUpper.push(tables[s]!)
    }
  }
  const personRow = new Int32Array(P).fill(-1)
  for (let p = 0; p < P; p++) {
    if (perPerson[p]! > capacity[p]!) {
      personRow[p] = rowUpper.length
      rowUpper.push(capacity[p]!)
    }
  }
  const starts = new Int32Array(numCols + 1)
  const indices: number[] = []
  const cost = new Float64Array(numCols)
  for (let k = 0; k < numCols; k++) {
    const r = colReq[k]!
    const s = colSlot[k]!
    cost[k] = weight[r]!
    starts[k] = indices.length
    for (const row of [
      reqRow[r]!,
      psRow[a[r]! * S + s]!,
      psRow[b[r]! * S + s]!,
      slotRow[s]!,
      personRow[a[r]!]!,
      personRow[b[r]!]!,
    ])
      if (row !== -1) indices.push(row)
  }
  starts[numCols] = indices.length
  return {
    numCols,
    numRows: rowUpper.length,
    colReq,
    colSlot,
    cost,
    rowUpper: Float64Array.from(rowUpper),
    starts,
    indices: Int32Array.from(indices),
  }
}

/**
 * Weak-duality bound from any row prices y >= 0: sum_i u_i y_i + sum_j max(0, c_j - (A'y)_j), valid for every
 * y (all matrix coefficients are 1 and 0 <= x <= 1), so rounding in the solver cannot make it too small.
 */
export function dualBound(m: Model, y: Float64Array): number {
  let bound = 0
  for (let i = 0; i < m.numRows; i++) bound += m.rowUpper[i]! * Math.max(0, y[i]!)
  for (let j = 0; j < m.numCols; j++) {
    let reduced = m.cost[j]!
    for (let k = m.starts[j]!; k < m.starts[j + 1]!; k++) reduced -= Math.max(0, y[m.indices[k]!]!)
    if (reduced > 0) bound += reduced
  }
  return bound
}

export interface LpResult {
  /** Safe upper bound on the free requests' weight. */
  bound: number
  /** The LP's own optimum (for information). */
  objective: number
  x: Float64Array
  /** False when a limit stopped the solver: the bound is still valid, x may be far from optimal. */
  optimal: boolean
}

function modelData(highs: Highs, m: Model, integer: boolean) {
  return {
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.cost,
    colLower: new Float64Array(m.numCols),
    colUpper: new Float64Array(m.numCols).fill(1),
    rowLower: new Float64Array(m.numRows).fill(-highs.infinity),
    rowUpper: m.rowUpper,
    matrix: {
      format: 'csc' as const,
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: new Float64Array(m.indices.length).fill(1),
    },
    ...(integer ? { integrality: new Int32Array(m.numCols).fill(highs.constants.variableType.integer) } : {}),
  }
}

export type LpMethod = 'simplex' | 'pdlp'

/**
 * The LP relaxation of the whole model, by dual simplex (a vertex: exact, nearly integral here) or by PDLP
 * (first-order, faster on large events, interior and accurate to about 1e-7). Stopped by `timeLimitMs`, the bound
 * from the duals reached so far is still valid.
 */
export async function solveLp(m: Model, method: LpMethod, timeLimitMs: number, onTick?: () => void): Promise<LpResult> {
  if (m.numCols === 0) return { bound: 0, objective: 0, x: new Float64Array(0), optimal: true }
  const highs = await loadHighs()
  const model = highs.createModel(modelData(highs, m, false))
  try {
    model.options.set({ output_flag: false, solver: method, time_limit: Math.max(0.1, timeLimitMs / 1000) })
    // PDLP to 1e-5 instead of 1e-7: a third less time; the safe bound moves by about 4e-7 of its value.
    if (method === 'pdlp') model.options.set('pdlp_optimality_tolerance', 1e-5)
    // The simplex calls back at every iteration: a heartbeat for progress reports during long runs.
    const callbacks: HighsCallbackMap = onTick
      ? {
          [highs.constants.callbackType.simplexInterrupt]: () => {
            onTick()
            return undefined
          },
        }
      : {}
    const run = model.run(method === 'simplex' ? callbacks : {})
    const optimal = run.modelStatus === highs.constants.modelStatus.optimal
    const sol = model.getSolution()
    if (sol.rowDual.length !== m.numRows || sol.colValue.length !== m.numCols)
      return { bound: Number.POSITIVE_INFINITY, objective: Number.NaN, x: new Float64Array(m.numCols), optimal: false }
    // HiGHS reports the row duals of a maximisation with the sign of the minimisation it solves.
    const y = Float64Array.from(sol.rowDual, (v) => (Number.isFinite(v) ? Math.abs(v) : 0))
    return { bound: dualBound(m, y), objective: model.getObjectiveValue(), x: sol.colValue, optimal }
  } finally {
    model.dispose()
  }
}

export interface MipResult {
  optimal: boolean
  x: Float64Array | undefined
  dualBound: number
}

export async function solveMip(
  m: Model,
  start: Float64Array,
  timeLimitMs: number,
  onBound?: (objective: number, bound: number) => void,
): Promise<MipResult> {
  if (m.numCols === 0) return { optimal: true, x: new Float64Array(0), dualBound: 0 }
  const highs = await loadHighs()
  const model = highs.createModel(modelData(highs, m, true))
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitMs / 1000, mip_rel_gap: 0 })
    model.setSolution({ colValue: start })
    const callbacks: HighsCallbackMap = onBound
      ? {
          [highs.constants.callbackType.mipImprovingSolution](event) {
            const { objective_function_value: obj, mip_dual_bound: bound } = event.data
            if (obj !== undefined && bound !== undefined) onBound(obj, bound)
          },
        }
      : {}
    const run = model.run(callbacks)
    const optimal = run.modelStatus === highs.constants.modelStatus.optimal
    const status = model.info.get('primal_solution_status')
    const x = Number(status) === 2 ? model.getSolution().colValue : undefined
    const bound = Number(model.info.get('mip_dual_bound'))
    return { optimal, x, dualBound: Number.isFinite(bound) ? bound : Number.POSITIVE_INFINITY }
  } finally {
    model.dispose()
  }
}
