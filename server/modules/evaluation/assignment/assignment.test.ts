import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DomainError } from '../../../platform/errors.ts'
import { bruteForce, COUNTRIES, KINDS, randomInput, rng, small } from './fixtures.ts'
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
    country: COUNTRIES[r.int(2)]!,
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

  it('MILP with the panel rules (practitioner, one per country, applicant countries)', async () => {
    let solved = 0
    for (let seed = 100; seed <= 130; seed++) {
      const input = randomInput(seed, 4, 6, true)
      if (await expectSameAsBruteForce(input)) solved++
    }
    assert.ok(solved >= 10, `only ${solved} feasible instances`)
  })

  it('MILP on an instance whose LP relaxation is fractional', async () => {
    assert.equal(await expectSameAsBruteForce(fractionalInstance()), true)
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

  it('applies the country rules', async () => {
    const input = { ...small(), rules: { onePerCountry: true, excludeApplicantCountries: true } }
    const result = await assignExperts(input)
    assert.deepEqual(checkAssignment(input, result.pairs).violations, [])
    assert.ok(!result.pairs.some((p) => p.application === 'A' && p.expert === 'e2'))
    assert.ok(Math.abs(result.objective - bruteForce(input)!) < 1e-9)
  })
})
