import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DomainError } from '../../../platform/errors.ts'
import { randomInput, sharedSecondCountry, small } from './fixtures.ts'
import { type AssignmentInput, assignExperts, assignExpertsInWorker, checkAssignment } from './index.ts'

async function expectCode(input: AssignmentInput, code: string, details?: Record<string, unknown>) {
  await assert.rejects(assignExperts(input), (e: unknown) => {
    assert.ok(e instanceof DomainError)
    assert.equal(e.code, code)
    if (details) for (const [k, v] of Object.entries(details)) assert.deepEqual(e.details[k], v)
    return true
  })
}

describe('infeasibility', () => {
  it('total capacity below demand', async () => {
    const input = small()
    for (const x of input.experts) Object.assign(x, { maxLoad: 0 })
    await expectCode(input, 'assignment_capacity_short', { demand: 4, capacity: 0 })
  })

  it('practitioners cannot sit on every panel', async () => {
    const input = { ...small(), rules: { practitionerRequired: true } }
    Object.assign(input.experts[1]!, { maxLoad: 1 })
    await expectCode(input, 'assignment_capacity_short', { kind: 'practitioner', demand: 2, capacity: 1 })
  })

  it('an application with fewer than k allowed experts', async () => {
    const input = {
      ...small(),
      conflicts: ['e0', 'e1', 'e2'].map((expert) => ({ application: 'B', expert })),
    }
    await expectCode(input, 'assignment_application_short', {
      applications: [{ application: 'B', reason: 'experts', available: 1, needed: 2 }],
      count: 1,
    })
  })

  it('too few countries for the one-per-country rule', async () => {
    const base = small()
    const input = {
      ...base,
      experts: base.experts.map((x) => (x.id === 'e1' ? { ...x, countries: ['FR'] } : x)),
      rules: { onePerCountry: true, excludeApplicantCountries: true },
    }
    await expectCode(input, 'assignment_application_short', {
      applications: [{ application: 'A', reason: 'countries', available: 1, needed: 2 }],
      count: 1,
    })
  })

  it('too few countries when experts share their second ones', async () => {
    const input: AssignmentInput = {
      applications: [{ id: 'A', k: 3 }],
      experts: [
        { id: 'x', kind: 'technical', countries: ['BE', 'FR'], maxLoad: 1 },
        { id: 'y', kind: 'technical', countries: ['FR', 'BE'], maxLoad: 1 },
        { id: 'z', kind: 'technical', countries: ['BE'], maxLoad: 1 },
      ],
      affinity: { kind: 'dense', rows: [[1, 1, 1]] },
      rules: { onePerCountry: true },
    }
    await expectCode(input, 'assignment_application_short', {
      applications: [{ application: 'A', reason: 'countries', available: 2, needed: 3 }],
      count: 1,
    })
    // Three countries among them, yet any two share one: the counting passes, the solver proves it.
    const shared = {
      ...input,
      experts: [
        { id: 'x', kind: 'technical' as const, countries: ['FR', 'BE'], maxLoad: 1 },
        { id: 'y', kind: 'technical' as const, countries: ['NL', 'BE'], maxLoad: 1 },
        { id: 'z', kind: 'technical' as const, countries: ['DE', 'BE'], maxLoad: 1 },
      ],
    }
    await expectCode(shared, 'assignment_infeasible')
    // An applicants' country held second takes the expert out: Y (applicants from PT) keeps p, q, r, not s.
    const excluded = sharedSecondCountry()
    excluded.applications[1]!.k = 4
    await expectCode({ ...excluded, rules: { excludeApplicantCountries: true } }, 'assignment_application_short', {
      applications: [{ application: 'Y', reason: 'experts', available: 3, needed: 4 }],
      count: 1,
    })
  })

  it('locks that break a country rule through a second country', async () => {
    // p and q share BE, their second country; s holds PT, Y's applicants' country, second.
    await expectCode(
      {
        ...sharedSecondCountry(),
        locks: [
          { application: 'X', expert: 'p' },
          { application: 'X', expert: 'q' },
        ],
      },
      'assignment_locks_infeasible',
      { locks: [{ application: 'X', expert: 'q', reason: 'same_country' }] },
    )
    await expectCode(
      { ...sharedSecondCountry(), locks: [{ application: 'Y', expert: 's' }] },
      'assignment_locks_infeasible',
      { locks: [{ application: 'Y', expert: 's', reason: 'applicant_country' }] },
    )
    // Without the rules a lock of q on X holds; under them, a lock of p on X closes BE, so X never gets q.
    const input = sharedSecondCountry()
    const free = await assignExperts({ ...input, rules: {}, locks: [{ application: 'X', expert: 'q' }] })
    assert.ok(free.pairs.some((p) => p.application === 'X' && p.expert === 'q' && p.reason === 'locked'))
    const lockedP = await assignExperts({ ...input, locks: [{ application: 'X', expert: 'p' }] })
    assert.deepEqual(
      checkAssignment({ ...input, locks: [{ application: 'X', expert: 'p' }] }, lockedP.pairs).violations,
      [],
    )
    assert.ok(!lockedP.pairs.some((p) => p.application === 'X' && p.expert === 'q'))
  })

  it('locks on a conflict, or beyond a load', async () => {
    await expectCode(
      { ...small(), conflicts: [{ application: 'A', expert: 'e1' }], locks: [{ application: 'A', expert: 'e1' }] },
      'assignment_locks_infeasible',
      { locks: [{ application: 'A', expert: 'e1', reason: 'conflict' }] },
    )
    await expectCode(
      {
        ...small(),
        locks: [
          { application: 'A', expert: 'e0' },
          { application: 'B', expert: 'e0' },
        ],
      },
      'assignment_locks_infeasible',
      { locks: [{ expert: 'e0', reason: 'expert_over_max_load' }] },
    )
  })

  it('minimum loads above demand, or out of reach', async () => {
    const input = small()
    for (const x of input.experts) Object.assign(x, { minLoad: 2, maxLoad: 2 })
    await expectCode(input, 'assignment_min_load_infeasible', { demand: 4, minimumLoads: 8 })
    const reach = { ...small(), conflicts: [{ application: 'A', expert: 'e3' }] }
    Object.assign(reach.experts[3]!, { minLoad: 2 })
    await expectCode(reach, 'assignment_min_load_infeasible', {
      experts: [{ expert: 'e3', available: 1, minLoad: 2 }],
      count: 1,
    })
  })

  it('infeasible together though each check passes', async () => {
    const input: AssignmentInput = {
      applications: [
        { id: 'A', k: 1 },
        { id: 'B', k: 1 },
      ],
      experts: [
        { id: 'x', kind: 'technical', maxLoad: 1 },
        { id: 'y', kind: 'technical', maxLoad: 1 },
      ],
      affinity: {
        kind: 'dense',
        rows: [
          [1, 1],
          [1, 1],
        ],
      },
      conflicts: [
        { application: 'A', expert: 'y' },
        { application: 'B', expert: 'y' },
      ],
    }
    await expectCode(input, 'assignment_infeasible')
    await expectCode({ ...input, rules: { practitionerRequired: false, onePerCountry: true } }, 'assignment_infeasible')
  })

  it('unknown ids are a validation error', async () => {
    await expectCode({ ...small(), conflicts: [{ application: 'Z', expert: 'e0' }] }, 'validation_failed')
  })
})

