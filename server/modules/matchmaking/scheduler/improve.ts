// Local improvement of a schedule, by passes over the unscheduled requests (heaviest first) until a pass changes
// nothing or time runs out:
// 1. insertion with ejection chains: to put request r in slot s, the meetings that keep its participants busy in s
//    move to other slots (themselves moving their own blockers, up to a depth), and when s has no table left one of
//    its meetings moves to a slot that has one;
// 2. exchange: r takes slot s and the meetings in its way leave the schedule (the ones keeping its participants
//    busy in s, the lightest meeting of a participant at their maximum, the lightest meeting of a full slot); the
//    evicted ones are inserted again where they can, then the waiting requests of the participants they freed.
//    Kept only when the total weight rises (e.g. one meeting of weight 3 out, two of weight 2 in).
// Every move goes through a log so that a failed attempt is rolled back exactly. Each accepted step raises the
// objective, so the search ends. An insertion without eviction needs a free table somewhere: with none left (tables
// bind), only exchanges are tried.
import type { ScheduleState } from './state.ts'

interface Move {
  r: number
  from: number
  to: number
}

export class Improver {
  readonly st: ScheduleState
  readonly #log: Move[] = []
  readonly #inChain: Uint8Array
  readonly #scratch: number[] = []
  /** Set when the deadline passed: every search then fails fast. */
  #stopped = false
  #deadline = Number.POSITIVE_INFINITY
  #steps = 0

  /** Requests with candidate slots of each participant: personReq[personStart[p] .. personStart[p + 1]). */
  readonly #personStart: Int32Array
  readonly #personReq: Int32Array
  readonly #maxWeight: number

  constructor(st: ScheduleState) {
    this.st = st
    const { P, R, a, b, candStart, weight } = st.pb
    this.#inChain = new Uint8Array(R)
    const start = new Int32Array(P + 1)
    let maxWeight = 0
    for (let r = 0; r < R; r++) {
      if (candStart[r + 1] === candStart[r]) continue
      start[a[r]! + 1]! += 1
      start[b[r]! + 1]! += 1
      maxWeight = Math.max(maxWeight, weight[r]!)
    }
    for (let p = 0; p < P; p++) start[p + 1]! += start[p]!
    const fillAt = start.slice(0, P)
    const list = new Int32Array(start[P]!)
    for (let r = 0; r < R; r++) {
      if (candStart[r + 1] === candStart[r]) continue
      list[fillAt[a[r]!]!++] = r
      list[fillAt[b[r]!]!++] = r
    }
    this.#personStart = start
    this.#personReq = list
    this.#maxWeight = maxWeight
  }

