import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DomainError } from '../../../../platform/errors.ts'
import {
  type SelectionCandidate,
  type SelectionInput,
  type SelectionParams,
  type SelectionQuota,
  selectUnderBudget,
} from './optimise.ts'

const cand = (i: number, over: Partial<SelectionCandidate> = {}): SelectionCandidate => ({
  applicationId: `app-${String(i).padStart(2, '0')}`,
  rank: i,
  requestedCents: 7_000_000,
  challengeKey: null,
  domainKey: null,
  leadCountry: null,
  members: [],
  ...over,
})
const params = (over: Partial<SelectionParams> = {}): SelectionParams => ({
  budgetCents: 20_000_000,
  quotas: [],
  perOrganisationCapCents: 6_000_000,
  maxPerCountry: null,
  ...over,
})

/** An independent check of every constraint on a funded set (the optimiser's own is not reused). */
function satisfies(input: SelectionInput, set: SelectionCandidate[]): boolean {
  const p = input.params
  if (set.reduce((s, a) => s + a.requestedCents, 0) > p.budgetCents) return false
  for (const q of p.quotas) {
    const n = set.filter((a) => (q.scope === 'challenge' ? a.challengeKey : a.domainKey) === q.key).length
    if (n < q.min || (q.max !== null && n > q.max)) return false
  }
  const perOrg = new Map<string, number>()
  for (const a of set)
    for (const m of a.members)
      if (m.organisationId) perOrg.set(m.organisationId, (perOrg.get(m.organisationId) ?? 0) + m.requestedCents)
  for (const [org, cents] of perOrg)
    if (cents > 0 && (input.priorGrantedCents[org] ?? 0) + cents > p.perOrganisationCapCents) return false
  if (p.maxPerCountry !== null) {
    const perCountry = new Map<string, number>()
    for (const a of set) if (a.leadCountry) perCountry.set(a.leadCountry, (perCountry.get(a.leadCountry) ?? 0) + 1)
    for (const n of perCountry.values()) if (n > p.maxPerCountry) return false
  }
  return true
}

/**
 * Brute force over all subsets: the feasible set with the largest Σ 2^(n−rank) — the single-MILP weighting —
 * which is the lexicographic maximum by rank (bit n−1 is rank 1). Null when no subset is feasible.
 */
function bruteForce(input: SelectionInput): string[] | null {
  const ranked = input.candidates.filter((c) => c.rank !== null).sort((a, b) => a.rank! - b.rank!)
  const n = ranked.length
  let best = -1
  for (let mask = 0; mask < 1 << n; mask++) {
    const set = ranked.filter((_, i) => mask & (1 << (n - 1 - i)))
    if (mask > best && satisfies(input, set)) best = mask
  }
  if (best < 0) return null
  return ranked.filter((_, i) => best & (1 << (n - 1 - i))).map((a) => a.applicationId)
}

