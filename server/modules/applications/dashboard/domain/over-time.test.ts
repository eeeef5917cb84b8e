import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { overTime } from './over-time.ts'

describe('applications over time', () => {
  it('is empty without submissions', () => {
    assert.deepEqual(overTime([]), [])
  })
  it('counts per day, fills the days without a submission and keeps a running total', () => {
    assert.deepEqual(overTime(['2026-03-12', '2026-03-10', '2026-03-12', '2026-03-14']), [
      { date: '2026-03-10', submitted: 1, cumulative: 1 },
      { date: '2026-03-11', submitted: 0, cumulative: 1 },
      { date: '2026-03-12', submitted: 2, cumulative: 3 },
      { date: '2026-03-13', submitted: 0, cumulative: 3 },
      { date: '2026-03-14', submitted: 1, cumulative: 4 },
    ])
  })
  it('crosses month ends and daylight-saving changes day by day', () => {
    const days = overTime(['2026-03-28', '2026-04-01']).map((d) => d.date)
    assert.deepEqual(days, ['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01'])
  })
})
