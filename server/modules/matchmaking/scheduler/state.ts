// A schedule under construction: which slot each free request has, who is busy when, how many tables each slot
// uses and how many meetings each participant has. Every change goes through assign/unassign, which keep the
// counters exact, so the heuristics can try moves and undo them cheaply. Fixed meetings are held apart: they
// block their participant-slots (problem.fixedBusy) and were already taken out of the capacities.
import type { Problem } from './problem.ts'

export class ScheduleState {
  readonly pb: Problem
  /** Slot of each free request, -1 when unscheduled (fixed requests stay -1 here). */
  readonly slotOf: Int32Array
  /** busy[p * S + s]: the request participant p meets in slot s (fixed ones included), -1 when free. */
  readonly busy: Int32Array
  /** Free-request meetings per slot, and per participant. */
  readonly load: Int32Array
  readonly count: Int32Array
  /** Members of each slot, for finding a meeting to move out of a full slot: members[s][0 .. load[s]). */
  readonly members: Int32Array[]
  readonly #pos: Int32Array
  weight = 0
  scheduled = 0
  /** Tables still free over all slots: inserting a meeting without removing one needs at least one. */
  freeTables = 0

  constructor(pb: Problem) {
    this.pb = pb
    this.slotOf = new Int32Array(pb.R).fill(-1)
    this.busy = Int32Array.from(pb.fixedBusy)
    this.load = new Int32Array(pb.S)
    this.count = new Int32Array(pb.P)
    this.members = Array.from(pb.tables, (t) => new Int32Array(Math.max(0, t)))
    this.#pos = new Int32Array(pb.R).fill(-1)
    for (let s = 0; s < pb.S; s++) this.freeTables += Math.max(0, pb.tables[s]!)
  }

  /** Both participants free in s, a table left, and both under their maximum. */
  canAssign(r: number, s: number): boolean {
    const { a, b, S, capacity, tables } = this.pb
    const pa = a[r]!
    const pb = b[r]!
    return (
      this.busy[pa * S + s] === -1 &&
      this.busy[pb * S + s] === -1 &&
      this.load[s]! < tables[s]! &&
      this.count[pa]! < capacity[pa]! &&
      this.count[pb]! < capacity[pb]!
    )
  }

  assign(r: number, s: number): void {
    const { a, b, S, weight } = this.pb
    const pa = a[r]!
    const pb = b[r]!
    this.slotOf[r] = s
    this.busy[pa * S + s] = r
    this.busy[pb * S + s] = r
    this.count[pa]! += 1
    this.count[pb]! += 1
    const members = this.members[s]!
    const at = this.load[s]!
    members[at] = r
    this.#pos[r] = at
    this.load[s] = at + 1
    this.weight += weight[r]!
    this.scheduled++
    this.freeTables--
  }

  unassign(r: number): void {
    const { a, b, S, weight } = this.pb
    const s = this.slotOf[r]!
    const pa = a[r]!
    const pb = b[r]!
    this.slotOf[r] = -1
    this.busy[pa * S + s] = -1
    this.busy[pb * S + s] = -1
    this.count[pa]! -= 1
    this.count[pb]! -= 1
    const members = this.members[s]!
    const last = this.load[s]! - 1
    const at = this.#pos[r]!
    const moved = members[last]!
    members[at] = moved
    this.#pos[moved] = at
    this.#pos[r] = -1
    this.load[s] = last
    this.weight -= weight[r]!
    this.scheduled--
    this.freeTables++
  }

  /** Meetings of participant p (free requests only), by scanning the slots. */
  meetingsOf(p: number, out: number[]): number[] {
    out.length = 0
    const { S, fixedSlot } = this.pb
    for (let s = 0; s < S; s++) {
      const r = this.busy[p * S + s]!
      if (r !== -1 && fixedSlot[r] === -1) out.push(r)
    }
    return out
  }

  snapshot(): Int32Array {
    return Int32Array.from(this.slotOf)
  }

  restore(slots: Int32Array): void {
    for (let r = 0; r < this.pb.R; r++) if (this.slotOf[r] !== -1) this.unassign(r)
    for (let r = 0; r < this.pb.R; r++) if (slots[r] !== -1) this.assign(r, slots[r]!)
  }
}
