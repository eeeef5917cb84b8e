// First schedule: requests by decreasing weight (ties: fewest candidate slots first), each put in the candidate slot
// that hurts the requests still waiting least — the slot the two participants' other pending requests need least,
// then the emptiest one. Linear in the number of (request, candidate slot) pairs plus a sort.
import type { Problem } from './problem.ts'
import type { ScheduleState } from './state.ts'

/** Requests with at least one candidate slot, in greedy order. */
export function greedyOrder(pb: Problem, prefer?: Float64Array): Int32Array {
  const { R, candStart, weight } = pb
  const order: number[] = []
  for (let r = 0; r < R; r++) if (candStart[r + 1]! > candStart[r]!) order.push(r)
  order.sort((x, y) => {
    const dw = weight[y]! - weight[x]!
    if (dw !== 0) return dw
    if (prefer) {
      const dp = prefer[y]! - prefer[x]!
      if (dp !== 0) return dp
    }
    const dc = candStart[x + 1]! - candStart[x]! - (candStart[y + 1]! - candStart[y]!)
    return dc !== 0 ? dc : x - y
  })
  return Int32Array.from(order)
}

/**
 * Schedules the requests of `order` one by one. `hint` (optional) gives a preferred slot per request, tried first
 * (e.g. from the LP relaxation).
 */
export function greedy(state: ScheduleState, order: Int32Array, hint?: Int32Array): void {
  const pb = state.pb
  const { S, a, b, candStart, cand, tables } = pb
  // demand[p * S + s]: requests of p not yet placed that could use slot s.
  const demand = new Int32Array(pb.P * S)
  const slotDemand = new Float64Array(S)
  for (const r of order) {
    for (let k = candStart[r]!; k < candStart[r + 1]!; k++) {
      const s = cand[k]!
      demand[a[r]! * S + s]! += 1
      demand[b[r]! * S + s]! += 1
      slotDemand[s]! += 1
    }
  }
  for (const r of order) {
    const pa = a[r]! * S
    const pb2 = b[r]! * S
    const from = candStart[r]!
    const to = candStart[r + 1]!
    for (let k = from; k < to; k++) {
      const s = cand[k]!
      demand[pa + s]! -= 1
      demand[pb2 + s]! -= 1
      slotDemand[s]! -= 1
    }
    if (state.slotOf[r] !== -1) continue
    const h = hint ? hint[r]! : -1
    if (h !== -1 && state.canAssign(r, h)) {
      state.assign(r, h)
      continue
    }
    let best = -1
    let bestScore = Number.POSITIVE_INFINITY
    for (let k = from; k < to; k++) {
      const s = cand[k]!
      if (!state.canAssign(r, s)) continue
      const free = tables[s]! - state.load[s]!
      const score = demand[pa + s]! + demand[pb2 + s]! + slotDemand[s]! / free / 64
      if (score < bestScore) {
        bestScore = score
        best = s
      }
    }
    if (best !== -1) state.assign(r, best)
  }
}
