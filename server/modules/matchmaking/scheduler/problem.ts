// Turns the organiser's data into an indexed problem (typed arrays, integer ids) and checks it: unknown ids and
// malformed values are validation errors; meetings fixed by hand that cannot all hold are one
// `schedule_fixed_infeasible` error listing every conflict. Fixed meetings are taken out of the capacities here, so
// the solvers only see what is left: free tables per slot, meetings left per participant, and free person-slots.
import { DomainError, type FieldError } from '../../../platform/errors.ts'
import type { SchedulingInput } from './types.ts'

export type FixedConflictKind =
  | 'participant_unavailable'
  | 'participant_double_booked'
  | 'tables_exceeded'
  | 'table_out_of_range'
  | 'table_taken'
  | 'max_meetings_exceeded'
  | 'fixed_twice'

export interface FixedConflict {
  kind: FixedConflictKind
  request: string
  slot: string
  participant?: string
  table?: number
}

export interface Problem {
  participantIds: string[]
  slotIds: string[]
  requestIds: string[]
  P: number
  S: number
  R: number
  /** available[p * S + s] = 1 when participant p can meet in slot s. */
  available: Uint8Array
  /** Meetings participant p may still get beyond the fixed ones (S when unlimited). */
  capacity: Int32Array
  /** Tables of slot s left free by the fixed meetings. */
  tables: Int32Array
  /** Tables of slot s as given. */
  tablesTotal: Int32Array
  a: Int32Array
  b: Int32Array
  weight: Float64Array
  /** Slot of a fixed request, -1 otherwise; fixedTable: its table (0 when the scheduler chooses). */
  fixedSlot: Int32Array
  fixedTable: Int32Array
  /** Candidate slots of each free request, compressed: candidates of r are cand[candStart[r] .. candStart[r + 1]). */
  candStart: Int32Array
  cand: Int32Array
  /** True when the two participants share no slot with tables at all (before fixed meetings). */
  noCommonSlot: Uint8Array
  /** Participant-slots taken by fixed meetings: occupiedBy[p * S + s] = request or -1. */
  fixedBusy: Int32Array
  fixedWeight: number
}

const fail = (errors: FieldError[]): never => {
  throw new DomainError('validation_failed', errors[0]?.message ?? 'Invalid scheduling input.', {}, errors)
}

function indexIds(items: readonly { id: string }[], path: string, errors: FieldError[]): Map<string, number> {
  const map = new Map<string, number>()
  items.forEach((item, i) => {
    if (typeof item.id !== 'string' || item.id === '')
      errors.push(err(`${path}[${i}].id`, 'required', 'An id is required.'))
    else if (map.has(item.id)) errors.push(err(`${path}[${i}].id`, 'duplicate', `Duplicate id "${item.id}".`))
    else map.set(item.id, i)
  })
  return map
}

const err = (path: string, code: string, message: string): FieldError => ({ path, code, message })

