import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkBallot } from './ballot.ts'
import { tally } from './tally.ts'

const A = 'a0000000-0000-4000-8000-000000000000'
const B = 'b0000000-0000-4000-8000-000000000000'
const C = 'c0000000-0000-4000-8000-000000000000'
const D = 'd0000000-0000-4000-8000-000000000000'

describe('tally', () => {
  it('ranks with ties sharing a rank (1, 2, 2, 4) and lists unvoted use cases with 0', () => {
    const t = tally(
      [A, B, C, D],
      [
        { voterId: 'v1', useCaseId: A, points: 6 },
        { voterId: 'v1', useCaseId: B, points: 4 },
        { voterId: 'v2', useCaseId: C, points: 4 },
        { voterId: 'v2', useCaseId: A, points: 1 },
      ],
    )
    assert.deepEqual(t, {
      voters: 2,
      rows: [
        { useCaseId: A, points: 7, voters: 2, rank: 1 },
        { useCaseId: B, points: 4, voters: 1, rank: 2 },
        { useCaseId: C, points: 4, voters: 1, rank: 2 },
        { useCaseId: D, points: 0, voters: 0, rank: 4 },
      ],
    })
  })
  it('counts every vote it is given: refusing late votes is the command’s job, not the tally’s', () => {
    const t = tally([A], [{ voterId: 'late', useCaseId: A, points: 3 }])
    assert.deepEqual(t.rows, [{ useCaseId: A, points: 3, voters: 1, rank: 1 }])
  })
  it('ignores votes for use cases outside the workshop', () => {
    assert.deepEqual(tally([A], [{ voterId: 'v', useCaseId: B, points: 5 }]), {
      voters: 0,
      rows: [{ useCaseId: A, points: 0, voters: 0, rank: 1 }],
    })
  })
})

describe('checkBallot', () => {
  const rules = {
    budget: 10,
    linkedUseCaseIds: new Set([A, B]),
    voteClosesAt: new Date('2026-01-20T12:00:00Z'),
    now: new Date('2026-01-20T11:59:59Z'),
  }
  it('accepts a ballot within budget and drops zero allocations', () => {
    assert.deepEqual(
      checkBallot(
        [
          { useCaseId: A, points: 10 },
          { useCaseId: B, points: 0 },
        ],
        rules,
      ),
      { ok: true, allocations: [{ useCaseId: A, points: 10 }], spent: 10 },
    )
  })
  it('refuses over budget, naming the field', () => {
    assert.deepEqual(
      checkBallot(
        [
          { useCaseId: A, points: 6 },
          { useCaseId: B, points: 5 },
        ],
        rules,
      ),
      { ok: false, error: 'ballot_over_budget', field: 'allocations', spent: 11 },
    )
  })
  it('refuses late ballots (at the closing time exactly)', () => {
    assert.deepEqual(checkBallot([], { ...rules, now: rules.voteClosesAt }), { ok: false, error: 'vote_closed' })
  })
  it('refuses negative, non-integer, duplicate and unlinked allocations', () => {
    const bad = (allocations: { useCaseId: string; points: number }[]) => checkBallot(allocations, rules)
    assert.deepEqual(bad([{ useCaseId: A, points: -1 }]), {
      ok: false,
      error: 'invalid',
      field: 'allocations.0.points',
      code: 'negative',
    })
    assert.deepEqual(bad([{ useCaseId: A, points: 1.5 }]), {
      ok: false,
      error: 'invalid',
      field: 'allocations.0.points',
      code: 'not_integer',
    })
    assert.equal((bad([{ useCaseId: C, points: 1 }]) as { code: string }).code, 'not_in_workshop')
    assert.equal(
      (
        bad([
          { useCaseId: A, points: 1 },
          { useCaseId: A, points: 1 },
        ]) as { code: string }
      ).code,
      'duplicate',
    )
  })
})