  #move(r: number, to: number): void {
    const from = this.st.slotOf[r]!
    if (from !== -1) this.st.unassign(r)
    if (to !== -1) this.st.assign(r, to)
    this.#log.push({ r, from, to })
  }

  #rollback(mark: number): void {
    while (this.#log.length > mark) {
      const { r, from, to } = this.#log.pop()!
      if (to !== -1) this.st.unassign(r)
      if (from !== -1) this.st.assign(r, from)
    }
  }

  #timeUp(): boolean {
    if ((++this.#steps & 1023) === 0 && performance.now() > this.#deadline) this.#stopped = true
    return this.#stopped
  }

  /** Moves scheduled request m to another slot, not one of `avoid`, moving its blockers up to `depth` levels. */
  #relocate(m: number, avoid: number, depth: number): boolean {
    const { pb } = this.st
    const { S, a, b, candStart, cand, fixedSlot, tables } = pb
    const cur = this.st.slotOf[m]!
    this.#inChain[m] = 1
    try {
      for (let k = candStart[m]!; k < candStart[m + 1]!; k++) {
        const s = cand[k]!
        if (s === cur || s === avoid || this.#timeUp()) continue
        const qa = this.st.busy[a[m]! * S + s]!
        const qb = this.st.busy[b[m]! * S + s]!
        if (qa === -1 && qb === -1) {
          if (this.st.load[s]! < tables[s]!) {
            this.#move(m, s)
            return true
          }
          continue
        }
        if (depth === 0) continue
        if (
          (qa !== -1 && (fixedSlot[qa] !== -1 || this.#inChain[qa])) ||
          (qb !== -1 && (fixedSlot[qb] !== -1 || this.#inChain[qb]))
        )
          continue
        const mark = this.#log.length
        let ok = qa === -1 || this.#relocate(qa, s, depth - 1)
        if (ok && qb !== -1 && qb !== qa) ok = this.#relocate(qb, s, depth - 1)
        if (
          ok &&
          this.st.busy[a[m]! * S + s] === -1 &&
          this.st.busy[b[m]! * S + s] === -1 &&
          this.st.load[s]! < tables[s]!
        ) {
          this.#move(m, s)
          return true
        }
        this.#rollback(mark)
      }
      return false
    } finally {
      this.#inChain[m] = 0
    }
  }

  /** Frees a table in slot s by moving one of its meetings straight to a slot that has a free table. */
  #freeTable(s: number): boolean {
    const { S, a, b, candStart, cand, tables, fixedSlot } = this.st.pb
    const members = this.st.members[s]!
    for (let i = 0; i < this.st.load[s]!; i++) {
      const m = members[i]!
      if (fixedSlot[m] !== -1 || this.#inChain[m]) continue
      for (let k = candStart[m]!; k < candStart[m + 1]!; k++) {
        const t = cand[k]!
        if (t === s || this.st.load[t]! >= tables[t]!) continue
        if (this.st.busy[a[m]! * S + t] === -1 && this.st.busy[b[m]! * S + t] === -1) {
          this.#move(m, t)
          return true
        }
      }
    }
    return false
  }

  /** Schedules unscheduled request r without removing anything, moving meetings out of the way. */
  tryInsert(r: number, maxDepth: number): boolean {
    const { pb } = this.st
    const { S, a, b, candStart, cand, fixedSlot, tables, capacity } = pb
    const pa = a[r]!
    const pb2 = b[r]!
    if (this.st.count[pa]! >= capacity[pa]! || this.st.count[pb2]! >= capacity[pb2]!) return false
    // Moves keep the number of meetings: one more needs a free table somewhere.
    if (this.st.freeTables === 0) return false
    this.#inChain[r] = 1
    try {
      for (let depth = 0; depth <= maxDepth; depth++) {
        for (let k = candStart[r]!; k < candStart[r + 1]!; k++) {
          const s = cand[k]!
          if (this.#timeUp()) return false
          const qa = this.st.busy[pa * S + s]!
          const qb = this.st.busy[pb2 * S + s]!
          if ((qa !== -1 && fixedSlot[qa] !== -1) || (qb !== -1 && fixedSlot[qb] !== -1)) continue
          const blockers = (qa !== -1 ? 1 : 0) + (qb !== -1 && qb !== qa ? 1 : 0)
          if (depth === 0 && blockers > 0) continue
          const mark = this.#log.length
          let ok = qa === -1 || this.#relocate(qa, s, depth - 1)
          if (ok && qb !== -1 && qb !== qa) ok = this.#relocate(qb, s, depth - 1)
          if (ok && this.st.load[s]! >= tables[s]! && depth > 0) ok = this.#freeTable(s)
          if (ok && this.st.canAssign(r, s)) {
            this.#move(r, s)
            return true
          }
          this.#rollback(mark)
        }
      }
      return false
    } finally {
      this.#inChain[r] = 0
    }
  }

  /** The lightest meeting of participant p not in `skip` (ties: the one with most candidate slots). */
  #lightestOf(p: number, skip: number[]): number {
    const { weight, candStart } = this.st.pb
    let best = -1
    for (const q of this.st.meetingsOf(p, this.#scratch)) {
      if (skip.includes(q)) continue
      if (
        best === -1 ||
        weight[q]! < weight[best]! ||
        (weight[q] === weight[best] && candStart[q + 1]! - candStart[q]! > candStart[best + 1]! - candStart[best]!)
      )
        best = q
    }
    return best
  }

  #lightestIn(s: number, skip: number[]): number {
    const { weight, fixedSlot } = this.st.pb
    const members = this.st.members[s]!
    let best = -1
    for (let i = 0; i < this.st.load[s]!; i++) {
      const q = members[i]!
      if (fixedSlot[q] !== -1 || skip.includes(q)) continue
      if (best === -1 || weight[q]! < weight[best]!) best = q
    }
    return best
  }

  /** Tries the waiting requests of the participants of `freed` (heaviest first) in a free slot, without chains. */
  #insertNeighbours(freed: readonly number[], skip: number): void {
    const { a, b, weight, fixedSlot } = this.st.pb
    const waiting: number[] = []
    for (const q of freed) {
      for (const p of [a[q]!, b[q]!]) {
        for (let k = this.#personStart[p]!; k < this.#personStart[p + 1]!; k++) {
          const w = this.#personReq[k]!
          if (w !== skip && this.st.slotOf[w] === -1 && fixedSlot[w] === -1 && !waiting.includes(w)) waiting.push(w)
        }
      }
    }
    waiting.sort((x, y) => weight[y]! - weight[x]!)
    for (const w of waiting) this.tryInsert(w, 0)
  }

  /** Schedules r in place of the meetings in its way, reinserting them and their neighbours; kept if the weight rises. */
  tryExchange(r: number, maxDepth: number): boolean {
    const { pb } = this.st
    const { S, a, b, candStart, cand, fixedSlot, tables, capacity, weight } = pb
    const pa = a[r]!
    const pb2 = b[r]!
    const before = this.st.weight
    for (let k = candStart[r]!; k < candStart[r + 1]!; k++) {
      const s = cand[k]!
      const qa = this.st.busy[pa * S + s]!
      const qb = this.st.busy[pb2 * S + s]!
      if ((qa !== -1 && fixedSlot[qa] !== -1) || (qb !== -1 && fixedSlot[qb] !== -1)) continue
      const evict: number[] = []
      if (qa !== -1) evict.push(qa)
      if (qb !== -1 && qb !== qa) evict.push(qb)
      for (const p of [pa, pb2]) {
        let c = this.st.count[p]!
        for (const q of evict) if (a[q] === p || b[q] === p) c--
        if (c >= capacity[p]!) {
          const q = this.#lightestOf(p, evict)
          if (q === -1) break
          evict.push(q)
        }
      }
      let inSlot = 0
      for (const q of evict) if (this.st.slotOf[q] === s) inSlot++
      if (this.st.load[s]! - inSlot >= tables[s]!) {
        const q = this.#lightestIn(s, evict)
        if (q !== -1) evict.push(q)
      }
      let lost = 0
      for (const q of evict) lost += weight[q]!
      // Worth trying when r outweighs what leaves, or when freed participants may take waiting requests.
      if (lost >= weight[r]! + this.#maxWeight * evict.length - 1e-9) continue
      const mark = this.#log.length
      for (const q of evict) this.#move(q, -1)
      if (!this.st.canAssign(r, s)) {
        this.#rollback(mark)
        continue
      }
      this.#move(r, s)
      evict.sort((x, y) => weight[y]! - weight[x]!)
      for (const q of evict) this.tryInsert(q, maxDepth)
      if (this.st.weight <= before + 1e-9) this.#insertNeighbours(evict, r)
      if (this.st.weight > before + 1e-9) return true
      this.#rollback(mark)
    }
    return false
  }

  /**
   * Passes over the unscheduled requests until one changes nothing or `deadline` (performance.now()) passes.
   * Returns the number of passes made.
   */
  run(deadline: number, maxDepth = 2, onPass?: () => void): number {
    this.#deadline = deadline
    this.#stopped = false
    const { R, weight, candStart } = this.st.pb
    let passes = 0
    for (;;) {
      const waiting: number[] = []
      for (let r = 0; r < R; r++)
        if (this.st.slotOf[r] === -1 && candStart[r + 1]! > candStart[r]! && this.st.pb.fixedSlot[r] === -1)
          waiting.push(r)
      waiting.sort((x, y) => weight[y]! - weight[x]! || x - y)
      const start = this.st.weight
      for (const r of waiting) {
        if (this.#stopped) break
        if (this.st.slotOf[r] !== -1) continue
        if (!this.tryInsert(r, maxDepth)) this.tryExchange(r, maxDepth)
        this.#log.length = 0
      }
      passes++
      onPass?.()
      if (this.#stopped || this.st.weight <= start + 1e-9) return passes
    }
  }
}
