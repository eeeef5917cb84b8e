// The central scheduler of a brokerage event. Steps:
// 1. check the input and the fixed meetings (problem.ts);
// 2. a first schedule by greedy placement and local improvement (greedy.ts, improve.ts), in about a second;
// 3. the LP relaxation through HiGHS (model.ts): its optimum, made safe by weak duality, is the upper bound; its
//    solution is rounded and improved (construct.ts), and the better schedule is kept. Small models: dual simplex.
//    Large ones: PDLP first (fast, interior), then, within the time budget (default 8 s), the dual simplex, whose
//    vertex is nearly integral on such events. (Running the simplex on a second thread meanwhile was tried: on a
//    busy machine both then ran slower, past 10 s.)
// 4. on small events (few variables) with a gap left, the integer programme itself is solved (HiGHS branch and
//    cut, warm-started from the best schedule), which proves the optimum.
// Solver runs are synchronous and block this thread: in the server, use scheduleMeetingsInWorker (in-worker.ts).
import { fill, firstSchedule, fromColumns, roundLp, toVector } from './construct.ts'
import { countingBound, tableMeetings, unscheduledReasons } from './finish.ts'
import { buildModel, type LpMethod, type LpResult, solveLp, solveMip } from './model.ts'
import { buildProblem } from './problem.ts'
import type { ScheduleState } from './state.ts'
import type { BoundKind, SchedulingInput, SchedulingMethod, SchedulingOptions, SchedulingResult } from './types.ts'

const EPS = 1e-6

export async function scheduleMeetings(
  input: SchedulingInput,
  options: SchedulingOptions = {},
): Promise<SchedulingResult> {
  const t0 = performance.now()
  const elapsedMs = () => performance.now() - t0
  const budgetMs = options.timeBudgetMs ?? 8000
  const remainingMs = () => budgetMs - elapsedMs()
  const report = options.onProgress
  report?.({ phase: 'validate', elapsedMs: 0 })
  const pb = buildProblem(input)
  const improveMs = () => Math.max(50, Math.min(options.improveTimeLimitMs ?? 1000, remainingMs() / 8))

  // Half the improvement time when an LP follows: rounding its solution usually does better.
  let best: ScheduleState = firstSchedule(pb, options.skipLp ? improveMs() : improveMs() / 2)
  let bound = countingBound(pb)
  let boundKind: BoundKind = 'combinatorial'
  let method: SchedulingMethod = 'heuristic'
  const progress = (phase: 'greedy' | 'bound' | 'improve') =>
    report?.({
      phase,
      elapsedMs: elapsedMs(),
      objective: pb.fixedWeight + best.weight,
      upperBound: pb.fixedWeight + bound,
    })
  const gap = () => best.weight < bound - EPS
  progress('greedy')

  if (!options.skipLp && gap()) {
    const m = buildModel(pb)
    const applyLp = (lp: LpResult, method: LpMethod) => {
      if (lp.bound <= bound) {
        bound = lp.bound
        boundKind = 'lp'
      }
      progress('bound')
      // A simplex stopped by the time limit leaves a basis that is not primal feasible: nothing to round.
      if (!gap() || (method === 'simplex' && !lp.optimal)) return
      const rounded = roundLp(pb, m, lp.x, improveMs())
      if (rounded.weight > best.weight + EPS) best = rounded
      progress('improve')
    }
    const large = m.numCols > (options.pdlpMinVariables ?? 20_000)
    const first: LpMethod = options.lpMethod ?? (large ? 'pdlp' : 'simplex')
    // Heartbeat during the simplex: at most one progress report every half second.
    let lastTick = elapsedMs()
    const tick = () => {
      if (elapsedMs() - lastTick < 500) return
      lastTick = elapsedMs()
      report?.({
        phase: 'bound',
        elapsedMs: lastTick,
        objective: pb.fixedWeight + best.weight,
        upperBound: pb.fixedWeight + bound,
      })
    }
    applyLp(await solveLp(m, first, Math.max(1000, remainingMs()), report && tick), first)
    if (first === 'pdlp' && gap() && remainingMs() > 1500)
      applyLp(await solveLp(m, 'simplex', remainingMs(), report && tick), 'simplex')
    if (gap() && m.numCols <= (options.exactMaxVariables ?? 5000)) {
      method = 'milp'
      const limitMs = options.exactTimeLimitMs ?? Math.max(2000, remainingMs())
      const mip = await solveMip(m, toVector(m, best), limitMs, (objective, upper) =>
        report?.({
          phase: 'milp',
          elapsedMs: elapsedMs(),
          objective: pb.fixedWeight + objective,
          upperBound: pb.fixedWeight + Math.min(bound, upper),
        }),
      )
      const found = mip.x ? fromColumns(pb, m, mip.x) : undefined
      if (found && found.weight > best.weight + EPS) best = found
      if (mip.optimal && found) {
        bound = best.weight
        boundKind = 'exact'
      } else if (mip.dualBound < bound) bound = mip.dualBound
    }
  }
  fill(best)
  if (best.weight >= bound - EPS) bound = best.weight
  // Sums of fractional weights drift in the last bits: tidy to 1e-9 (the bound upwards, so it stays a bound).
  const objective = Math.round((pb.fixedWeight + best.weight) * 1e9) / 1e9
  const upperBound = Math.max(objective, Math.ceil((pb.fixedWeight + bound) * 1e9) / 1e9)
  const result: SchedulingResult = {
    meetings: tableMeetings(pb, best),
    unscheduled: unscheduledReasons(pb, best),
    objective,
    upperBound,
    boundKind,
    ratio: upperBound > 0 ? objective / upperBound : 1,
    method,
    timeMs: Math.round(elapsedMs()),
  }
  report?.({ phase: 'done', elapsedMs: elapsedMs(), objective, upperBound })
  return result
}
