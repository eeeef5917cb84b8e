// Ways to build a schedule: greedy then local improvement; rounding an LP solution (its whole values first, then
// greedy towards the slots it prefers, then improvement); reading a MIP solution. Each ends maximal: every request
// that still fits somewhere is placed.
import { greedy, greedyOrder } from './greedy.ts'
import { Improver } from './improve.ts'
import type { Model } from './model.ts'
import type { Problem } from './problem.ts'
import { ScheduleState } from './state.ts'

const EPS = 1e-9

/** Fills every request that still fits anywhere, so that the schedule is maximal. */
export function fill(st: ScheduleState): void {
  greedy(st, greedyOrder(st.pb))
}

/** Greedy, then local improvement for at most `improveMs`. */
export function firstSchedule(pb: Problem, improveMs: number): ScheduleState {
  const st = new ScheduleState(pb)
  greedy(st, greedyOrder(pb))
  new Improver(st).run(performance.now() + improveMs)
  fill(st)
  return st
}

/** Schedule from an LP solution: its (near-)whole values, then greedy towards its preferred slots, then improvement. */
export function roundLp(pb: Problem, m: Model, x: Float64Array, improveMs: number): ScheduleState {
  const st = new ScheduleState(pb)
  const cols = Array.from({ length: m.numCols }, (_, j) => j).filter((j) => x[j]! > 0.5)
  cols.sort((i, j) => x[j]! - x[i]! || pb.weight[m.colReq[j]!]! - pb.weight[m.colReq[i]!]!)
  for (const j of cols)
    if (st.slotOf[m.colReq[j]!] === -1 && st.canAssign(m.colReq[j]!, m.colSlot[j]!))
      st.assign(m.colReq[j]!, m.colSlot[j]!)
  const hint = new Int32Array(pb.R).fill(-1)
  const mass = new Float64Array(pb.R)
  const best = new Float64Array(pb.R)
  for (let j = 0; j < m.numCols; j++) {
    const r = m.colReq[j]!
    mass[r]! += x[j]!
    if (x[j]! > best[r]! + EPS) {
      best[r] = x[j]!
      hint[r] = m.colSlot[j]!
    }
  }
  greedy(st, greedyOrder(pb, mass), hint)
  new Improver(st).run(performance.now() + improveMs)
  fill(st)
  return st
}

/** Schedule from a 0/1 vector over the model's columns (a MIP solution); undefined if it breaks a rule. */
export function fromColumns(pb: Problem, m: Model, x: Float64Array): ScheduleState | undefined {
  const st = new ScheduleState(pb)
  for (let j = 0; j < m.numCols; j++) {
    if (x[j]! < 0.5) continue
    const r = m.colReq[j]!
    if (st.slotOf[r] !== -1 || !st.canAssign(r, m.colSlot[j]!)) return undefined
    st.assign(r, m.colSlot[j]!)
  }
  fill(st)
  return st
}

/** A schedule as a 0/1 vector over the model's columns (a MIP start). */
export function toVector(m: Model, st: ScheduleState): Float64Array {
  const x = new Float64Array(m.numCols)
  for (let j = 0; j < m.numCols; j++) if (st.slotOf[m.colReq[j]!] === m.colSlot[j]) x[j] = 1
  return x
}
