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

describe('redress due date in working days (Monday–Friday, no public holidays)', () => {
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
  it('Easter Monday (6 April 2026) counts: public holidays are not modelled', () => {
    assert.equal(redressDueAt(new Date('2026-04-03T10:00:00Z'), 2, BXL).toISOString(), '2026-04-07T21:59:59.999Z')
  })
})
