import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { committedCents, pickPromotion } from './promotion.ts'

describe('promotion of a reserve after a decline', () => {
  const funded = [
    { grantedCents: 7_000_000, declined: true },
    { grantedCents: 6_500_000, declined: false },
  ]
  it('commits only the grants not declined', () => {
    assert.equal(committedCents(funded), 6_500_000)
  })
  it('promotes the first reserve whose requested amount fits the freed budget', () => {
    const p = pickPromotion({
      budgetCents: 14_000_000,
      funded,
      reserve: [
        { applicationId: 'b', reserveRank: 2, requestedCents: 7_000_000 },
        { applicationId: 'a', reserveRank: 1, requestedCents: 7_000_000 },
      ],
    })
    assert.deepEqual(p, { applicationId: 'a', grantedCents: 7_000_000, freedCents: 7_500_000 })
  })
  it('skips a reserve that does not fit for a later one that does', () => {
    const p = pickPromotion({
      budgetCents: 14_000_000,
      funded,
      reserve: [
        { applicationId: 'a', reserveRank: 1, requestedCents: 8_000_000 },
        { applicationId: 'b', reserveRank: 2, requestedCents: 7_500_000 },
      ],
    })
    assert.deepEqual(p, { applicationId: 'b', grantedCents: 7_500_000, freedCents: 7_500_000 })
  })
  it('promotes nobody when no reserve fits or there is none', () => {
    assert.equal(
      pickPromotion({
        budgetCents: 14_000_000,
        funded,
        reserve: [{ applicationId: 'a', reserveRank: 1, requestedCents: 9_000_000 }],
      }),
      null,
    )
    assert.equal(pickPromotion({ budgetCents: 14_000_000, funded, reserve: [] }), null)
  })
})
