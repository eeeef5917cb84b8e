import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { callPhase, instantToLocal, isLate, localToInstant, timeLeft, zoneOffsetLabel, zoneOffsetMs } from './time.ts'

const BXL = 'Europe/Brussels'
const at = (iso: string) => new Date(iso)
const instant = (local: string, tz = BXL) => {
  const r = localToInstant(local, tz)
  assert.ok('instant' in r, `${local} in ${tz} should exist`)
  return r.instant.toISOString()
}

describe('localToInstant', () => {
  it('reads a 17:00 Brussels deadline as 16:00Z in winter and 15:00Z in summer', () => {
    assert.equal(instant('2026-01-15T17:00'), '2026-01-15T16:00:00.000Z')
    assert.equal(instant('2026-07-15T17:00'), '2026-07-15T15:00:00.000Z')
  })

  it('refuses a time skipped by the spring-forward change (2026-03-29 02:00–02:59 in Brussels)', () => {
    assert.deepEqual(localToInstant('2026-03-29T02:30', BXL), { error: 'local_time_missing' })
    assert.deepEqual(localToInstant('2026-03-29T02:00', BXL), { error: 'local_time_missing' })
    assert.deepEqual(localToInstant('2026-03-29T02:59', BXL), { error: 'local_time_missing' })
    assert.equal(instant('2026-03-29T01:59'), '2026-03-29T00:59:00.000Z')
    assert.equal(instant('2026-03-29T03:00'), '2026-03-29T01:00:00.000Z')
  })

  it('takes the earlier instant of a time that happens twice in the autumn fall-back', () => {
    assert.equal(instant('2026-10-25T02:30'), '2026-10-25T00:30:00.000Z')
    assert.equal(instant('2026-10-25T02:00'), '2026-10-25T00:00:00.000Z')
    assert.equal(instant('2026-10-25T01:59'), '2026-10-24T23:59:00.000Z')
    assert.equal(instant('2026-10-25T03:00'), '2026-10-25T02:00:00.000Z')
  })

  it('works in other zones, including half-hour offsets, southern DST and a skipped day', () => {
    assert.equal(instant('2026-01-15T17:00', 'UTC'), '2026-01-15T17:00:00.000Z')
    assert.equal(instant('2026-07-01T12:00', 'America/St_Johns'), '2026-07-01T14:30:00.000Z')
    assert.equal(instant('2026-07-01T12:00', 'Asia/Kolkata'), '2026-07-01T06:30:00.000Z')
    assert.equal(instant('2026-01-15T12:00', 'Australia/Sydney'), '2026-01-15T01:00:00.000Z')
    // Samoa skipped 30 December 2011 entirely.
    assert.deepEqual(localToInstant('2011-12-30T10:00', 'Pacific/Apia'), { error: 'local_time_missing' })
  })

  it('refuses malformed and impossible wall-clock times', () => {
    for (const bad of [
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-01-01T24:00',
      '2026-01-01 10:00',
      '2026-01-01T10:00:00',
    ])
      assert.deepEqual(localToInstant(bad, BXL), { error: 'local_time_missing' }, bad)
  })

  it('round-trips with instantToLocal for every existing hour of the change days', () => {
    for (const day of ['2026-03-29', '2026-10-25', '2026-06-21']) {
      for (let h = 0; h < 24; h++) {
        const local = `${day}T${String(h).padStart(2, '0')}:15`
        const r = localToInstant(local, BXL)
        if ('instant' in r) assert.equal(instantToLocal(r.instant, BXL), local)
        else assert.equal(local, '2026-03-29T02:15')
      }
    }
  })
})

describe('instantToLocal and zone labels', () => {
  it('shows both wall-clock readings of the repeated autumn hour', () => {
    assert.equal(instantToLocal(at('2026-10-25T00:30:00Z'), BXL), '2026-10-25T02:30')
    assert.equal(instantToLocal(at('2026-10-25T01:30:00Z'), BXL), '2026-10-25T02:30')
  })

  it('drops seconds instead of rounding', () => {
    assert.equal(instantToLocal(at('2026-01-15T15:59:59.999Z'), BXL), '2026-01-15T16:59')
  })

  it('labels the offset at the instant', () => {
    assert.equal(zoneOffsetLabel(at('2026-01-15T12:00:00Z'), BXL), 'UTC+01:00')
    assert.equal(zoneOffsetLabel(at('2026-07-15T12:00:00Z'), BXL), 'UTC+02:00')
    assert.equal(zoneOffsetLabel(at('2026-10-25T00:30:00Z'), BXL), 'UTC+02:00')
    assert.equal(zoneOffsetLabel(at('2026-10-25T01:30:00Z'), BXL), 'UTC+01:00')
    assert.equal(zoneOffsetLabel(at('2026-07-01T12:00:00Z'), 'America/St_Johns'), 'UTC-02:30')
    assert.equal(zoneOffsetLabel(at('2026-07-01T12:00:00Z'), 'UTC'), 'UTC+00:00')
    assert.equal(zoneOffsetMs(at('2026-01-15T12:00:00.500Z'), BXL), 3_600_000)
  })
})

