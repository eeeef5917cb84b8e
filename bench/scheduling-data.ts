// A brokerage event for the scheduling bench, generated from a seed: sessions of four slots (half-days), participants
// attending some of them (all, a day, three half-days or one) with a few slots blocked, maximum meetings per
// participant (6, 8, 10 or none), a few popular participants who receive many of the requests, and accepted
// requests between distinct pairs with priorities 1 (half), 2 (30%) and 3 (20%).
import type { SchedulingInput, SchedulingParticipant } from '../server/modules/matchmaking/scheduler/types.ts'

/** A small seeded generator (mulberry32), so that the event is the same on every run. */
function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const weighted = <T>(xs: readonly [T, number][]): T => {
    const total = xs.reduce((sum, [, w]) => sum + w, 0)
    let x = next() * total
    for (const [value, w] of xs) {
      x -= w
      if (x < 0) return value
    }
    return xs[xs.length - 1]![0]
  }
  return { next, int, weighted }
}

export interface EventSize {
  participants: number
  requests: number
  slots: number
  tables: number
  seed: number
}

export function generateEvent(size: EventSize): SchedulingInput {
  const r = prng(size.seed)
  const slotsPerSession = 4
  const sessions = Math.ceil(size.slots / slotsPerSession)
  const slots = Array.from({ length: size.slots }, (_, i) => ({
    id: `s${i + 1}`,
    session: `session-${Math.floor(i / slotsPerSession) + 1}`,
    tables: size.tables,
  }))
  const sessionSlots = (k: number) => slots.slice(k * slotsPerSession, (k + 1) * slotsPerSession)

  const participants: SchedulingParticipant[] = []
  const popularity: number[] = []
  for (let i = 0; i < size.participants; i++) {
    const pattern = r.weighted<'all' | 'day' | 'three' | 'one'>([
      ['all', 45],
      ['day', 30],
      ['three', 15],
      ['one', 10],
    ])
    let attended: number[]
    if (pattern === 'all' || sessions === 1) attended = Array.from({ length: sessions }, (_, k) => k)
    else if (pattern === 'day') {
      const day = r.int(Math.ceil(sessions / 2))
      attended = [2 * day, 2 * day + 1].filter((k) => k < sessions)
    } else if (pattern === 'three') {
      const skip = r.int(sessions)
      attended = Array.from({ length: sessions }, (_, k) => k).filter((k) => k !== skip)
    } else attended = [r.int(sessions)]
    const available = attended.flatMap((k) => sessionSlots(k)).filter(() => r.next() >= 0.1)
    participants.push({
      id: `p${i + 1}`,
      slots: available.map((s) => s.id),
      maxMeetings: r.weighted<number | null>([
        [6, 20],
        [8, 30],
        [10, 30],
        [null, 20],
      ]),
    })
    // About one participant in twenty is sought after (ten to thirty times the others).
    popularity.push(r.next() < 0.05 ? 10 + r.int(21) : 0.5 + r.next())
  }

  // Targets drawn in proportion to popularity, by binary search over the cumulative sums.
  const cumulative: number[] = []
  let total = 0
  for (const p of popularity) {
    total += p
    cumulative.push(total)
  }
  const drawTarget = () => {
    const x = r.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  const seen = new Set<number>()
  const requests: SchedulingInput['requests'][number][] = []
  while (requests.length < size.requests) {
    const from = r.int(size.participants)
    const to = drawTarget()
    if (from === to) continue
    const key = Math.min(from, to) * size.participants + Math.max(from, to)
    if (seen.has(key)) continue
    seen.add(key)
    requests.push({
      id: `m${requests.length + 1}`,
      a: participants[from]!.id,
      b: participants[to]!.id,
      weight: r.weighted([
        [1, 50],
        [2, 30],
        [3, 20],
      ]),
    })
  }
  return { participants, slots, requests }
}
