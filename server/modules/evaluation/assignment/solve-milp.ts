// Assignment with panel rules: the integer programme of milp-model.ts through HiGHS (WebAssembly, synchronous).
// The one-per-country rows enter lazily: an application gets them once a solution puts two experts of one country on
// its panel (the model without them is a relaxation, so every bound below stays valid), and the rounds go on.
// 1. LP relaxation over the candidates; its row duals price every pair left out. Pairs that would improve the LP
//    join the model and the LP is solved again, until none does: W(y) is then an upper bound for the whole problem.
// 2. Branch and cut over the candidates to a zero gap (costs are whole numbers, so an absolute gap below 1 is zero).
// 3. Proof over the pairs left out: a solution using pair j is worth at most W(y) − max(0, rc_j) + rc_j; when that is
//    below the incumbent + 1 for every such pair, no better solution exists anywhere. Otherwise those pairs join and
//    the rounds go on.
import type { Highs } from 'highs'
import { DomainError } from '../../../platform/errors.ts'
import { costOf } from './affinity.ts'
import { addCandidates, type Candidates, candidateCount, pricePruned } from './candidates.ts'
import { buildMilp, type MilpModel, modelDualValue, reducedCost } from './milp-model.ts'
import type { Problem } from './problem.ts'
import type { SolvedPairs } from './solve-flow.ts'
import type { AssignmentProgress } from './types.ts'

type HighsLoader = () => Promise<Highs>
let highsPromise: Promise<Highs> | undefined
async function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((m) => {
    const exported = (m as unknown as { default: HighsLoader | { default: HighsLoader } }).default
    return (typeof exported === 'function' ? exported : exported.default)()
  })
  return highsPromise
}

function modelData(highs: Highs, m: MilpModel, integer: boolean) {
  return {
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.cost,
    colLower: new Float64Array(m.numCols),
    colUpper: new Float64Array(m.numCols).fill(1),
    rowLower: m.rowLower,
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

interface Lp {
  feasible: boolean
  y: Float64Array
  x: Float64Array
}

interface LiveLp {
  model: ReturnType<Highs['createModel']>
  numCols: number
  numRows: number
  result: Lp
}

/** Rows of m from `from` on, row-wise (CSR), to append to a live model. */
function rowsFrom(m: MilpModel, from: number) {
  const count = m.numRows - from
  const perRow: number[][] = Array.from({ length: count }, () => [])
  for (let j = 0; j < m.numCols; j++)
    for (let k = m.starts[j]!; k < m.starts[j + 1]!; k++)
      if (m.indices[k]! >= from) perRow[m.indices[k]! - from]!.push(j)
  const starts = new Int32Array(count + 1)
  perRow.forEach((cols, i) => {
    starts[i + 1] = starts[i]! + cols.length
  })
  const indices = Int32Array.from(perRow.flat())
  return {
    lower: m.rowLower.slice(from),
    upper: m.rowUpper.slice(from),
    matrix: {
      format: 'csr' as const,
      numRows: count,
      numCols: m.numCols,
      starts,
      indices,
      values: new Float64Array(indices.length).fill(1),
    },
  }
}

/** Solves the LP of m; reuses `live` (its basis) when m only has rows appended to it. */
async function solveLp(m: MilpModel, live: LiveLp | undefined): Promise<LiveLp> {
  const highs = await loadHighs()
  let model: LiveLp['model']
  if (live && live.numCols === m.numCols && live.numRows <= m.numRows) {
    model = live.model
    if (m.numRows > live.numRows) model.addRows(rowsFrom(m, live.numRows))
  } else {
    live?.model.dispose()
    model = highs.createModel(modelData(highs, m, false))
    model.options.set({ output_flag: false })
  }
  const run = model.run()
  const state = { model, numCols: m.numCols, numRows: m.numRows }
  if (run.modelStatus !== highs.constants.modelStatus.optimal)
    return { ...state, result: { feasible: false, y: new Float64Array(0), x: new Float64Array(0) } }
  const solution = model.getSolution()
  const y = Float64Array.from(solution.rowDual, (v) => (Number.isFinite(v) ? v : 0))
  // The duals' sign convention under maximisation: W(y) is valid for any y, so take the sign that bounds tighter.
  const minus = y.map((v) => -v)
  const result = {
    feasible: true,
    y: modelDualValue(m, minus) < modelDualValue(m, y) ? minus : y,
    x: solution.colValue,
  }
  return { ...state, result }
}

interface Mip {
  status: 'optimal' | 'limit' | 'infeasible'
  x: Float64Array | undefined
  gap: number
}

async function solveMip(m: MilpModel, timeLimitMs: number, onImprove: (obj: number, bound: number) => void) {
  const highs = await loadHighs()
  const model = highs.createModel(modelData(highs, m, true))
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitMs / 1000, mip_rel_gap: 0, mip_abs_gap: 0.99 })
    const run = model.run({
      [highs.constants.callbackType.mipImprovingSolution](event) {
        const { objective_function_value: obj, mip_dual_bound: bound } = event.data
        if (obj !== undefined && bound !== undefined) onImprove(obj, bound)
      },
    })
    const status = model.info.get('primal_solution_status')
    const x = Number(status) === 2 ? model.getSolution().colValue : undefined
    const gap = Number(model.info.get('mip_gap'))
    const result: Mip = {
      status:
        run.modelStatus === highs.constants.modelStatus.optimal
          ? 'optimal'
          : run.modelStatus === highs.constants.modelStatus.infeasible
            ? 'infeasible'
            : 'limit',
      x,
      gap: Number.isFinite(gap) ? gap : Number.POSITIVE_INFINITY,
    }
    return result
  } finally {
    model.dispose()
  }
}