describe('callPhase', () => {
  const opensAt = '2026-02-02T09:00:00.000Z'
  const closesAt = '2026-04-14T15:00:00.000Z'
  const published = { publishedAt: '2026-01-10T10:00:00.000Z', cancelledAt: null, opensAt, closesAt }
  const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms)

  it('opens at the opening instant, second by second', () => {
    assert.equal(callPhase(published, plus(opensAt, -1000)), 'scheduled')
    assert.equal(callPhase(published, plus(opensAt, -1)), 'scheduled')
    assert.equal(callPhase(published, opensAt), 'open')
    assert.equal(callPhase(published, plus(opensAt, 1000)), 'open')
  })

  it('closes at the deadline itself: a request at exactly the deadline is late', () => {
    assert.equal(callPhase(published, plus(closesAt, -1000)), 'open')
    assert.equal(callPhase(published, plus(closesAt, -1)), 'open')
    assert.equal(callPhase(published, closesAt), 'closed')
    assert.equal(callPhase(published, plus(closesAt, 1000)), 'closed')
    assert.equal(isLate(closesAt, plus(closesAt, -1)), false)
    assert.equal(isLate(closesAt, closesAt), true)
    assert.equal(isLate(at(closesAt), plus(closesAt, 1000)), true)
  })

  it('closes a 17:00 Brussels deadline at 16:00:00Z in winter and 15:00:00Z in summer', () => {
    for (const [local, utc] of [
      ['2026-03-27T17:00', '2026-03-27T16:00:00.000Z'],
      ['2026-03-30T17:00', '2026-03-30T15:00:00.000Z'],
    ] as const) {
      const closes = instant(local)
      assert.equal(closes, utc)
      const call = { ...published, closesAt: closes }
      assert.equal(callPhase(call, plus(utc, -1000)), 'open')
      assert.equal(callPhase(call, plus(utc, -1)), 'open')
      assert.equal(callPhase(call, utc), 'closed')
      assert.equal(callPhase(call, plus(utc, 1000)), 'closed')
    }
  })

  it('is draft until published and cancelled whatever the clock says', () => {
    assert.equal(callPhase({ ...published, publishedAt: null }, opensAt), 'draft')
    assert.equal(callPhase({ ...published, publishedAt: null }, closesAt), 'draft')
    for (const now of [plus(opensAt, -1), opensAt, closesAt])
      assert.equal(callPhase({ ...published, cancelledAt: '2026-01-20T00:00:00Z' }, now), 'cancelled')
    assert.equal(callPhase({ ...published, publishedAt: null, cancelledAt: at(opensAt) }, opensAt), 'cancelled')
  })

  it('accepts Dates, ISO strings and epoch milliseconds alike', () => {
    const call = { publishedAt: at(published.publishedAt), opensAt: at(opensAt), closesAt: Date.parse(closesAt) }
    assert.equal(callPhase(call, Date.parse(closesAt) - 1), 'open')
    assert.equal(callPhase(call, at(closesAt)), 'closed')
  })
})

describe('timeLeft', () => {
  const deadline = '2026-04-14T15:00:00.000Z'
  const before = (ms: number) => new Date(Date.parse(deadline) - ms)

  it('splits the remaining time into days, hours, minutes and seconds', () => {
    const ms = ((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000
    assert.deepEqual(timeLeft(deadline, before(ms)), {
      totalMs: ms,
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
      passed: false,
    })
  })

  it('counts down second by second and reads zero only at the deadline', () => {
    assert.deepEqual(timeLeft(deadline, before(2000)), {
      totalMs: 2000,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 2,
      passed: false,
    })
    assert.equal(timeLeft(deadline, before(1001)).seconds, 2)
    assert.equal(timeLeft(deadline, before(1000)).seconds, 1)
    assert.deepEqual(timeLeft(deadline, before(1)), {
      totalMs: 1,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 1,
      passed: false,
    })
    assert.deepEqual(timeLeft(deadline, deadline), {
      totalMs: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      passed: true,
    })
    assert.deepEqual(timeLeft(deadline, before(-5000)), {
      totalMs: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      passed: true,
    })
  })

  it('carries a full minute, hour and day correctly', () => {
    assert.deepEqual(timeLeft(deadline, before(60_000)), {
      totalMs: 60_000,
      days: 0,
      hours: 0,
      minutes: 1,
      seconds: 0,
      passed: false,
    })
    assert.equal(timeLeft(deadline, before(86_400_000)).days, 1)
    assert.equal(timeLeft(deadline, before(86_400_000)).hours, 0)
  })
})
