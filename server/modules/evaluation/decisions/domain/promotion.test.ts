import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { SelectionCandidate, SelectionParams } from '../../selection/domain/model.ts'
import { committedCents, type PromotionInput, pickPromotion } from './promotion.ts'

const K = 100_000 // €1,000 in cents

/** An application led by `org` (country `country`), alone in its consortium unless `partners` are given. */
function app(
  id: string,
  requestedK: number,
  opts: { org?: string; country?: string; challenge?: string; partners?: [string, number][] } = {},
): SelectionCandidate {
  const partners = opts.partners ?? []
  const leadCents = requestedK * K - partners.reduce((s, [, k]) => s + k * K, 0)
  return {
    applicationId: id,
    rank: null,
    requestedCents: requestedK * K,
    challengeKey: opts.challenge ?? 'C1',
    domainKey: 'D1',
    leadCountry: opts.country ?? 'BE',
    members: [
      { organisationId: opts.org ?? `org-${id}`, name: opts.org ?? `Org ${id}`, requestedCents: leadCents },
      ...partners.map(([org, k]) => ({ organisationId: org, name: org, requestedCents: k * K })),
    ],
  }
}

const params = (p: Partial<SelectionParams> = {}): SelectionParams => ({
  budgetCents: 140 * K,
  quotas: [],
  perOrganisationCapCents: 60 * K,
  maxPerCountry: null,
  ...p,
})

function input(p: Partial<PromotionInput> & Pick<PromotionInput, 'funded' | 'reserve'>): PromotionInput {
  return { params: params(), priorGrantedCents: {}, ...p }
}