/** A seeded generator (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomInstance(seed: number): SelectionInput {
  const r = rng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
  const n = int(1, 12)
  const orgs = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6']
  const candidates: SelectionCandidate[] = []
  for (let i = 1; i <= n; i++) {
    const memberCount = int(1, 3)
    const picked = new Set<string>()
    while (picked.size < memberCount) picked.add(orgs[int(0, orgs.length - 1)]!)
    const members = [...picked].map((o) => ({
      organisationId: o,
      name: o.toUpperCase(),
      requestedCents: int(1, 40) * 100_000,
    }))
    candidates.push(
      cand(i, {
        requestedCents: members.reduce((s, m) => s + m.requestedCents, 0),
        challengeKey: `C${int(1, 3)}`,
        domainKey: `D${int(1, 2)}`,
        leadCountry: ['BE', 'NL', 'FR'][int(0, 2)]!,
        members,
      }),
    )
  }
  // Some applications not ranked (out by the ranking).
  if (r() < 0.3) candidates.push(cand(99, { rank: null, outReasons: [{ code: 'total_threshold' }] }))
  const quotas: SelectionQuota[] = []
  for (const key of ['C1', 'C2', 'C3'])
    if (r() < 0.4) {
      const min = int(0, 2)
      quotas.push({ scope: 'challenge', key, min, max: r() < 0.5 ? min + int(0, 2) : null })
    }
  if (r() < 0.3) quotas.push({ scope: 'domain', key: `D${int(1, 2)}`, min: int(0, 1), max: int(1, 3) })
  return {
    candidates,
    params: params({
      budgetCents: int(5, 40) * 1_000_000,
      quotas,
      perOrganisationCapCents: int(3, 12) * 1_000_000,
      maxPerCountry: r() < 0.4 ? int(1, 3) : null,
    }),
    priorGrantedCents: r() < 0.5 ? { o1: int(0, 8) * 1_000_000, o2: int(0, 4) * 1_000_000 } : {},
  }
}

test('equals the lexicographic optimum found by brute force over all subsets (400 random instances, ≤ 12 applications)', async () => {
  let infeasible = 0
  let solved = 0
  let usedSolver = 0
  for (let seed = 1; seed <= 400; seed++) {
    const input = randomInstance(seed)
    const expected = bruteForce(input)
    if (expected === null) {
      infeasible++
      await assert.rejects(selectUnderBudget(input), (e: unknown) => {
        assert.ok(e instanceof DomainError, `seed ${seed}`)
        assert.equal(e.code, 'selection_infeasible', `seed ${seed}`)
        return true
      })
      continue
    }
    const result = await selectUnderBudget(input)
    solved++
    if (result.solverCalls > 0) usedSolver++
    assert.deepEqual(
      result.selected.map((s) => s.applicationId),
      expected,
      `seed ${seed}`,
    )
    assert.ok(result.spentCents <= input.params.budgetCents, `seed ${seed}`)
    // Reserve: exactly the ranked, unselected applications that fit if one selected application declines.
    const byId = new Map(input.candidates.map((c) => [c.applicationId, c]))
    const chosen = expected.map((id) => byId.get(id)!)
    const expectedReserve = input.candidates
      .filter((c) => c.rank !== null && !expected.includes(c.applicationId))
      .sort((a, b) => a.rank! - b.rank!)
      .filter((c) => chosen.some((s) => satisfies(input, [...chosen.filter((x) => x !== s), c])))
      .map((c) => c.applicationId)
    assert.deepEqual(
      result.reserve.map((x) => x.applicationId),
      expectedReserve,
      `seed ${seed}`,
    )
    assert.deepEqual(
      result.reserve.map((x) => x.reserveRank),
      expectedReserve.map((_, i) => i + 1),
    )
    assert.equal(result.selected.length + result.reserve.length + result.out.length, input.candidates.length)
  }
  // The sample covers every path: infeasible quotas, solver-free instances and instances that need HiGHS.
  assert.ok(infeasible >= 10, `infeasible ${infeasible}`)
  assert.ok(solved >= 200, `solved ${solved}`)
  assert.ok(usedSolver >= 30, `used the solver ${usedSolver}`)
})

test('funds in rank order while the budget lasts, and explains each application', async () => {
  const input: SelectionInput = {
    candidates: [
      cand(1, { requestedCents: 8_000_000 }),
      cand(2, { requestedCents: 9_000_000 }),
      cand(3, { requestedCents: 5_000_000 }),
      cand(4, { requestedCents: 2_000_000 }),
      cand(5, { rank: null, outReasons: [{ code: 'total_threshold', score: 9, threshold: 10 }] }),
    ],
    params: params({ budgetCents: 20_000_000 }),
    priorGrantedCents: {},
  }
  const r = await selectUnderBudget(input)
  assert.deepEqual(r.selected, [
    { applicationId: 'app-01', rank: 1, grantedCents: 8_000_000 },
    { applicationId: 'app-02', rank: 2, grantedCents: 9_000_000 },
    { applicationId: 'app-04', rank: 4, grantedCents: 2_000_000 },
  ])
  assert.equal(r.spentCents, 19_000_000)
  assert.equal(r.objective, 3)
  assert.equal(r.solverCalls, 0)
  assert.deepEqual(r.reserve, [{ applicationId: 'app-03', rank: 3, reserveRank: 1 }])
  assert.deepEqual(r.out, [{ applicationId: 'app-05', rank: null }])
  assert.deepEqual(r.explanations['app-01'], {
    status: 'selected',
    code: 'selected_in_rank',
    params: { rank: 1, grantedCents: 8_000_000 },
  })
  assert.deepEqual(r.explanations['app-03'], {
    status: 'reserve',
    code: 'reserve',
    params: {
      reserveRank: 1,
      reason: 'budget_exhausted',
      detail: { requestedCents: 5_000_000, remainingCents: 3_000_000 },
    },
  })
  assert.deepEqual(r.explanations['app-05'], {
    status: 'out',
    code: 'not_ranked',
    params: { reasons: [{ code: 'total_threshold', score: 9, threshold: 10 }] },
  })
})

test('a minimum quota keeps room for a lower-ranked application of the challenge (HiGHS decides)', async () => {
  const input: SelectionInput = {
    candidates: [
      cand(1, { challengeKey: 'C1' }),
      cand(2, { challengeKey: 'C1' }),
      cand(3, { challengeKey: 'C1' }),
      cand(4, { challengeKey: 'C2' }),
    ],
    params: params({
      budgetCents: 21_000_000,
      quotas: [
        { scope: 'challenge', key: 'C2', min: 1, max: null },
        { scope: 'challenge', key: 'C1', min: 0, max: 3 },
      ],
    }),
    priorGrantedCents: {},
  }
  const r = await selectUnderBudget(input)
  assert.deepEqual(
    r.selected.map((s) => s.applicationId),
    ['app-01', 'app-02', 'app-04'],
  )
  assert.ok(r.solverCalls >= 1)
  assert.deepEqual(r.explanations['app-03'], {
    status: 'reserve',
    code: 'reserve',
    params: {
      reserveRank: 1,
      reason: 'quota_min_reserved',
      detail: { quotas: [{ scope: 'challenge', key: 'C2', min: 1, max: null }] },
    },
  })
})

test('a maximum quota, a country limit and the organisation cap across calls leave applications out', async () => {
  const member = (o: string, cents: number) => ({ organisationId: o, name: `Org ${o}`, requestedCents: cents })
  const input: SelectionInput = {
    candidates: [
      cand(1, { challengeKey: 'C1', leadCountry: 'BE', members: [member('a', 4_000_000)], requestedCents: 4_000_000 }),
      cand(2, { challengeKey: 'C1', leadCountry: 'NL', members: [member('b', 3_000_000)], requestedCents: 3_000_000 }),
      cand(3, { challengeKey: 'C2', leadCountry: 'BE', members: [member('c', 3_000_000)], requestedCents: 3_000_000 }),
      cand(4, {
        challengeKey: 'C2',
        leadCountry: 'FR',
        members: [member('d', 2_500_000), member('e', 1_000_000)],
        requestedCents: 3_500_000,
      }),
      cand(5, { challengeKey: 'C3', leadCountry: 'DE', members: [member('f', 1_000_000)], requestedCents: 1_000_000 }),
    ],
    params: params({
      budgetCents: 100_000_000,
      quotas: [{ scope: 'challenge', key: 'C1', min: 0, max: 1 }],
      maxPerCountry: 1,
    }),
    // Organisation d was granted €40,000 in another call of the programme: €25,000 more would pass €60,000.
    priorGrantedCents: { d: 4_000_000 },
  }
  const r = await selectUnderBudget(input)
  assert.deepEqual(
    r.selected.map((s) => s.applicationId),
    ['app-01', 'app-05'],
  )
  assert.deepEqual(r.explanations['app-02'], {
    status: 'reserve',
    code: 'reserve',
    params: { reserveRank: 1, reason: 'quota_max', detail: { scope: 'challenge', key: 'C1', max: 1 } },
  })
  assert.deepEqual(r.explanations['app-03'], {
    status: 'reserve',
    code: 'reserve',
    params: { reserveRank: 2, reason: 'country_max', detail: { country: 'BE', max: 1 } },
  })
  // Out for good: no decline frees room under the organisation's cap.
  assert.deepEqual(r.explanations['app-04'], {
    status: 'out',
    code: 'organisation_cap',
    params: {
      organisationId: 'd',
      name: 'Org d',
      capCents: 6_000_000,
      priorCents: 4_000_000,
      selectedCents: 0,
      requestedCents: 2_500_000,
    },
  })
  assert.deepEqual(r.out, [{ applicationId: 'app-04', rank: 4 }])
})

test('an organisation in two applications of the call is capped across both', async () => {
  const member = (o: string, cents: number) => ({ organisationId: o, name: `Org ${o}`, requestedCents: cents })
  const r = await selectUnderBudget({
    candidates: [
      cand(1, { members: [member('x', 4_000_000), member('y', 3_000_000)], requestedCents: 7_000_000 }),
      cand(2, { members: [member('x', 3_000_000), member('z', 3_000_000)], requestedCents: 6_000_000 }),
      cand(3, { members: [member('z', 3_000_000)], requestedCents: 3_000_000 }),
    ],
    params: params({ budgetCents: 50_000_000 }),
    priorGrantedCents: {},
  })
  assert.deepEqual(
    r.selected.map((s) => s.applicationId),
    ['app-01', 'app-03'],
  )
  assert.deepEqual(r.explanations['app-02']?.params, {
    reserveRank: 1,
    reason: 'organisation_cap',
    detail: {
      organisationId: 'x',
      name: 'Org x',
      capCents: 6_000_000,
      priorCents: 0,
      selectedCents: 4_000_000,
      requestedCents: 3_000_000,
    },
  })
})

test('infeasible quotas are refused with the quota that cannot be met', async () => {
  const input: SelectionInput = {
    candidates: [cand(1, { challengeKey: 'C1' }), cand(2, { challengeKey: 'C2' }), cand(3, { challengeKey: 'C2' })],
    params: params({
      budgetCents: 30_000_000,
      quotas: [
        { scope: 'challenge', key: 'C1', min: 1, max: null },
        { scope: 'challenge', key: 'C2', min: 3, max: null },
      ],
    }),
    priorGrantedCents: {},
  }
  await assert.rejects(selectUnderBudget(input), (e: unknown) => {
    assert.ok(e instanceof DomainError)
    assert.equal(e.code, 'selection_infeasible')
    assert.deepEqual(e.details, { quota: { scope: 'challenge', key: 'C2', min: 3, max: null }, available: 2 })
    return true
  })
  // Each minimum alone fits, both together do not within €100,000: the pair is named.
  const together: SelectionInput = {
    ...input,
    params: params({
      budgetCents: 10_000_000,
      quotas: [
        { scope: 'challenge', key: 'C1', min: 1, max: null },
        { scope: 'challenge', key: 'C2', min: 1, max: null },
      ],
    }),
  }
  await assert.rejects(selectUnderBudget(together), (e: unknown) => {
    assert.ok(e instanceof DomainError)
    assert.deepEqual(e.details, {
      quotas: [
        { scope: 'challenge', key: 'C1', min: 1, max: null },
        { scope: 'challenge', key: 'C2', min: 1, max: null },
      ],
    })
    return true
  })
  const inverted = { ...input, params: params({ quotas: [{ scope: 'domain' as const, key: 'D1', min: 2, max: 1 }] }) }
  await assert.rejects(selectUnderBudget(inverted), { code: 'selection_infeasible' })
})

test('more than 53 applications: lexicographic order stays exact where 2^(n−rank) weights would not', async () => {
  // 80 applications of €10,000; a minimum of 2 for challenge C2, whose only applications rank 79 and 80;
  // €700,000 funds 70: ranks 1–68, then 79 and 80.
  const candidates = Array.from({ length: 80 }, (_, k) =>
    cand(k + 1, { requestedCents: 1_000_000, challengeKey: k >= 78 ? 'C2' : 'C1' }),
  )
  const r = await selectUnderBudget({
    candidates,
    params: params({ budgetCents: 70_000_000, quotas: [{ scope: 'challenge', key: 'C2', min: 2, max: null }] }),
    priorGrantedCents: {},
  })
  assert.deepEqual(
    r.selected.map((s) => s.rank),
    [...Array.from({ length: 68 }, (_, i) => i + 1), 79, 80],
  )
  assert.equal(r.spentCents, 70_000_000)
})
