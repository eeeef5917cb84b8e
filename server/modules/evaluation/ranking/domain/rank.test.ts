import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { TieBreak } from '../../common/settings.ts'
import { defaultTieBreaks } from '../../common/settings.ts'
import type { ApplicationFacts } from '../queries/facts.ts'
import { type RankCriterion, type RankInput, rank, scoreOf } from './rank.ts'

const criteria: RankCriterion[] = [
  { id: 'excellence', name: { en: 'Excellence' }, weight: 1, threshold: 3 },
  { id: 'impact', name: { en: 'Impact' }, weight: 1.5, threshold: 3 },
  { id: 'implementation', name: { en: 'Implementation' }, weight: 1, threshold: null },
]

let n = 0
function facts(p: Partial<ApplicationFacts> & { id: string }): ApplicationFacts {
  n++
  return {
    applicationId: p.id,
    reference: p.reference ?? `APP-${p.id}`,
    acronym: p.acronym ?? p.id.toUpperCase(),
    title: `Project ${p.id}`,
    leadOrganisationId: `org-${n}`,
    challengeId: p.challengeId ?? null,
    challengeCode: p.challengeId ? `C-${p.challengeId}` : null,
    domainCode: null,
    revision: 1,
    submittedAt: p.submittedAt ?? '2026-03-13T10:00:00.000Z',
    requestedCents: 7_000_000,
    members: [],
    countries: p.countries ?? ['BE', 'NL'],
    smeCount: p.smeCount ?? 2,
  }
}

const sc = (excellence: number, impact: number, implementation: number) => ({ excellence, impact, implementation })

function run(
  apps: { facts: ApplicationFacts; consensus: Record<string, number> | null }[],
  tieBreaks: TieBreak[] = defaultTieBreaks,
  totalThreshold: number | null = 10,
) {
  const input: RankInput = { criteria, totalThreshold, tieBreaks, applications: apps }
  return rank(input)
}
const order = (r: ReturnType<typeof run>) => r.map((x) => [x.applicationId, x.rank])

describe('totals and thresholds', () => {
  it('weights the total; weights never threshold (the plain sum does)', () => {
    const s = scoreOf(criteria, 10, sc(4, 3, 2.5))
    assert.equal(s.total, 4 + 4.5 + 2.5)
    assert.deepEqual(s.out, [{ code: 'total_threshold', score: 9.5, threshold: 10 }])
  })

  it('lists every failing threshold, criterion then total', () => {
    assert.deepEqual(scoreOf(criteria, 10, sc(2.5, 2, 5)).out, [
      { code: 'criterion_threshold', criterionId: 'excellence', score: 2.5, threshold: 3 },
      { code: 'criterion_threshold', criterionId: 'impact', score: 2, threshold: 3 },
      { code: 'total_threshold', score: 9.5, threshold: 10 },
    ])
  })

  it('a score equal to a threshold passes', () => {
    const s = scoreOf(criteria, 10, sc(3, 3, 4))
    assert.deepEqual(s.out, [])
    assert.equal(s.total, 11.5)
  })

  it('no final consensus, or a criterion without a consensus score, is out with no total', () => {
    assert.deepEqual(scoreOf(criteria, 10, null), { total: null, scores: {}, out: [{ code: 'no_consensus' }] })
    assert.deepEqual(scoreOf(criteria, null, { excellence: 5, impact: 5 }).out, [{ code: 'no_consensus' }])
  })

  it('no total threshold: only criteria thresholds apply', () => {
    assert.deepEqual(scoreOf(criteria, null, sc(3, 3, 0)).out, [])
  })

  it('ranks by total, then lists those out by total (none last) then reference', () => {
    const r = run([
      { facts: facts({ id: 'a', reference: 'APP-3' }), consensus: sc(3, 3, 4) }, // 11.5
      { facts: facts({ id: 'b', reference: 'APP-2' }), consensus: null },
      { facts: facts({ id: 'c', reference: 'APP-1' }), consensus: sc(5, 5, 5) }, // 17.5
      { facts: facts({ id: 'd', reference: 'APP-5' }), consensus: sc(2, 5, 5) }, // out, 14.5
      { facts: facts({ id: 'e', reference: 'APP-4' }), consensus: sc(4, 4, 4) }, // 14
      { facts: facts({ id: 'f', reference: 'APP-0' }), consensus: sc(2, 2, 2) }, // out, 7
    ])
    assert.deepEqual(order(r), [
      ['c', 1],
      ['e', 2],
      ['a', 3],
      ['d', null],
      ['f', null],
      ['b', null],
    ])
    assert.deepEqual(
      r.map((x) => x.total),
      [17.5, 14, 11.5, 14.5, 7, null],
    )
    assert.ok(r.every((x) => x.tieBreak === null))
  })
})

