import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Highs } from 'highs'
import { DomainError } from '../../../platform/errors.ts'
import { bruteForce, COUNTRIES, KINDS, randomInput, rng, sharedSecondCountry, small } from './fixtures.ts'
import { type AssignmentInput, type AssignmentOptions, assignExperts, checkAssignment } from './index.ts'

async function expectSameAsBruteForce(input: AssignmentInput, options: AssignmentOptions = {}) {
  const best = bruteForce(input)
  if (best === null) {
    await assert.rejects(assignExperts(input, options), (e: unknown) => e instanceof DomainError)
    return false
  }
  const result = await assignExperts(input, options)
  const check = checkAssignment(input, result.pairs)
  assert.deepEqual(check.violations, [])
  assert.ok(Math.abs(check.total - best) < 1e-9, `total ${check.total} ≠ brute force ${best}`)
  assert.ok(Math.abs(result.objective - best) < 1e-9)
  assert.equal(result.optimal, true)
  assert.ok(result.upperBound >= result.objective - 1e-9)
  return true
}

/**
 * The optimum by the textbook integer programme, solved by HiGHS directly: a column per allowed pair, every row
 * written out (k per application, loads, a practitioner, one expert per country for every country), nothing lazy,
 * pruned or cut. An independent reference for instances too large for brute force. null: infeasible.
 */
async function referenceOptimum(input: AssignmentInput): Promise<number | null> {
  type Loader = () => Promise<Highs>
  const exported = ((await import('highs')) as unknown as { default: Loader | { default: Loader } }).default
  const highs = await (typeof exported === 'function' ? exported : exported.default)()
  const rows = (input.affinity as unknown as { rows: number[][] }).rows
  const rules = input.rules ?? {}
  const conflict = new Set((input.conflicts ?? []).map((c) => `${c.application}|${c.expert}`))
  const cols: { a: number; e: number }[] = []
  for (const [a, app] of input.applications.entries())
    for (const [e, x] of input.experts.entries()) {
      if (conflict.has(`${app.id}|${x.id}`)) continue
      if (rules.excludeApplicantCountries && (x.countries ?? []).some((c) => app.countries?.includes(c))) continue
      cols.push({ a, e })
    }
  const lower: number[] = []
  const upper: number[] = []
  const members: number[][] = []
  const row = (lo: number, up: number, js: number[]) => {
    lower.push(lo)
    upper.push(up)
    members.push(js)
  }
  const where = (f: (c: { a: number; e: number }) => boolean) => cols.flatMap((c, j) => (f(c) ? [j] : []))
  input.applications.forEach((app, a) => {
    const k = app.k ?? 3
    row(
      k,
      k,
      where((c) => c.a === a),
    )
    if (rules.practitionerRequired && k > 0)
      row(
        1,
        k,
        where((c) => c.a === a && input.experts[c.e]!.kind === 'practitioner'),
      )
    if (rules.onePerCountry)
      for (const country of new Set(input.experts.flatMap((x) => x.countries ?? [])))
        row(
          0,
          1,
          where((c) => c.a === a && (input.experts[c.e]!.countries ?? []).includes(country)),
        )
  })
  input.experts.forEach((x, e) => {
    row(
      x.minLoad ?? 0,
      x.maxLoad,
      where((c) => c.e === e),
    )
  })
  const perCol: number[][] = cols.map(() => [])
  members.forEach((js, i) => {
    for (const j of js) perCol[j]!.push(i)
  })
  const starts = new Int32Array(cols.length + 1)
  perCol.forEach((l, j) => {
    starts[j + 1] = starts[j]! + l.length
  })
  const indices = Int32Array.from(perCol.flat())
  const model = highs.createModel({
    numCols: cols.length,
    numRows: lower.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cols, (c) => rows[c.a]![c.e]!),
    colLower: new Float64Array(cols.length),
    colUpper: new Float64Array(cols.length).fill(1),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    matrix: {
      format: 'csc',
      numRows: lower.length,
      numCols: cols.length,
      starts,
      indices,
      values: new Float64Array(indices.length).fill(1),
    },
    integrality: new Int32Array(cols.length).fill(highs.constants.variableType.integer),
  })
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 })
    const run = model.run()
    if (run.modelStatus === highs.constants.modelStatus.infeasible) return null
    assert.equal(run.modelStatus, highs.constants.modelStatus.optimal)
    const x = model.getSolution().colValue
    return cols.reduce((t, c, j) => t + (x[j]! > 0.5 ? rows[c.a]![c.e]! : 0), 0)
  } finally {
    model.dispose()
  }
}

/** Panels of two from two countries with tight loads: this seed's LP relaxation is fractional (found by search), so
 * the optimum comes from branch and cut, not from the LP vertex. */