describe('promotion of a reserve after a decline', () => {
  it('commits only the grants not declined', () => {
    assert.equal(
      committedCents([
        { grantedCents: 70 * K, declined: true },
        { grantedCents: 65 * K, declined: false },
      ]),
      65 * K,
    )
  })

  it('promotes the first reserve in reserve order whose requested amount fits the freed budget', () => {
    const out = pickPromotion(
      input({
        funded: [{ candidate: app('f1', 65), grantedCents: 65 * K }],
        reserve: [
          { candidate: app('r2', 50), reserveRank: 2 },
          { candidate: app('r1', 50), reserveRank: 1 },
        ],
      }),
    )
    assert.equal(out.freedCents, 75 * K)
    assert.equal(out.promotion?.applicationId, 'r1')
    assert.equal(out.promotion?.grantedCents, 50 * K)
    assert.deepEqual(out.promotion?.skipped, [])
  })

  it('skips a reserve over the freed budget for a later, smaller one, and says why', () => {
    const out = pickPromotion(
      input({
        funded: [{ candidate: app('f1', 65), grantedCents: 65 * K }],
        reserve: [
          { candidate: app('r1', 80), reserveRank: 1 },
          { candidate: app('r2', 55), reserveRank: 2 },
        ],
      }),
    )
    assert.equal(out.promotion?.applicationId, 'r2')
    assert.deepEqual(out.promotion?.skipped, [
      {
        applicationId: 'r1',
        reserveRank: 1,
        code: 'budget_exhausted',
        params: { requestedCents: 80 * K, remainingCents: 75 * K },
      },
    ])
  })

  it('counts what a cut grant commits, not what was requested', () => {
    // f1 asked for 90 and was granted 70: 70 left in a 140 budget, so a 70 reserve fits.
    const out = pickPromotion(
      input({
        params: params({ perOrganisationCapCents: 100 * K }),
        funded: [{ candidate: app('f1', 90), grantedCents: 70 * K }],
        reserve: [{ candidate: app('r1', 70), reserveRank: 1 }],
      }),
    )
    assert.equal(out.promotion?.applicationId, 'r1')
    assert.equal(out.freedCents, 70 * K)
  })

  it('skips a reserve whose organisation would pass its cap across the programme’s calls', () => {
    const out = pickPromotion(
      input({
        // Acme was granted €30,000 in another call; r1 would bring it to €30,000 + €40,000 > €60,000.
        priorGrantedCents: { acme: 30 * K },
        funded: [{ candidate: app('f1', 40), grantedCents: 40 * K }],
        reserve: [
          { candidate: app('r1', 40, { org: 'acme' }), reserveRank: 1 },
          { candidate: app('r2', 40), reserveRank: 2 },
        ],
      }),
    )
    assert.equal(out.promotion?.applicationId, 'r2')
    const [skip] = out.promotion!.skipped
    assert.equal(skip?.code, 'organisation_cap')
    assert.deepEqual(
      { org: skip?.params.organisationId, prior: skip?.params.priorCents, requested: skip?.params.requestedCents },
      { org: 'acme', prior: 30 * K, requested: 40 * K },
    )
  })

  it('counts a partner’s share of a cut grant in proportion when checking its cap', () => {
    // f1: 100 requested (lead 50, beta 50), granted 80 → beta's share is 40. r1 gives beta 20 more: 60 ≤ 60.
    const funded = [{ candidate: app('f1', 100, { partners: [['beta', 50]] }), grantedCents: 80 * K }]
    const fits = pickPromotion(
      input({
        params: params({ budgetCents: 200 * K }),
        funded,
        reserve: [{ candidate: app('r1', 40, { partners: [['beta', 20]] }), reserveRank: 1 }],
      }),
    )
    assert.equal(fits.promotion?.applicationId, 'r1')
    const over = pickPromotion(
      input({
        params: params({ budgetCents: 200 * K }),
        funded,
        reserve: [{ candidate: app('r1', 40, { partners: [['beta', 21]] }), reserveRank: 1 }],
      }),
    )
    assert.equal(over.promotion, null)
    assert.equal(over.skipped[0]?.code, 'organisation_cap')
  })

  it('skips a reserve that would pass a quota’s maximum or the maximum per country', () => {
    const out = pickPromotion(
      input({
        params: params({
          budgetCents: 300 * K,
          quotas: [{ scope: 'challenge', key: 'C2', min: 0, max: 1 }],
          maxPerCountry: 1,
        }),
        funded: [
          { candidate: app('f1', 50, { challenge: 'C2', country: 'FR' }), grantedCents: 50 * K },
          { candidate: app('f2', 50, { country: 'NL' }), grantedCents: 50 * K },
        ],
        reserve: [
          { candidate: app('r1', 50, { challenge: 'C2', country: 'BE' }), reserveRank: 1 },
          { candidate: app('r2', 50, { country: 'NL' }), reserveRank: 2 },
          { candidate: app('r3', 50, { country: 'IT' }), reserveRank: 3 },
        ],
      }),
    )
    assert.equal(out.promotion?.applicationId, 'r3')
    assert.deepEqual(
      out.promotion?.skipped.map((s) => [s.applicationId, s.code]),
      [
        ['r1', 'quota_max'],
        ['r2', 'country_max'],
      ],
    )
  })

  it('prefers the first reserve that makes good a minimum quota the decline broke', () => {
    // The only C2 project declined: at least one C2 project must be funded. r1 (C1) fits but does not help.
    const out = pickPromotion(
      input({
        params: params({ quotas: [{ scope: 'challenge', key: 'C2', min: 1, max: null }] }),
        funded: [{ candidate: app('f1', 60), grantedCents: 60 * K }],
        reserve: [
          { candidate: app('r1', 50), reserveRank: 1 },
          { candidate: app('r2', 50, { challenge: 'C2' }), reserveRank: 2 },
          { candidate: app('r3', 40, { challenge: 'C2' }), reserveRank: 3 },
        ],
      }),
    )
    assert.equal(out.promotion?.applicationId, 'r2')
    assert.deepEqual(out.promotion?.restores, [{ scope: 'challenge', key: 'C2', min: 1, max: null }])
    assert.deepEqual(out.promotion?.skipped, [
      {
        applicationId: 'r1',
        reserveRank: 1,
        code: 'quota_min_preferred',
        params: { quotas: [{ scope: 'challenge', key: 'C2', min: 1, max: null }] },
      },
    ])
  })

  it('promotes the first fitting reserve when none can make good the unmet minimum', () => {
    const out = pickPromotion(
      input({
        params: params({ quotas: [{ scope: 'challenge', key: 'C2', min: 1, max: null }] }),
        funded: [{ candidate: app('f1', 60), grantedCents: 60 * K }],
        reserve: [
          { candidate: app('r1', 90, { challenge: 'C2' }), reserveRank: 1 },
          { candidate: app('r2', 50), reserveRank: 2 },
        ],
      }),
    )
    assert.equal(out.promotion?.applicationId, 'r2')
    assert.deepEqual(out.promotion?.restores, [])
    assert.equal(out.promotion?.skipped[0]?.code, 'budget_exhausted')
  })

  it('promotes nobody when no reserve fits, or when there is none', () => {
    const none = pickPromotion(
      input({
        funded: [{ candidate: app('f1', 65), grantedCents: 65 * K }],
        reserve: [{ candidate: app('r1', 90), reserveRank: 1 }],
      }),
    )
    assert.equal(none.promotion, null)
    assert.deepEqual(
      none.skipped.map((s) => s.code),
      ['budget_exhausted'],
    )
    const empty = pickPromotion(input({ funded: [], reserve: [] }))
    assert.equal(empty.promotion, null)
    assert.equal(empty.freedCents, 140 * K)
  })
})