describe('tie-breaks', () => {
  it('uncovered_challenge: a challenge covered by a better-ranked application loses', () => {
    const r = run([
      { facts: facts({ id: 'top', challengeId: 'X' }), consensus: sc(5, 5, 5) },
      // a and b tie at 14; a's challenge X is covered by "top", b's challenge Y is not.
      {
        facts: facts({ id: 'a', challengeId: 'X', smeCount: 5, submittedAt: '2026-03-01T00:00:00Z' }),
        consensus: sc(4, 4, 4),
      },
      { facts: facts({ id: 'b', challengeId: 'Y' }), consensus: sc(4, 4, 4) },
    ])
    assert.deepEqual(order(r), [
      ['top', 1],
      ['b', 2],
      ['a', 3],
    ])
    assert.deepEqual(r[1]!.tieBreak, {
      tiedWith: ['a'],
      rule: 'uncovered_challenge',
      detail: {
        position: 1,
        groupSize: 2,
        beats: [{ applicationId: 'a', rule: 'uncovered_challenge', mine: true, theirs: false }],
        beatenBy: [],
      },
    })
    assert.equal(r[2]!.tieBreak?.rule, 'uncovered_challenge')
    assert.deepEqual(r[2]!.tieBreak?.detail.beatenBy, [
      { applicationId: 'b', rule: 'uncovered_challenge', mine: false, theirs: true },
    ])
  })

  it('uncovered_challenge is re-evaluated as positions fill: two on one challenge do not both go first', () => {
    // Three tie; p and q share challenge X, r has Y. No better-ranked application.
    // Position 1: all uncovered → criterion (excellence): p (5) wins. Position 2: q's X is now covered
    // by p, r's Y is not → r, although q has a better excellence score than r.
    const r = run([
      { facts: facts({ id: 'p', challengeId: 'X' }), consensus: sc(5, 4, 3) },
      { facts: facts({ id: 'q', challengeId: 'X' }), consensus: sc(4.5, 4, 3.5) },
      { facts: facts({ id: 'r', challengeId: 'Y' }), consensus: sc(4, 4, 4) },
    ])
    assert.deepEqual(order(r), [
      ['p', 1],
      ['r', 2],
      ['q', 3],
    ])
    assert.deepEqual(
      r.map((x) => [x.tieBreak?.rule, x.tieBreak?.criterionId]),
      [
        ['criterion', 'excellence'],
        ['uncovered_challenge', undefined],
        ['uncovered_challenge', undefined],
      ],
    )
    assert.deepEqual(r[0]!.tieBreak?.detail.beats, [
      { applicationId: 'q', rule: 'criterion', criterionId: 'excellence', mine: 5, theirs: 4.5 },
      { applicationId: 'r', rule: 'criterion', criterionId: 'excellence', mine: 5, theirs: 4 },
    ])
    assert.deepEqual(r[0]!.tieBreak?.tiedWith, ['r', 'q'])
  })

  it('no challenge counts as covered', () => {
    const r = run([
      { facts: facts({ id: 'none', smeCount: 9 }), consensus: sc(4, 4, 4) },
      { facts: facts({ id: 'some', challengeId: 'Z' }), consensus: sc(4, 4, 4) },
    ])
    assert.deepEqual(order(r), [
      ['some', 1],
      ['none', 2],
    ])
  })

  it('criterion with an id: that criterion only, then the next rule', () => {
    const rules: TieBreak[] = [{ rule: 'criterion', criterionId: 'impact' }, { rule: 'more_smes' }]
    const r = run(
      [
        { facts: facts({ id: 'a', smeCount: 1 }), consensus: sc(5, 4, 3) }, // 14
        { facts: facts({ id: 'b', smeCount: 3 }), consensus: sc(3, 4, 5) }, // 14, same impact, more SMEs
        { facts: facts({ id: 'c', smeCount: 0 }), consensus: sc(3.5, 5, 3) }, // 14, best impact
      ],
      rules,
    )
    assert.deepEqual(order(r), [
      ['c', 1],
      ['b', 2],
      ['a', 3],
    ])
    assert.deepEqual(
      r.map((x) => [x.tieBreak?.rule, x.tieBreak?.criterionId]),
      [
        ['criterion', 'impact'],
        ['more_smes', undefined],
        ['more_smes', undefined],
      ],
    )
    assert.deepEqual(r[1]!.tieBreak?.detail.beats, [{ applicationId: 'a', rule: 'more_smes', mine: 3, theirs: 1 }])
    assert.deepEqual(r[1]!.tieBreak?.detail.beatenBy, [
      { applicationId: 'c', rule: 'criterion', criterionId: 'impact', mine: 4, theirs: 5 },
    ])
  })

  it('criterion without an id: each criterion in the call order', () => {
    const r = run(
      [
        { facts: facts({ id: 'a' }), consensus: sc(4, 4, 6) },
        { facts: facts({ id: 'b' }), consensus: sc(4, 5, 4.5) },
      ],
      [{ rule: 'criterion' }],
      null,
    )
    // totals: a = 4 + 6 + 6 = 16; b = 4 + 7.5 + 4.5 = 16. Excellence equal, impact decides.
    assert.deepEqual(order(r), [
      ['b', 1],
      ['a', 2],
    ])
    assert.equal(r[0]!.tieBreak?.criterionId, 'impact')
  })

  it('more_smes, then more_countries', () => {
    const rules: TieBreak[] = [{ rule: 'more_smes' }, { rule: 'more_countries' }]
    const r = run(
      [
        { facts: facts({ id: 'a', smeCount: 2, countries: ['BE'] }), consensus: sc(4, 4, 4) },
        { facts: facts({ id: 'b', smeCount: 2, countries: ['BE', 'FR', 'NL'] }), consensus: sc(4, 4, 4) },
        { facts: facts({ id: 'c', smeCount: 1, countries: ['BE', 'FR', 'NL', 'DE'] }), consensus: sc(4, 4, 4) },
      ],
      rules,
    )
    assert.deepEqual(order(r), [
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ])
    assert.deepEqual(r[0]!.tieBreak?.detail.beats, [
      { applicationId: 'a', rule: 'more_countries', mine: 3, theirs: 1 },
      { applicationId: 'c', rule: 'more_smes', mine: 2, theirs: 1 },
    ])
    assert.equal(r[0]!.tieBreak?.rule, 'more_countries')
    assert.equal(r[1]!.tieBreak?.rule, 'more_smes')
    assert.equal(r[2]!.tieBreak?.rule, 'more_smes')
  })

  it('earlier_submission is final and always decisive (equal instants: the smaller reference)', () => {
    const r = run(
      [
        {
          facts: facts({ id: 'late', reference: 'APP-1', submittedAt: '2026-03-13T12:00:00.000Z' }),
          consensus: sc(4, 4, 4),
        },
        {
          facts: facts({ id: 'early', reference: 'APP-3', submittedAt: '2026-03-13T09:00:00.000Z' }),
          consensus: sc(4, 4, 4),
        },
        {
          facts: facts({ id: 'same', reference: 'APP-2', submittedAt: '2026-03-13T12:00:00.000Z' }),
          consensus: sc(4, 4, 4),
        },
      ],
      [{ rule: 'more_smes' }], // not listed: added implicitly at the end
    )
    assert.deepEqual(order(r), [
      ['early', 1],
      ['late', 2],
      ['same', 3],
    ])
    assert.deepEqual(r[1]!.tieBreak?.detail.beats, [
      {
        applicationId: 'same',
        rule: 'earlier_submission',
        mine: '2026-03-13T12:00:00.000Z',
        theirs: '2026-03-13T12:00:00.000Z',
      },
    ])
  })

  it('totals equal to 1e-9 tie; a larger difference does not', () => {
    const r = run(
      [
        { facts: facts({ id: 'a', smeCount: 1 }), consensus: { excellence: 4.1, impact: 4.2, implementation: 4.3 } },
        { facts: facts({ id: 'b', smeCount: 2 }), consensus: { excellence: 4.3, impact: 4.2, implementation: 4.1 } },
        { facts: facts({ id: 'c', smeCount: 9 }), consensus: { excellence: 4.3, impact: 4.2, implementation: 4.0999 } },
      ],
      [{ rule: 'more_smes' }],
    )
    assert.deepEqual(order(r), [
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ])
    assert.equal(r[2]!.tieBreak, null)
  })

  it('the order does not depend on the input order', () => {
    const apps = Array.from({ length: 8 }, (_, i) => ({
      facts: facts({
        id: `x${i}`,
        reference: `APP-${i}`,
        challengeId: ['A', 'B', null][i % 3]!,
        smeCount: i % 2,
        countries: i % 4 ? ['BE'] : ['BE', 'NL'],
      }),
      consensus: sc(4, 4, i < 6 ? 4 : 5),
    }))
    const expected = order(run(apps))
    for (let k = 0; k < 5; k++) {
      const shuffled = [...apps].sort(() => Math.random() - 0.5)
      assert.deepEqual(order(run(shuffled)), expected)
    }
    // 15: x7 and x6 (both uncovered, equal scores) → more SMEs: x7. 14: challenges A and B are covered,
    // x2 and x5 have none → equal scores → more SMEs (x1, x3, x5) → countries equal → reference; then x0,
    // x4 (two countries) before x2.
    assert.deepEqual(expected, [
      ['x7', 1],
      ['x6', 2],
      ['x1', 3],
      ['x3', 4],
      ['x5', 5],
      ['x0', 6],
      ['x4', 7],
      ['x2', 8],
    ])
  })
})
