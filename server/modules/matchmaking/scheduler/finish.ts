// From a final schedule to the organiser's answer: a table number for every meeting (the fixed table where one was
// set by hand, otherwise the lowest free number of the slot), the reason each left-out request could not be placed,
// and a counting upper bound for when no LP is solved.
import type { Problem } from './problem.ts'
import type { ScheduleState } from './state.ts'
import type { ScheduledMeeting, UnscheduledRequest } from './types.ts'

export function tableMeetings(pb: Problem, st: ScheduleState): ScheduledMeeting[] {
  const { R, S, fixedSlot, fixedTable, tablesTotal, requestIds, slotIds } = pb
  const taken = Array.from({ length: S }, (_, s) => new Uint8Array(tablesTotal[s]! + 1))
  const next = new Int32Array(S).fill(1)
  const meetings: ScheduledMeeting[] = []
  for (let r = 0; r < R; r++) {
    if (fixedSlot[r] !== -1 && fixedTable[r]! > 0) taken[fixedSlot[r]!]![fixedTable[r]!] = 1
  }
  const place = (r: number, s: number, fixed: boolean) => {
    let table = fixed ? fixedTable[r]! : 0
    if (table === 0) {
      while (taken[s]![next[s]!]) next[s]!++
      table = next[s]!
      taken[s]![table] = 1
    }
    meetings.push({ request: requestIds[r]!, slot: slotIds[s]!, table, fixed })
  }
  for (let r = 0; r < R; r++) if (fixedSlot[r] !== -1) place(r, fixedSlot[r]!, true)
  for (let r = 0; r < R; r++) if (st.slotOf[r] !== -1) place(r, st.slotOf[r]!, false)
  return meetings
}

/** Why each request without a meeting has none, read from the final schedule. */
export function unscheduledReasons(pb: Problem, st: ScheduleState): UnscheduledRequest[] {
  const { R, S, a, b, available, tablesTotal, tables, capacity, fixedSlot, noCommonSlot, requestIds, participantIds } =
    pb
  const out: UnscheduledRequest[] = []
  for (let r = 0; r < R; r++) {
    if (fixedSlot[r] !== -1 || st.slotOf[r] !== -1) continue
    const request = requestIds[r]!
    if (noCommonSlot[r]) {
      out.push({ request, reason: 'no_common_slot' })
      continue
    }
    const full = [a[r]!, b[r]!].find((p) => st.count[p]! >= capacity[p]!)
    if (full !== undefined) {
      out.push({ request, reason: 'max_meetings', participant: participantIds[full]! })
      continue
    }
    let busy = 0
    let tablesOut = 0
    for (let s = 0; s < S; s++) {
      if (!available[a[r]! * S + s] || !available[b[r]! * S + s] || tablesTotal[s] === 0) continue
      if (st.busy[a[r]! * S + s] !== -1 || st.busy[b[r]! * S + s] !== -1) busy++
      else if (st.load[s]! >= tables[s]!) tablesOut++
    }
    out.push({ request, reason: tablesOut === 0 ? 'participants_busy' : busy === 0 ? 'tables_full' : 'no_free_slot' })
  }
  return out
}

/**
 * Counting bound on the free requests' weight: the heaviest requests that fit in the free tables, and half the
 * sum over participants of their heaviest requests up to their limit (each meeting counts for two). Valid, weaker
 * than the LP.
 */
export function countingBound(pb: Problem): number {
  const { R, S, P, a, b, weight, candStart, tables, capacity, available } = pb
  const free: number[] = []
  const perPerson: number[][] = Array.from({ length: P }, () => [])
  for (let r = 0; r < R; r++) {
    if (candStart[r + 1]! === candStart[r]!) continue
    free.push(weight[r]!)
    perPerson[a[r]!]!.push(weight[r]!)
    perPerson[b[r]!]!.push(weight[r]!)
  }
  const desc = (x: number, y: number) => y - x
  free.sort(desc)
  let totalTables = 0
  for (let s = 0; s < S; s++) totalTables += tables[s]!
  let byTables = 0
  for (let i = 0; i < Math.min(totalTables, free.length); i++) byTables += free[i]!
  let byPeople = 0
  for (let p = 0; p < P; p++) {
    let slots = 0
    for (let s = 0; s < S; s++) slots += available[p * S + s]!
    const list = perPerson[p]!.sort(desc)
    const k = Math.min(list.length, capacity[p]!, slots)
    for (let i = 0; i < k; i++) byPeople += list[i]!
  }
  return Math.min(byTables, byPeople / 2)
}
