import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  bookingCheck,
  decisionOutcome,
  deriveSlots,
  effectiveStatus,
  nextEventStatus,
  registrationOpen,
  requestRefusal,
  type SlotCheck,
  sessionProblems,
} from './rules.ts'

const at = (iso: string) => new Date(iso)

describe('event lifecycle', () => {
  it('publishes a draft, closes a draft or a published event, and a closed event is final', () => {
    assert.equal(nextEventStatus('draft', 'publish'), 'published')
    assert.equal(nextEventStatus('draft', 'close'), 'closed')
    assert.equal(nextEventStatus('published', 'close'), 'closed')
    assert.equal(nextEventStatus('published', 'publish'), null)
    assert.equal(nextEventStatus('closed', 'publish'), null)
    assert.equal(nextEventStatus('closed', 'close'), null)
  })
  it('takes registrations while published and strictly before the deadline', () => {
    const deadline = at('2026-11-19T17:00:00Z')
    assert.equal(
      registrationOpen({ status: 'published', registrationDeadline: deadline }, at('2026-11-19T16:59:59Z')),
      true,
    )
    assert.equal(registrationOpen({ status: 'published', registrationDeadline: deadline }, deadline), false)
    assert.equal(
      registrationOpen({ status: 'draft', registrationDeadline: deadline }, at('2026-11-01T00:00:00Z')),
      false,
    )
  })
})

describe('slots of a session', () => {
  it('are back to back from the start, and a remainder shorter than a slot is left out', () => {
    const slots = deriveSlots({
      startsAt: at('2026-11-20T08:00:00Z'),
      endsAt: at('2026-11-20T09:10:00Z'),
      slotMinutes: 20,
    })
    assert.deepEqual(
      slots.map((s) => [s.position, s.startsAt.toISOString().slice(11, 16), s.endsAt.toISOString().slice(11, 16)]),
      [
        [0, '08:00', '08:20'],
        [1, '08:20', '08:40'],
        [2, '08:40', '09:00'],
      ],
    )
  })
  it('a session must hold a slot, not too many, and not overlap another', () => {
    const s = { startsAt: at('2026-11-20T08:00:00Z'), endsAt: at('2026-11-20T08:10:00Z'), slotMinutes: 15 }
    assert.deepEqual(sessionProblems(s, []), [{ path: 'slotMinutes', code: 'no_slot_fits' }])
    const long = { startsAt: at('2026-11-20T00:00:00Z'), endsAt: at('2026-11-21T00:00:00Z'), slotMinutes: 5 }
    assert.deepEqual(sessionProblems(long, []), [{ path: 'slotMinutes', code: 'too_many_slots' }])
    const ok = { startsAt: at('2026-11-20T08:00:00Z'), endsAt: at('2026-11-20T09:00:00Z'), slotMinutes: 15 }
    const touching = { startsAt: at('2026-11-20T09:00:00Z'), endsAt: at('2026-11-20T10:00:00Z') }
    assert.deepEqual(sessionProblems(ok, [touching]), [], 'touching sessions do not overlap')
    const inside = { startsAt: at('2026-11-20T08:59:00Z'), endsAt: at('2026-11-20T10:00:00Z') }
    assert.deepEqual(sessionProblems(ok, [inside]), [{ path: 'startsAt', code: 'sessions_overlap' }])
  })
})

describe('meeting requests', () => {
  it('a pending request is expired from its expiry instant on; others keep their status', () => {
    const exp = at('2026-11-03T09:00:00Z')
    assert.equal(effectiveStatus('pending', exp, at('2026-11-03T08:59:59Z')), 'pending')
    assert.equal(effectiveStatus('pending', exp, exp), 'expired')
    assert.equal(effectiveStatus('accepted', exp, at('2026-12-01T00:00:00Z')), 'accepted')
  })
  it('refuses requests in an unpublished event, with oneself or a colleague, and a second live one per pair', () => {
    const from = { id: 'p1', organisationId: 'o1' }
    const base = {
      eventStatus: 'published' as const,
      from,
      to: { id: 'p2', organisationId: 'o2' },
      liveRequestExists: false,
    }
    assert.equal(requestRefusal(base), null)
    assert.equal(requestRefusal({ ...base, eventStatus: 'closed' }), 'brokerage_event_closed')
    assert.equal(
      requestRefusal({ ...base, to: { id: 'p3', organisationId: 'o1' } }),
      'meeting_request_own_organisation',
    )
    assert.equal(requestRefusal({ ...base, to: from }), 'meeting_request_own_organisation')
    assert.equal(requestRefusal({ ...base, liveRequestExists: true }), 'meeting_request_exists')
  })
  it('the requested side accepts or declines; the requester withdraws; either cancels an accepted one', () => {
    assert.deepEqual(decisionOutcome({ status: 'pending', decision: 'accept', side: 'to' }), { status: 'accepted' })
    assert.deepEqual(decisionOutcome({ status: 'pending', decision: 'decline', side: 'to' }), { status: 'declined' })
    assert.deepEqual(decisionOutcome({ status: 'pending', decision: 'accept', side: 'from' }), { refusal: 'forbidden' })
    assert.deepEqual(decisionOutcome({ status: 'pending', decision: 'cancel', side: 'from' }), { status: 'cancelled' })
    assert.deepEqual(decisionOutcome({ status: 'pending', decision: 'cancel', side: 'to' }), { refusal: 'forbidden' })
    assert.deepEqual(decisionOutcome({ status: 'accepted', decision: 'cancel', side: 'to' }), { status: 'cancelled' })
    assert.deepEqual(decisionOutcome({ status: 'declined', decision: 'accept', side: 'to' }), {
      refusal: 'meeting_request_already_decided',
    })
    assert.deepEqual(decisionOutcome({ status: 'expired', decision: 'accept', side: 'to' }), {
      refusal: 'meeting_request_expired',
    })
  })
})

describe('booking a slot', () => {
  const base: SlotCheck = {
    now: at('2026-11-01T09:00:00Z'),
    slot: { startsAt: at('2026-11-20T08:00:00Z'), tables: 3 },
    available: [true, true],
    busy: [false, false],
    counts: [0, 0],
    max: 2,
    tablesTaken: [],
  }
  it('takes the lowest free table', () => {
    assert.deepEqual(bookingCheck(base), { table: 1 })
    assert.deepEqual(bookingCheck({ ...base, tablesTaken: [1, 3] }), { table: 2 })
  })
  it('refuses a started slot, an unavailable or busy participant, the maximum, and a full slot', () => {
    assert.deepEqual(bookingCheck({ ...base, now: at('2026-11-20T08:00:00Z') }), {
      refusal: 'brokerage_slot_unavailable',
    })
    assert.deepEqual(bookingCheck({ ...base, available: [true, false] }), { refusal: 'brokerage_slot_unavailable' })
    assert.deepEqual(bookingCheck({ ...base, busy: [true, false] }), { refusal: 'brokerage_slot_unavailable' })
    assert.deepEqual(bookingCheck({ ...base, counts: [2, 0] }), { refusal: 'brokerage_max_meetings' })
    assert.deepEqual(bookingCheck({ ...base, tablesTaken: [1, 2, 3] }), { refusal: 'brokerage_slot_full' })
  })
})