export async function solveMilp(
  pb: Problem,
  cand: Candidates,
  pruned: boolean,
  enlarge: () => boolean,
  timeLimitMs: number,
  progress: (p: Omit<AssignmentProgress, 'elapsedMs'>) => void,
): Promise<SolvedPairs> {
  const cost = (a: number, e: number) => costOf(pb.affinity, a, e)
  const real = (v: number) => (pb.lockedCost + v) / pb.affinity.scale
  const tol = 1e-6 * Math.max(1, Math.abs(pb.affinity.maxCost), Math.abs(pb.affinity.minCost))
  const def = pb.affinity.defaultCost
  let columnRounds = 0
  // The country rows are many and rarely bind: they join per application once a solution breaks the rule there.
  const countryApps = new Uint8Array(pb.A)
  const countryOrder: number[] = []
  // The LP stays loaded between rounds that only add country rows: HiGHS then restarts from its last basis.
  let live: LiveLp | undefined
  const grow = () => {
    live?.model.dispose()
    live = undefined
  }
  for (let round = 1; ; round++) {
    // 1. The LP over the candidates; its duals bound the whole problem (pairs left out add their positive gains).
    const m = buildMilp(pb, cand, cost, countryOrder)
    progress({ phase: 'lp', modelledPairs: m.numCols })
    live = await solveLp(m, live)
    const lp = live.result
    if (!lp.feasible) {
      grow()
      if (pruned && enlarge()) continue
      throw new DomainError('assignment_infeasible', 'No assignment meets every need, load bound and panel rule.', {
        demand: pb.demand,
      })
    }
    const y = lp.y
    let bound = modelDualValue(m, y)
    const bonus = new Float64Array(pb.A)
    for (let a = 0; a < pb.A; a++) if (m.pracRow[a]! >= 0) bonus[a] = Math.max(0, -y[m.pracRow[a]!]!)
    const countryBonus = new Float64Array(pb.A)
    for (const [key, row] of m.countryRow) {
      const a = Math.floor(key / m.countries)
      countryBonus[a] = Math.max(countryBonus[a]!, -y[row]!)
    }
    const expertTerm = Float64Array.from({ length: pb.E }, (_, e) => y[m.expRow[e]!]!)
    const price = (threshold: number, fn: (a: number, e: number, g: number) => void) =>
      pricePruned(
        pb,
        cand,
        threshold,
        (a, e, c) => reducedCost(pb, m, y, a, e, c),
        (a) => def - y[m.appRow[a]!]! + bonus[a]! + countryBonus[a]!,
        expertTerm,
        fn,
      )
    if (pruned) {
      progress({ phase: 'price', modelledPairs: m.numCols })
      // Column generation first: while pairs left out could raise the LP by 1 or more (a whole unit of the scaled
      // costs: below that, an integral LP solution is already proven optimal), the best few per application join and
      // the LP is solved again (at most 3 such rounds; step 3 brings in the rest).
      const lpValue = bound
      const gains = new Map<number, { e: number; g: number }[]>()
      price(0, (a, e, g) => {
        if (g <= 0) return
        bound += g
        if (g <= tol) return
        const l = gains.get(a)
        if (l) l.push({ e, g })
        else gains.set(a, [{ e, g }])
      })
      if (bound - lpValue >= 1 - tol && gains.size > 0 && columnRounds++ < 3) {
        const add: { a: number; e: number }[] = []
        for (const [a, l] of gains) for (const { e } of l.sort((p, q) => q.g - p.g).slice(0, 5)) add.push({ a, e })
        grow()
        addCandidates(cand, add)
        continue
      }
    }
    // 2. Branch and cut over the candidates, unless the LP's vertex is integral already (then it is the optimum of
    //    the candidates' integer programme: its value equals the LP's).
    const integral = lp.x.every((v) => Math.abs(v - Math.round(v)) <= 1e-7)
    progress({ phase: 'milp', modelledPairs: m.numCols, upperBound: real(bound) })
    const mip: Mip = integral
      ? { status: 'optimal', x: lp.x, gap: 0 }
      : await solveMip(m, timeLimitMs, (objective, upper) =>
          progress({ phase: 'milp', objective: real(objective), upperBound: real(Math.min(bound, upper)) }),
        )
    if (mip.status === 'infeasible' || !mip.x) {
      grow()
      if (mip.status === 'infeasible' && pruned && enlarge()) continue
      throw new DomainError(
        'assignment_infeasible',
        mip.status === 'infeasible'
          ? 'No assignment meets every need, load bound and panel rule.'
          : 'The solver found no assignment in the time allowed.',
        { demand: pb.demand, solver: mip.status },
      )
    }
    const pairs: { a: number; e: number }[] = []
    let total = 0
    for (let j = 0; j < m.numCols; j++)
      if (mip.x[j]! > 0.5) {
        pairs.push({ a: m.colApp[j]!, e: m.colExp[j]! })
        total += m.cost[j]!
      }
    if (pb.onePerCountry) {
      const seen = new Map<number, number>()
      let broken = 0
      for (const { a, e } of pairs) {
        const c = pb.expCountry[e]!
        if (c < 0) continue
        const key = a * pb.NC + c
        if (seen.has(key) && !countryApps[a]) {
          countryApps[a] = 1
          countryOrder.push(a)
          broken++
        }
        seen.set(key, 1)
      }
      if (broken > 0) continue
    }
    // 3. Could a pair left out be part of a better solution? (Whole-number costs: better means ≥ total + 1.)
    const target = total + 1 - tol
    const byApp = new Map<number, { e: number; g: number }[]>()
    if (pruned && bound >= target)
      price(target - bound, (a, e, g) => {
        if (bound - Math.max(0, g) + g < target) return
        const l = byApp.get(a)
        if (l) l.push({ e, g })
        else byApp.set(a, [{ e, g }])
      })
    if (byApp.size > 0) {
      const add: { a: number; e: number }[] = []
      for (const [a, l] of byApp) for (const { e } of l.sort((p, q) => q.g - p.g).slice(0, 20)) add.push({ a, e })
      grow()
      addCandidates(cand, add)
      continue
    }
    grow()
    return {
      pairs,
      cost: total,
      bound: Math.max(total, bound),
      rounds: round,
      modelledPairs: candidateCount(cand),
      mipGap: mip.gap,
      optimal: mip.status === 'optimal',
    }
  }
}