describe('checker and worker', () => {
  it('the checker names each broken rule', () => {
    const input = {
      ...small(),
      conflicts: [{ application: 'A', expert: 'e3' }],
      locks: [{ application: 'B', expert: 'e1' }],
      rules: { practitionerRequired: true, onePerCountry: true, excludeApplicantCountries: true },
    }
    const { violations, total } = checkAssignment(input, [
      { application: 'A', expert: 'e0' },
      { application: 'A', expert: 'e3' },
      { application: 'A', expert: 'e2' },
      { application: 'B', expert: 'e0' },
      { application: 'B', expert: 'e0' },
    ])
    const rules = violations.map((v) => v.rule).sort()
    assert.deepEqual(rules, [
      'applicant_country',
      'conflict',
      'duplicate_pair',
      'lock_missing',
      'max_load',
      'panel_size',
      'practitioner_missing',
      'practitioner_missing',
      'same_country',
      'same_country',
    ])
    assert.ok(Math.abs(total - (0.9 + 0.5 + 0.8 + 0.7 + 0.7)) < 1e-12)
  })

  it('runs in a worker with progress, and passes domain errors through', async () => {
    const input = randomInput(3, 5, 6, true)
    const phases: string[] = []
    const result = await assignExpertsInWorker(input, { onProgress: (p) => phases.push(p.phase) }).catch(
      (e: unknown) => e,
    )
    if (result instanceof DomainError) assert.ok(result.code.startsWith('assignment_'))
    else {
      const direct = await assignExperts(input)
      assert.ok(!(result instanceof Error))
      assert.equal((result as typeof direct).objective, direct.objective)
      assert.ok(phases.includes('done'))
    }
    const bad = small()
    for (const x of bad.experts) Object.assign(x, { maxLoad: 0 })
    await assert.rejects(
      assignExpertsInWorker(bad),
      (e: unknown) => e instanceof DomainError && e.code === 'assignment_capacity_short',
    )
  })
})