function fractionalInstance(): AssignmentInput {
  const r = rng(7602)
  const applications = Array.from({ length: 6 }, (_, a) => ({
    id: `a${a}`,
    k: 2,
    countries: r.next() < 0.5 ? [COUNTRIES[r.int(3)]!] : [],
  }))
  const experts = Array.from({ length: 8 }, (_, e) => ({
    id: `e${e}`,
    kind: KINDS[r.int(3)]!,
    countries: [COUNTRIES[r.int(2)]!],
    maxLoad: 1 + r.int(2),
    minLoad: r.next() < 0.5 ? 1 : 0,
  }))
  const rows = applications.map(() => experts.map(() => r.int(1000) / 1000))
  return {
    applications,
    experts,
    affinity: { kind: 'dense', rows },
    rules: { practitionerRequired: true, onePerCountry: true, excludeApplicantCountries: false },
  }
}

describe('expert assignment against brute force', () => {
  it('min-cost flow: k, loads (min and max), conflicts', async () => {
    let solved = 0
    for (let seed = 1; seed <= 40; seed++) {
      const input = randomInput(seed, 4, 5, false)
      if (await expectSameAsBruteForce(input)) solved++
    }
    assert.ok(solved >= 20, `only ${solved} feasible instances`)
  })

  it('MILP with the panel rules (practitioner, one per country, applicant countries), experts with two countries', async () => {
    let solved = 0
    let secondCountryMatters = 0
    for (let seed = 100; seed <= 160; seed++) {
      const input = randomInput(seed, 4, 6, true)
      if (await expectSameAsBruteForce(input)) solved++
      // The same instance read with first countries only: where its optimum differs, a second country decided.
      const firstOnly = bruteForce({
        ...input,
        experts: input.experts.map((x) => ({ ...x, countries: (x.countries ?? []).slice(0, 1) })),
      })
      if (firstOnly !== bruteForce(input)) secondCountryMatters++
    }
    assert.ok(solved >= 15, `only ${solved} feasible instances`)
    assert.ok(secondCountryMatters >= 3, `a second country decided only ${secondCountryMatters} instances`)
  })

  it('MILP on an instance whose LP relaxation is fractional', async () => {
    assert.equal(await expectSameAsBruteForce(fractionalInstance()), true)
  })

  it('cuts for experts with two countries (odd sets, practitioners, zero-half), against brute force', async () => {
    // Seeds whose LP needs the cuts of milp-model.ts to become integral (found by search): some need each kind, some
    // are infeasible only with every row; pruned candidates too.
    const seeds = [73, 187, 194, 259, 270, 275, 345, 448, 457, 539, 682, 805, 848, 927, 987, 1016, 1030, 1031, 1103]
    let solved = 0
    for (const seed of seeds) {
      const input = randomInput(seed, 5, 7, true)
      for (const options of [{}, { pruneAbove: 0, candidatesPerApplication: 1 }])
        if (await expectSameAsBruteForce(input, options)) solved++
    }
    assert.ok(solved >= 18, `only ${solved / 2} feasible instances`)
  })

  it('branch and cut where the LP stays fractional after every cut, against the textbook programme', async () => {
    // Instances (found by search) whose LP keeps a fractional panel once the country rows and cuts are in: branch
    // and cut runs (a first solution, then the pairs that could beat it, columns fixed), over pruned candidates too.
    for (const [seed, A, E] of [
      [97, 8, 10],
      [329, 8, 10],
      [672, 8, 10],
      [460, 6, 9],
      [355, 10, 12],
    ] as const) {
      const input = randomInput(seed, A, E, true)
      const best = await referenceOptimum(input)
      assert.notEqual(best, null, `seed ${seed} is feasible`)
      for (const options of [{}, { pruneAbove: 0, candidatesPerApplication: 2 }]) {
        const result = await assignExperts(input, options)
        const check = checkAssignment(input, result.pairs)
        assert.deepEqual(check.violations, [])
        assert.ok(Math.abs(check.total - best!) < 1e-6, `seed ${seed}: ${check.total} ≠ ${best}`)
        assert.equal(result.optimal, true)
      }
    }
  })

  it('pruned to one candidate per application, pricing brings back what matters (flow and MILP)', async () => {
    for (let seed = 200; seed <= 215; seed++) {
      const rules = seed % 2 === 0
      const input = randomInput(seed, 4, 6, rules)
      await expectSameAsBruteForce(input, { pruneAbove: 0, candidatesPerApplication: 1 })
    }
  })

  it('sparse affinities with a default are the same problem as their dense form', async () => {
    const dense = randomInput(7, 4, 6, false)
    const rows = (dense.affinity as unknown as { rows: number[][] }).rows
    const app: number[] = []
    const exp: number[] = []
    const value: number[] = []
    for (const [a, row] of rows.entries())
      for (const [e, v] of row.entries()) {
        if (v > 0.5) {
          app.push(a)
          exp.push(e)
          value.push(v)
        } else row[e] = 0.25
      }
    const sparse: AssignmentInput = {
      ...dense,
      affinity: { kind: 'sparse', application: app, expert: exp, value, default: 0.25 },
    }
    const best = bruteForce(dense)
    assert.notEqual(best, null)
    for (const options of [{}, { pruneAbove: 0, candidatesPerApplication: 1 }]) {
      const result = await assignExperts(sparse, options)
      assert.ok(Math.abs(result.objective - best!) < 1e-9)
      assert.deepEqual(checkAssignment(sparse, result.pairs).violations, [])
    }
  })
})

