import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { redressDueAt, redressWindowEnd } from './dates.ts'

const BXL = 'Europe/Brussels'

describe('redress window', () => {
  it('ends at the end of the 5th calendar day after the day of notification, local time', () => {
    // Wednesday 1 April 2026, 10:00 in Brussels (summer time, UTC+2).
    const end = redressWindowEnd(new Date('2026-04-01T08:00:00Z'), 5, BXL)
    assert.equal(end.toISOString(), '2026-04-06T21:59:59.999Z')
  })
  it('counts from the local day: 21:30 UTC on 31 March is 23:30 in Brussels, still 31 March', () => {
    const end = redressWindowEnd(new Date('2026-03-31T21:30:00Z'), 5, BXL)
    assert.equal(end.toISOString(), '2026-04-05T21:59:59.999Z')
  })
  it('crosses the change to summer time (29 March 2026)', () => {
    const end = redressWindowEnd(new Date('2026-03-27T10:00:00Z'), 5, BXL)
    assert.equal(end.toISOString(), '2026-04-01T21:59:59.999Z')
  })
  it('0 days: the day of notification only', () => {
    assert.equal(redressWindowEnd(new Date('2026-01-15T10:00:00Z'), 0, BXL).toISOString(), '2026-01-15T22:59:59.999Z')
  })
})

describe('redress due date in working days (Monday–Friday, no public holidays declared)', () => {
  it('15 working days after a Wednesday is the Wednesday three weeks later', () => {
    assert.equal(redressDueAt(new Date('2026-04-01T08:00:00Z'), 15, BXL).toISOString(), '2026-04-22T21:59:59.999Z')
  })
  it('a request filed on a Saturday counts from Monday', () => {
    // Saturday 4 April → Monday 6 April is working day 1 → day 15 is Friday 24 April.
    assert.equal(redressDueAt(new Date('2026-04-04T10:00:00Z'), 15, BXL).toISOString(), '2026-04-24T21:59:59.999Z')
  })
  it('1 working day after a Friday is the Monday', () => {
    assert.equal(redressDueAt(new Date('2026-04-03T10:00:00Z'), 1, BXL).toISOString(), '2026-04-06T21:59:59.999Z')
  })
  it('Easter Monday (6 April 2026) counts when the call declares no holidays', () => {
    assert.equal(redressDueAt(new Date('2026-04-03T10:00:00Z'), 2, BXL).toISOString(), '2026-04-07T21:59:59.999Z')
  })
})

describe('redress due date with the call’s public holidays', () => {
  const easterMonday = ['2026-04-06']
  it('Easter Monday listed: the due date moves one working day', () => {
    // Friday 3 April, 2 working days: Tuesday 7 and Wednesday 8 April (not Monday 6 and Tuesday 7).
    assert.equal(
      redressDueAt(new Date('2026-04-03T10:00:00Z'), 2, BXL, easterMonday).toISOString(),
      '2026-04-08T21:59:59.999Z',
    )
    // Wednesday 1 April, 15 working days: Thursday 23 April instead of Wednesday 22 April.
    assert.equal(
      redressDueAt(new Date('2026-04-01T08:00:00Z'), 15, BXL, easterMonday).toISOString(),
      '2026-04-23T21:59:59.999Z',
    )
  })
  it('a holiday on a weekend changes nothing (15 August 2026 is a Saturday)', () => {
    const filed = new Date('2026-08-13T10:00:00Z')
    const plain = redressDueAt(filed, 2, BXL).toISOString()
    assert.equal(plain, '2026-08-17T21:59:59.999Z')
    assert.equal(redressDueAt(filed, 2, BXL, ['2026-08-15']).toISOString(), plain)
  })
  it('a request filed ON a holiday counts from the next working day', () => {
    // Filed on Easter Monday: Tuesday 7 April is day 1, Monday 27 April day 15.
    const filed = new Date('2026-04-06T08:00:00Z')
    assert.equal(redressDueAt(filed, 1, BXL, easterMonday).toISOString(), '2026-04-07T21:59:59.999Z')
    assert.equal(redressDueAt(filed, 15, BXL, easterMonday).toISOString(), '2026-04-27T21:59:59.999Z')
  })
  it('the holiday is a local day: 22:30 UTC on Thursday 2 April is already Friday 3 April in Brussels', () => {
    // Local Friday 3 April → Monday 6 is a holiday → day 1 is Tuesday 7 April (Friday 3 April by UTC).
    assert.equal(
      redressDueAt(new Date('2026-04-02T22:30:00Z'), 1, BXL, easterMonday).toISOString(),
      '2026-04-07T21:59:59.999Z',
    )
  })
  it('several holidays in a row: 24–26 December and 1 January', () => {
    const holidays = ['2027-01-01', '2026-12-24', '2026-12-26', '2026-12-25']
    const filed = new Date('2026-12-23T10:00:00Z') // Wednesday 23 December 2026
    assert.equal(redressDueAt(filed, 5, BXL).toISOString(), '2026-12-30T22:59:59.999Z')
    // 28, 29, 30, 31 December, then Monday 4 January (1 January is a holiday).
    assert.equal(redressDueAt(filed, 5, BXL, holidays).toISOString(), '2027-01-04T22:59:59.999Z')
  })
})
