// The expert-assignment optimiser. Steps:
// 1. index and check the input (problem.ts): codes for every infeasibility that simple counting shows;
// 2. candidates (candidates.ts): all allowed pairs on small problems, each application's best ones on large problems;
// 3. without panel rules (or with only the excluded-countries rule, which removes every pair whose expert holds any
//    of the applicants' countries): min-cost flow (solve-flow.ts); with the practitioner or the one-per-country rule
//    (no two panel members sharing any of their countries): HiGHS branch and cut (solve-milp.ts). Both price the
//    pairs left out with their duals and bring back any that could matter, so the result is optimal over all pairs;
// 4. explanations per pair (explain.ts).
// Solver runs are synchronous: in the server, use assignExpertsInWorker (in-worker.ts).
import { type Candidates, selectCandidates } from './candidates.ts'
import { explainPairs } from './explain.ts'
import { buildProblem } from './problem.ts'
import { solveFlow } from './solve-flow.ts'
import { solveMilp } from './solve-milp.ts'
import type { AssignmentInput, AssignmentOptions, AssignmentProgress, AssignmentResult } from './types.ts'

export async function assignExperts(
  input: AssignmentInput,
  options: AssignmentOptions = {},
): Promise<AssignmentResult> {
  const t0 = performance.now()
  const elapsedMs = () => performance.now() - t0
  const progress = (p: Omit<AssignmentProgress, 'elapsedMs'>) => options.onProgress?.({ ...p, elapsedMs: elapsedMs() })
  progress({ phase: 'validate' })
  const pb = buildProblem(input)

  progress({ phase: 'prune' })
  let perApplication = options.candidatesPerApplication ?? Math.max(30, 10 * Math.max(0, ...pb.need))
  let everything = pb.allowedPairs <= (options.pruneAbove ?? 50_000) || perApplication >= pb.E
  const cand: Candidates = selectCandidates(pb, perApplication, everything)
  // When the candidates admit no assignment at all: twice as many per application, up to every allowed pair.
  const enlarge = () => {
    if (everything) return false
    perApplication *= 2
    everything = perApplication >= pb.E
    cand.splice(0, cand.length, ...selectCandidates(pb, perApplication, everything))
    return true
  }
  const useMilp = pb.practitionerRule || pb.onePerCountry
  const solved = useMilp
    ? await solveMilp(pb, cand, !everything, enlarge, options.mipTimeLimitMs ?? 300_000, progress)
    : solveFlow(pb, cand, !everything, enlarge, progress)

  progress({ phase: 'explain' })
  const pairs = explainPairs(input, pb, [...pb.locks, ...solved.pairs])
  const scale = pb.affinity.scale
  const objective = (pb.lockedCost + solved.cost) / scale
  const upperBound = (pb.lockedCost + solved.bound) / scale
  const result: AssignmentResult = {
    pairs,
    objective,
    upperBound,
    lpGap: (upperBound - objective) / Math.max(1, Math.abs(upperBound)),
    optimal: solved.optimal,
    mipGap: solved.mipGap,
    method: useMilp ? 'milp' : 'flow',
    allowedPairs: pb.allowedPairs,
    modelledPairs: solved.modelledPairs,
    rounds: solved.rounds,
    scale,
    timeMs: Math.round(elapsedMs()),
  }
  progress({ phase: 'done', objective, upperBound })
  return result
}