describe('locks, explanations, rules', () => {
  it('assigns around a lock and marks it', async () => {
    const input = { ...small(), locks: [{ application: 'B', expert: 'e0' }] }
    const result = await assignExperts(input)
    assert.deepEqual(checkAssignment(input, result.pairs).violations, [])
    const locked = result.pairs.find((p) => p.application === 'B' && p.expert === 'e0')
    assert.equal(locked?.reason, 'locked')
    assert.equal(locked?.locked, true)
    assert.ok(!result.pairs.some((p) => p.application === 'A' && p.expert === 'e0'))
    assert.ok(Math.abs(result.objective - bruteForce(input)!) < 1e-9)
  })

  it('explains ranks and the practitioner rule', async () => {
    const input = { ...small(), rules: { practitionerRequired: true } }
    const result = await assignExperts(input)
    assert.equal(result.method, 'milp')
    assert.deepEqual(checkAssignment(input, result.pairs).violations, [])
    const practitioner = result.pairs.filter((p) => p.expert === 'e1')
    assert.equal(practitioner.length, 2)
    for (const p of practitioner) {
      assert.equal(p.reason, 'practitioner_required')
      assert.equal(p.rankForApplication, 4)
    }
    // e0 (load 1) goes where it adds most: A (0.9), its best application.
    const e0 = result.pairs.find((p) => p.expert === 'e0')!
    assert.equal(e0.application, 'A')
    assert.equal(e0.rankForExpert, 1)
    assert.equal(e0.reason, 'top_choice')
    assert.ok(Math.abs(result.objective - bruteForce(input)!) < 1e-9)
  })

  it('two experts sharing only their second country never sit on one panel (optimum by hand)', async () => {
    const input = sharedSecondCountry()
    for (const options of [{}, { pruneAbove: 0, candidatesPerApplication: 1 }]) {
      const result = await assignExperts(input, options)
      assert.equal(result.method, 'milp')
      assert.equal(result.optimal, true)
      assert.deepEqual(checkAssignment(input, result.pairs).violations, [])
      assert.ok(Math.abs(result.objective - 1.8) < 1e-9, `objective ${result.objective}`)
      const panel = (id: string) =>
        result.pairs
          .filter((p) => p.application === id)
          .map((p) => p.expert)
          .sort()
      assert.deepEqual(panel('X'), ['p', 's'])
      assert.deepEqual(panel('Y'), ['q', 'r'])
      // s (0.2) is on X because q (0.8) shares BE with p; r (0.1) is on Y because p (0.5) shares BE with q.
      const reason = (application: string, expert: string) =>
        result.pairs.find((p) => p.application === application && p.expert === expert)?.reason
      assert.equal(reason('X', 's'), 'country_rule')
      assert.equal(reason('Y', 'r'), 'country_rule')
    }
    assert.ok(Math.abs(bruteForce(input)! - 1.8) < 1e-9)
    // Read with first countries only, the rule would let p and q (and s on Y) through.
    const firstOnly = {
      ...input,
      experts: input.experts.map((x) => ({ ...x, countries: (x.countries ?? []).slice(0, 1) })),
    }
    assert.ok(Math.abs((await assignExperts(firstOnly)).objective - 3.2) < 1e-9)
    // The checker sees both rules through the second countries.
    const rules = checkAssignment(input, [
      { application: 'X', expert: 'p' },
      { application: 'X', expert: 'q' },
      { application: 'Y', expert: 's' },
      { application: 'Y', expert: 'r' },
    ]).violations
    assert.deepEqual(rules, [
      { rule: 'applicant_country', application: 'Y', expert: 's' },
      { rule: 'same_country', application: 'X' },
    ])
  })

  it('applies the country rules', async () => {
    const input = { ...small(), rules: { onePerCountry: true, excludeApplicantCountries: true } }
    const result = await assignExperts(input)
    assert.deepEqual(checkAssignment(input, result.pairs).violations, [])
    assert.ok(!result.pairs.some((p) => p.application === 'A' && p.expert === 'e2'))
    assert.ok(Math.abs(result.objective - bruteForce(input)!) < 1e-9)
  })
})