export function buildProblem(input: SchedulingInput): Problem {
  const errors: FieldError[] = []
  const pIndex = indexIds(input.participants, 'participants', errors)
  const sIndex = indexIds(input.slots, 'slots', errors)
  const rIndex = indexIds(input.requests, 'requests', errors)
  const P = input.participants.length
  const S = input.slots.length
  const R = input.requests.length

  const tablesTotal = new Int32Array(S)
  input.slots.forEach((slot, s) => {
    if (!Number.isInteger(slot.tables) || slot.tables < 0)
      errors.push(err(`slots[${s}].tables`, 'invalid', 'Tables must be a whole number, zero or more.'))
    else tablesTotal[s] = slot.tables
  })
  const available = new Uint8Array(P * S)
  const capacity = new Int32Array(P)
  input.participants.forEach((p, i) => {
    for (const slotId of p.slots) {
      const s = sIndex.get(slotId)
      if (s === undefined) errors.push(err(`participants[${i}].slots`, 'unknown_slot', `Unknown slot "${slotId}".`))
      else available[i * S + s] = 1
    }
    const max = p.maxMeetings
    if (max === undefined || max === null) capacity[i] = S
    else if (!Number.isInteger(max) || max < 0)
      errors.push(err(`participants[${i}].maxMeetings`, 'invalid', 'The maximum of meetings must be a whole number.'))
    else capacity[i] = Math.min(max, S)
  })
  const a = new Int32Array(R)
  const b = new Int32Array(R)
  const weight = new Float64Array(R)
  input.requests.forEach((r, i) => {
    const pa = pIndex.get(r.a)
    const pb = pIndex.get(r.b)
    if (pa === undefined) errors.push(err(`requests[${i}].a`, 'unknown_participant', `Unknown participant "${r.a}".`))
    if (pb === undefined) errors.push(err(`requests[${i}].b`, 'unknown_participant', `Unknown participant "${r.b}".`))
    if (pa !== undefined && pa === pb)
      errors.push(err(`requests[${i}].b`, 'same_participant', 'A participant cannot meet themselves.'))
    const w = r.weight ?? 1
    if (!Number.isFinite(w) || w <= 0)
      errors.push(err(`requests[${i}].weight`, 'invalid', 'The weight must be positive.'))
    a[i] = pa ?? 0
    b[i] = pb ?? 0
    weight[i] = w
  })
  const fixedSlot = new Int32Array(R).fill(-1)
  const fixedTable = new Int32Array(R)
  const fixed = input.fixed ?? []
  const fixedRefs: { r: number; s: number; table: number }[] = []
  fixed.forEach((f, i) => {
    const r = rIndex.get(f.request)
    const s = sIndex.get(f.slot)
    if (r === undefined) errors.push(err(`fixed[${i}].request`, 'unknown_request', `Unknown request "${f.request}".`))
    if (s === undefined) errors.push(err(`fixed[${i}].slot`, 'unknown_slot', `Unknown slot "${f.slot}".`))
    if (f.table !== undefined && (!Number.isInteger(f.table) || f.table < 1))
      errors.push(err(`fixed[${i}].table`, 'invalid', 'A table number is a whole number from 1.'))
    if (r !== undefined && s !== undefined) fixedRefs.push({ r, s, table: f.table ?? 0 })
  })
  if (errors.length > 0) fail(errors)

  // Fixed meetings: every conflict is collected, then reported at once.
  const conflicts: FixedConflict[] = []
  const fixedBusy = new Int32Array(P * S).fill(-1)
  const tables = Int32Array.from(tablesTotal)
  const used = new Int32Array(P)
  const tableTaken = new Map<string, number>()
  let fixedWeight = 0
  const pid = (p: number) => input.participants[p]!.id
  for (const { r, s, table } of fixedRefs) {
    const request = input.requests[r]!.id
    const slot = input.slots[s]!.id
    if (fixedSlot[r] !== -1) {
      conflicts.push({ kind: 'fixed_twice', request, slot })
      continue
    }
    fixedSlot[r] = s
    fixedTable[r] = table
    fixedWeight += weight[r]!
    for (const p of [a[r]!, b[r]!]) {
      if (!available[p * S + s]) conflicts.push({ kind: 'participant_unavailable', request, slot, participant: pid(p) })
      if (fixedBusy[p * S + s] !== -1)
        conflicts.push({ kind: 'participant_double_booked', request, slot, participant: pid(p) })
      else fixedBusy[p * S + s] = r
      used[p]! += 1
      if (used[p] === capacity[p]! + 1)
        conflicts.push({ kind: 'max_meetings_exceeded', request, slot, participant: pid(p) })
    }
    tables[s]! -= 1
    if (tables[s] === -1) conflicts.push({ kind: 'tables_exceeded', request, slot })
    if (table > 0) {
      if (table > tablesTotal[s]!) conflicts.push({ kind: 'table_out_of_range', request, slot, table })
      const key = `${s}:${table}`
      if (tableTaken.has(key)) conflicts.push({ kind: 'table_taken', request, slot, table })
      else tableTaken.set(key, r)
    }
  }
  if (conflicts.length > 0) {
    throw new DomainError(
      'schedule_fixed_infeasible',
      `The fixed meetings cannot all be kept (${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}).`,
      { conflicts },
    )
  }
  for (let p = 0; p < P; p++) capacity[p] = capacity[p]! - used[p]!

  // Candidate slots of the free requests: both available, both not taken by a fixed meeting, a table left.
  const candStart = new Int32Array(R + 1)
  const candList: number[] = []
  const noCommonSlot = new Uint8Array(R)
  for (let r = 0; r < R; r++) {
    candStart[r] = candList.length
    const pa = a[r]! * S
    const pb = b[r]! * S
    let common = 0
    for (let s = 0; s < S; s++) {
      if (!available[pa + s] || !available[pb + s] || tablesTotal[s] === 0) continue
      common++
      if (fixedSlot[r] !== -1) continue
      if (fixedBusy[pa + s] !== -1 || fixedBusy[pb + s] !== -1 || tables[s] === 0) continue
      candList.push(s)
    }
    if (common === 0) noCommonSlot[r] = 1
    if (fixedSlot[r] === -1 && (capacity[a[r]!] === 0 || capacity[b[r]!] === 0)) candList.length = candStart[r]!
  }
  candStart[R] = candList.length
  return {
    participantIds: input.participants.map((p) => p.id),
    slotIds: input.slots.map((s) => s.id),
    requestIds: input.requests.map((r) => r.id),
    P,
    S,
    R,
    available,
    capacity,
    tables,
    tablesTotal,
    a,
    b,
    weight,
    fixedSlot,
    fixedTable,
    candStart,
    cand: Int32Array.from(candList),
    noCommonSlot,
    fixedBusy,
    fixedWeight,
  }
}
