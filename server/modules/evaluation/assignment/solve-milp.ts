// Assignment with panel rules: the integer programme of milp-model.ts through HiGHS (WebAssembly, synchronous).
// The one-per-country rows enter lazily: an application gets them once a solution (LP or integer) puts two experts
// sharing a country (any of their countries) on its panel, and the cuts of milp-model.ts once an LP solution breaks
// them (the model without them is a relaxation, so every bound below stays valid); the rounds go on.
// 1. LP relaxation over the candidates; its row duals price every pair left out. Pairs that would improve the LP
//    join the model and the LP is solved again, until none does: W(y) is then an upper bound for the whole problem.
// 2. An integral LP solution is the candidates' optimum. A fractional one goes to branch and cut (branchAndCut): a
//    first solution z1, then the programme over the pairs that could beat it (modelled or left out), by the duals.
// 3. Proof over the pairs left out (integral LP): a solution using pair j is worth at most W(y) − max(0, rc_j) + rc_j;
//    when that is below the incumbent + 1 for every such pair, no better solution exists anywhere. Otherwise those
//    pairs join and the rounds go on.
import type { Highs } from 'highs'
import { DomainError } from '../../../platform/errors.ts'
import { costOf } from './affinity.ts'
import { addCandidates, type Candidates, candidateCount, pricePruned } from './candidates.ts'
import {
  buildMilp,
  type CountryCut,
  columnReducedCost,
  cutBounds,
  cutCoefficient,
  type LazyRows,
  type MilpModel,
  maxAbsCoefficient,
  modelDualValue,
  reducedCost,
  type ZeroHalfCut,
} from './milp-model.ts'
import { expertCountries, type Problem } from './problem.ts'
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
    colLower: m.fixed ? Float64Array.from(m.fixed) : new Float64Array(m.numCols),
    colUpper: new Float64Array(m.numCols).fill(1),
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: {
      format: 'csc' as const,
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
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
  const perRowValues: number[][] = Array.from({ length: count }, () => [])
  for (let j = 0; j < m.numCols; j++)
    for (let k = m.starts[j]!; k < m.starts[j + 1]!; k++)
      if (m.indices[k]! >= from) {
        perRow[m.indices[k]! - from]!.push(j)
        perRowValues[m.indices[k]! - from]!.push(m.values[k]!)
      }
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
      values: Float64Array.from(perRowValues.flat()),
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

/** `start`: the columns of a known solution (a MIP start). */
async function solveMip(
  m: MilpModel,
  timeLimitMs: number,
  onImprove: (obj: number, bound: number) => void,
  start?: readonly number[],
) {
  const highs = await loadHighs()
  const model = highs.createModel(modelData(highs, m, true))
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitMs / 1000, mip_rel_gap: 0, mip_abs_gap: 0.99 })
    if (start) {
      const colValue = new Float64Array(m.numCols)
      for (const j of start) colValue[j] = 1
      model.setSolution({ colValue })
    }
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
  // The country rows are many and rarely bind: they join per application once a solution breaks the rule there
  // (an LP solution or an integer one), and cuts after them (milp-model.ts).
  const countryApps = new Uint8Array(pb.A)
  const lazy: (number | CountryCut)[] = []
  const cutKeys = new Set<string>()
  // The LP stays loaded between rounds that only add country rows: HiGHS then restarts from its last basis.
  let live: LiveLp | undefined
  const grow = () => {
    live?.model.dispose()
    live = undefined
  }
  for (let round = 1; ; round++) {
    // 1. The LP over the candidates; its duals bound the whole problem (pairs left out add their positive gains).
    const m = buildMilp(pb, cand, cost, lazy)
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
    // A pair enters some of its application's country rows (coefficient 1) and cut rows (any sign): its gain is at
    // most the sum of max(0, −y) over the country rows and of |y| × the largest |coefficient| over the cut rows.
    const countryBonus = new Float64Array(pb.A)
    for (const [key, row] of m.countryRow) countryBonus[Math.floor(key / m.countries)]! += Math.max(0, -y[row]!)
    for (const [a, list] of m.cutRows)
      for (const { row, cut } of list) countryBonus[a]! += Math.abs(y[row]!) * maxAbsCoefficient(cut)
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
    const integral = lp.x.every((v) => Math.abs(v - Math.round(v)) <= 1e-7)
    if (pruned) {
      progress({ phase: 'price', modelledPairs: m.numCols })
      // Column generation first: while pairs left out could raise the LP by 1 or more (a whole unit of the scaled
      // costs: below that, an integral LP solution is already proven optimal), the best few per application join and
      // the LP is solved again (at most 3 such rounds while the LP is integral, step 3 bringing in the rest; up to
      // 20 while it is fractional, as branch and cut must then beat this bound).
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
      if (bound - lpValue >= 1 - tol && gains.size > 0 && columnRounds++ < (integral ? 3 : 20)) {
        const add: { a: number; e: number }[] = []
        for (const [a, l] of gains) for (const { e } of l.sort((p, q) => q.g - p.g).slice(0, 5)) add.push({ a, e })
        grow()
        addCandidates(cand, add)
        continue
      }
    }
    // The LP solution breaks the country rule, or a cut: the rows join and the LP is solved again (from its basis),
    // before any branch and cut.
    if (pb.onePerCountry && separate(pb, m, lp.x, countryApps, cutKeys, lazy) > 0) continue
    // 2. Branch and cut, unless the LP's vertex is integral already (then it is the optimum of the candidates'
    //    integer programme: its value equals the LP's). A fractional LP has a gap that its duals cannot close, so
    //    branchAndCut settles the pairs left out too, under these duals (no further LP rounds).
    progress({ phase: 'milp', modelledPairs: m.numCols, upperBound: real(bound) })
    const onImprove = (objective: number) =>
      progress({ phase: 'milp', objective: real(objective), upperBound: real(bound) })
    const {
      mip,
      model: mm,
      proofPairs,
      proved,
    } = integral
      ? { mip: { status: 'optimal', x: lp.x, gap: 0 } as Mip, model: m, proofPairs: [], proved: false }
      : await branchAndCut(
          pb,
          m,
          lazy,
          countryApps,
          cost,
          y,
          lp.x,
          bound,
          pruned ? price : undefined,
          tol,
          timeLimitMs,
          onImprove,
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
    for (let j = 0; j < mm.numCols; j++)
      if (mip.x[j]! > 0.5) {
        pairs.push({ a: mm.colApp[j]!, e: mm.colExp[j]! })
        total += mm.cost[j]!
      }
    if (pb.onePerCountry) {
      const seen = new Map<number, number>()
      let broken = 0
      for (const { a, e } of pairs)
        for (const c of expertCountries(pb, e)) {
          const key = a * pb.NC + c
          if (seen.has(key) && !countryApps[a]) {
            countryApps[a] = 1
            lazy.push(a)
            broken++
          }
          seen.set(key, 1)
        }
      if (broken > 0) {
        // The pairs that branchAndCut brought in stay candidates.
        if (proofPairs.length > 0) {
          grow()
          addCandidates(cand, proofPairs)
        }
        continue
      }
    }
    // 3. Could a pair left out be part of a better solution? (Whole-number costs: better means ≥ total + 1.)
    const target = total + 1 - tol
    const byApp = new Map<number, { e: number; g: number }[]>()
    if (pruned && !proved && bound >= target)
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
    addCandidates(cand, proofPairs)
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

const EPS = 1e-6

/**
 * Branch and cut when the LP over m is fractional. y: its duals; bound = W(y) over every pair, modelled or not. A
 * solution using pair j is worth at most bound + min(0, rc_j), and one without it at most bound − max(0, rc_j). So
 * once a solution worth z1 is known, every better one (by 1 or more: whole-number costs) uses only the pairs with
 * bound + min(0, rc_j) ≥ z1 + 1, modelled or left out, and every column with bound − rc_j < z1 + 1: as the LP is
 * nearly integral, that leaves a small programme.
 * 1. A first solution: applications whose LP panel is integral keep it, the others may use their LP support and the
 *    columns priced within 2% of the cost range (failing that, every application may; failing that, the whole model,
 *    and no proof over the pairs left out).
 * 2. Branch and cut over the pairs that could beat it, those that must be used fixed, its solution as the start: the
 *    better of the two is optimal over every pair (`proved`: no pair left out needs pricing again).
 * Both programmes have the country rows of every application (not only those in `lazy`): their solutions meet the
 * rule, so z1 is an assignment and the result needs no further round.
 */
async function branchAndCut(
  pb: Problem,
  m: MilpModel,
  lazy: LazyRows,
  countryApps: Uint8Array,
  cost: (a: number, e: number) => number,
  y: Float64Array,
  x: Float64Array,
  bound: number,
  price: ((threshold: number, fn: (a: number, e: number, g: number) => void) => void) | undefined,
  tol: number,
  timeLimitMs: number,
  onImprove: (objective: number) => void,
): Promise<{ mip: Mip; model: MilpModel; proofPairs: { a: number; e: number }[]; proved: boolean }> {
  const rc = new Float64Array(m.numCols)
  const fractional = new Uint8Array(pb.A)
  let maxCost = 0
  let minCost = 0
  for (let j = 0; j < m.numCols; j++) {
    const r = columnReducedCost(m, y, j)
    rc[j] = r
    maxCost = Math.max(maxCost, m.cost[j]!)
    minCost = Math.min(minCost, m.cost[j]!)
    if (x[j]! > EPS && x[j]! < 1 - EPS) fractional[m.colApp[j]!] = 1
  }
  const near = -0.02 * Math.max(1, maxCost - minCost)
  const value = (sub: MilpModel, solution: Float64Array) => {
    let z = 0
    for (let j = 0; j < sub.numCols; j++) if (solution[j]! > 0.5) z += sub.cost[j]!
    return z
  }
  // A programme over some pairs, with the country rows of every application.
  const programme = (pairs: number[][]) => {
    const sub = pairs.map((l) => Int32Array.from(new Set(l)).sort())
    const all: (number | CountryCut)[] = [...lazy]
    for (let a = 0; a < pb.A; a++) if (!countryApps[a] && sub[a]!.length >= 2) all.push(a)
    return buildMilp(pb, sub, cost, all)
  }
  const columns = (keep: (j: number) => boolean) => {
    const pairs: number[][] = Array.from({ length: pb.A }, () => [])
    for (let j = 0; j < m.numCols; j++) if (keep(j)) pairs[m.colApp[j]!]!.push(m.colExp[j]!)
    return pairs
  }
  // 1. A first solution.
  let sub1 = programme(columns((j) => x[j]! > EPS || (fractional[m.colApp[j]!] === 1 && rc[j]! >= near)))
  let mip1 = await solveMip(sub1, timeLimitMs, onImprove)
  if (!mip1.x) {
    sub1 = programme(columns((j) => x[j]! > EPS || rc[j]! >= near))
    mip1 = await solveMip(sub1, timeLimitMs, onImprove)
  }
  if (!mip1.x) return { mip: await solveMip(m, timeLimitMs, onImprove), model: m, proofPairs: [], proved: false }
  const z1 = value(sub1, mip1.x)
  const target = z1 + 1 - tol
  // No solution is worth z1 + 1: z1 is optimal.
  if (bound < target) return { mip: { ...mip1, status: 'optimal', gap: 0 }, model: sub1, proofPairs: [], proved: true }
  // 2. The pairs that could beat z1, modelled and left out; the columns that every better solution uses.
  const proofPairs: { a: number; e: number }[] = []
  price?.(target - bound, (a, e, g) => {
    if (bound + Math.min(0, g) >= target) proofPairs.push({ a, e })
  })
  const cand2 = columns((j) => bound + Math.min(0, rc[j]!) >= target)
  const incumbent = new Set<number>()
  for (let j = 0; j < sub1.numCols; j++)
    if (mip1.x[j]! > 0.5) {
      cand2[sub1.colApp[j]!]!.push(sub1.colExp[j]!)
      incumbent.add(sub1.colApp[j]! * pb.E + sub1.colExp[j]!)
    }
  const must = new Set<number>()
  for (let j = 0; j < m.numCols; j++)
    if (rc[j]! > 0 && bound - rc[j]! < target) must.add(m.colApp[j]! * pb.E + m.colExp[j]!)
  for (const { a, e } of proofPairs) cand2[a]!.push(e)
  const sub2 = programme(cand2)
  const key = (j: number) => sub2.colApp[j]! * pb.E + sub2.colExp[j]!
  sub2.fixed = Uint8Array.from({ length: sub2.numCols }, (_, j) => (must.has(key(j)) ? 1 : 0))
  const start: number[] = []
  for (let j = 0; j < sub2.numCols; j++) if (incumbent.has(key(j))) start.push(j)
  const startFits = [...must].every((k) => incumbent.has(k))
  const mip2 = await solveMip(sub2, timeLimitMs, onImprove, startFits ? start : undefined)
  if (mip2.x && value(sub2, mip2.x) >= z1) return { mip: mip2, model: sub2, proofPairs, proved: true }
  // Nothing better than z1 where every better solution lies: proven when that solve ended (optimal, infeasible).
  const settled = mip2.status !== 'limit'
  return {
    mip: { ...mip1, status: settled ? 'optimal' : 'limit', gap: settled ? 0 : mip2.gap },
    model: sub1,
    proofPairs,
    proved: true,
  }
}

/**
 * Rows of the country rule that the LP solution x breaks (milp-model.ts): an application without its country rows
 * whose experts hold a country more than once in all gets them; an application with them gets
 * - the odd-set cuts on three countries {c, c1, c2} that x breaks, found from two fractional experts sharing c (c1
 *   and c2: one more country of each);
 * - under the practitioner rule, the practitioner cuts of its non-practitioner experts with several countries
 *   that x breaks;
 * - failing both, while its panel is fractional, a zero-half cut that x breaks.
 * Returns how many joined `lazy`.
 */
function separate(
  pb: Problem,
  m: MilpModel,
  x: Float64Array,
  countryApps: Uint8Array,
  cutKeys: Set<string>,
  lazy: (number | CountryCut)[],
): number {
  let added = 0
  const violated = (cut: CountryCut, cols: readonly number[], key: string) => {
    if (cutKeys.has(key)) return
    let lhs = 0
    for (const j of cols) lhs += x[j]! * cutCoefficient(pb, cut, m.colExp[j]!)
    if (lhs <= cutBounds(pb, cut)[1] + 1e-4) return
    cutKeys.add(key)
    lazy.push(cut)
    added++
  }
  const used = new Map<number, number>()
  const positive = new Map<number, number[]>()
  for (let j = 0; j < m.numCols; j++) {
    if (x[j]! <= EPS) continue
    const a = m.colApp[j]!
    const e = m.colExp[j]!
    const l = positive.get(a)
    if (l) l.push(j)
    else positive.set(a, [j])
    if (!countryApps[a])
      for (const c of expertCountries(pb, e)) used.set(a * pb.NC + c, (used.get(a * pb.NC + c) ?? 0) + x[j]!)
  }
  for (const [a, cols] of positive) {
    if (!countryApps[a]) continue
    const fractional = cols.filter((j) => x[j]! < 1 - EPS && expertCountries(pb, m.colExp[j]!).length >= 2)
    for (let p = 0; p < fractional.length; p++)
      for (let q = p + 1; q < fractional.length; q++) {
        const c1s = expertCountries(pb, m.colExp[fractional[p]!]!)
        const c2s = expertCountries(pb, m.colExp[fractional[q]!]!)
        for (const c of c1s) {
          if (!c2s.includes(c)) continue
          for (const c1 of c1s)
            for (const c2 of c2s) {
              if (c1 === c || c2 === c || c2s.includes(c1) || c1s.includes(c2)) continue
              const countries = Int32Array.from([c, c1, c2]).sort()
              violated({ kind: 'odd_set', a, countries, upper: 1 }, cols, `${a}:${countries.join(',')}`)
            }
        }
      }
    const before = added
    if (m.pracRow[a]! >= 0)
      for (const j of cols) {
        const e = m.colExp[j]!
        if (!pb.practitioner[e] && expertCountries(pb, e).length >= 2)
          violated({ kind: 'practitioner', a, e }, cols, `${a}:p${e}`)
      }
    // Nothing above and a fractional panel: a zero-half cut over the application's rows.
    if (added === before && cols.some((j) => x[j]! < 1 - EPS)) {
      const cut = zeroHalfCut(pb, m, x, a, cols)
      if (cut) violated(cut, cols, zeroHalfKey(cut))
    }
  }
  for (const [key, total] of used) {
    const a = Math.floor(key / pb.NC)
    if (total > 1 + EPS && !countryApps[a]) {
      countryApps[a] = 1
      lazy.push(a)
      added++
    }
  }
  return added
}

/** A zero-half cut's identity: its rows and its experts at 1. */
function zeroHalfKey(cut: ZeroHalfCut): string {
  const inner = cut.cuts.map((c) => JSON.stringify(c, (_, v) => (v instanceof Int32Array ? [...v] : v)))
  return `${cut.a}:z${+cut.app}${+cut.prac}:${cut.countries.join(',')}:${inner.join(';')}:${cut.atOne.join(',')}`
}

const parity = (v: number) => ((Math.round(v) % 2) + 2) % 2

/**
 * A zero-half cut of application a that x breaks (milp-model.ts), or undefined. The rows of a that x meets with
 * equality (need; practitioners at their minimum 1; country rows at 1; cuts at their bound), taken modulo 2 over
 * its fractional columns: a combination whose columns all cancel and whose right-hand side, less the columns at 1,
 * is odd gives a cut that x breaks by ½ (Gaussian elimination over GF(2); a handful of rows and columns).
 */
function zeroHalfCut(
  pb: Problem,
  m: MilpModel,
  x: Float64Array,
  a: number,
  cols: readonly number[],
): ZeroHalfCut | undefined {
  const frac = cols.filter((j) => x[j]! < 1 - EPS)
  const ones = cols.filter((j) => x[j]! >= 1 - EPS)
  const bit = new Map(frac.map((j, i) => [j, 1n << BigInt(i)]))
  type Row = { vec: bigint; odd: number; side: number; app?: true; prac?: true; country?: number; cut?: CountryCut }
  const rows: Row[] = []
  const add = (r: Omit<Row, 'vec' | 'odd'>, coef: (j: number) => number) => {
    let vec = 0n
    let act = 0
    let one = 0
    for (const j of cols) {
      const v = coef(j)
      if (v === 0) continue
      act += v * x[j]!
      if (x[j]! >= 1 - EPS) one += v
      else if (v % 2 !== 0) vec ^= bit.get(j)!
    }
    if (Math.abs(act - r.side) > 1e-6 || vec === 0n) return
    rows.push({ ...r, vec, odd: parity(r.side - one) })
  }
  add({ side: pb.need[a]!, app: true }, () => 1)
  if (m.pracRow[a]! >= 0) add({ side: -1, prac: true }, (j) => -pb.practitioner[m.colExp[j]!]!)
  const countries = new Set<number>()
  for (const j of frac) for (const c of expertCountries(pb, m.colExp[j]!)) countries.add(c)
  for (const c of countries)
    if (m.countryRow.has(a * m.countries + c))
      add({ side: 1, country: c }, (j) => (expertCountries(pb, m.colExp[j]!).includes(c) ? 1 : 0))
  for (const { cut } of m.cutRows.get(a) ?? [])
    if (cut.kind !== 'zero_half')
      add({ side: cutBounds(pb, cut)[1], cut }, (j) => cutCoefficient(pb, cut, m.colExp[j]!))
  // Elimination mod 2, keeping each row's combination.
  const comb = rows.map((_, i) => 1n << BigInt(i))
  const pivot = new Uint8Array(rows.length)
  for (let b = 0; b < frac.length; b++) {
    const mask = 1n << BigInt(b)
    const p = rows.findIndex((r, i) => !pivot[i] && (r.vec & mask) !== 0n)
    if (p < 0) continue
    pivot[p] = 1
    rows.forEach((r, i) => {
      if (i === p || (r.vec & mask) === 0n) return
      r.vec ^= rows[p]!.vec
      r.odd ^= rows[p]!.odd
      comb[i] = comb[i]! ^ comb[p]!
    })
  }
  const found = rows.findIndex((r) => r.vec === 0n && r.odd === 1)
  if (found < 0) return undefined
  const chosen = rows.filter((_, i) => (comb[found]! >> BigInt(i)) & 1n)
  const cut: ZeroHalfCut = {
    kind: 'zero_half',
    a,
    app: chosen.some((r) => r.app),
    prac: chosen.some((r) => r.prac),
    countries: Int32Array.from(chosen.flatMap((r) => (r.country === undefined ? [] : [r.country]))).sort(),
    cuts: chosen.flatMap((r) => (r.cut ? [r.cut] : [])),
    atOne: new Int32Array(0),
    rhs: 0,
  }
  // Columns at 1 with an odd sum take x ≤ 1 (their coefficient rounds up, the right-hand side grows by one).
  const odd = ones.filter((j) => parity(rawSum(pb, cut, m.colExp[j]!)) === 1)
  cut.atOne = Int32Array.from(odd, (j) => m.colExp[j]!).sort()
  let side = 0
  for (const r of chosen) side += r.side
  cut.rhs = Math.floor((side + cut.atOne.length) / 2)
  return cut
}

/** The sum of the chosen rows' coefficients for expert e, before halving (without `atOne`). */
function rawSum(pb: Problem, cut: ZeroHalfCut, e: number): number {
  let t = (cut.app ? 1 : 0) - (cut.prac && pb.practitioner[e] ? 1 : 0)
  for (const c of expertCountries(pb, e)) if (cut.countries.includes(c)) t++
  for (const inner of cut.cuts) t += cutCoefficient(pb, inner, e)
  return t
}
