// An independent check of a schedule against the event's rules, written from the input alone (no solver state):
// used by the tests, and usable on a schedule an organiser edited by hand.
import type { ScheduledMeeting, SchedulingInput } from './types.ts'

export interface Violation {
  rule:
    | 'unknown_request'
    | 'request_twice'
    | 'unknown_slot'
    | 'participant_unavailable'
    | 'participant_double_booked'
    | 'table_out_of_range'
    | 'table_taken'
    | 'max_meetings_exceeded'
    | 'fixed_not_kept'
  request: string
  slot?: string
  participant?: string
}

export function checkSchedule(input: SchedulingInput, meetings: readonly ScheduledMeeting[]): Violation[] {
  const out: Violation[] = []
  const requests = new Map(input.requests.map((r) => [r.id, r]))
  const slots = new Map(input.slots.map((s) => [s.id, s]))
  const participants = new Map(input.participants.map((p) => [p.id, { ...p, slots: new Set(p.slots) }]))
  const seen = new Set<string>()
  const busy = new Set<string>()
  const tables = new Set<string>()
  const count = new Map<string, number>()
  const bySlot = new Map<string, ScheduledMeeting>()
  for (const m of meetings) {
    const r = requests.get(m.request)
    if (!r) {
      out.push({ rule: 'unknown_request', request: m.request })
      continue
    }
    if (seen.has(m.request)) out.push({ rule: 'request_twice', request: m.request })
    seen.add(m.request)
    bySlot.set(m.request, m)
    const slot = slots.get(m.slot)
    if (!slot) {
      out.push({ rule: 'unknown_slot', request: m.request, slot: m.slot })
      continue
    }
    if (!Number.isInteger(m.table) || m.table < 1 || m.table > slot.tables)
      out.push({ rule: 'table_out_of_range', request: m.request, slot: m.slot })
    const tableKey = `${m.slot}\u0000${m.table}`
    if (tables.has(tableKey)) out.push({ rule: 'table_taken', request: m.request, slot: m.slot })
    tables.add(tableKey)
    for (const pid of [r.a, r.b]) {
      const p = participants.get(pid)
      if (!p?.slots.has(m.slot))
        out.push({ rule: 'participant_unavailable', request: m.request, slot: m.slot, participant: pid })
      const key = `${pid}\u0000${m.slot}`
      if (busy.has(key))
        out.push({ rule: 'participant_double_booked', request: m.request, slot: m.slot, participant: pid })
      busy.add(key)
      const n = (count.get(pid) ?? 0) + 1
      count.set(pid, n)
      const max = p?.maxMeetings
      if (max !== undefined && max !== null && n === max + 1)
        out.push({ rule: 'max_meetings_exceeded', request: m.request, participant: pid })
    }
  }
  for (const f of input.fixed ?? []) {
    const m = bySlot.get(f.request)
    if (!m || m.slot !== f.slot || (f.table !== undefined && m.table !== f.table))
      out.push({ rule: 'fixed_not_kept', request: f.request, slot: f.slot })
  }
  return out
}
