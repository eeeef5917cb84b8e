import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  applicationStats,
  consensusIssues,
  criterionStats,
  departsFromMean,
  expertNumbers,
  onScale,
  scaleValues,
} from './stats.ts'

const scale = { min: 0, max: 5, step: 0.5 }
const criteria = [
  { id: 'excellence', weight: 1 },
  { id: 'impact', weight: 2 },
]
const ev = (excellence: number | null, impact: number | null) => ({
  excellence: { score: excellence, comment: 'x' },
  impact: { score: impact, comment: 'y' },
})

test('per criterion: scores, mean, min, max and spread of the scored evaluations', () => {
  assert.deepEqual(criterionStats('excellence', [ev(4, 1), ev(2.5, 1), ev(null, 1)], 1.5), {
    criterionId: 'excellence',
    scores: [4, 2.5],
    mean: 3.25,
    min: 2.5,
    max: 4,
    spread: 1.5,
    flagged: false,
  })
  assert.deepEqual(criterionStats('excellence', [], 1.5), {
    criterionId: 'excellence',
    scores: [],
    mean: null,
    min: null,
    max: null,
    spread: null,
    flagged: false,
  })
})

test('flagged only when a criterion’s spread is strictly over the threshold', () => {
  const atThreshold = applicationStats(criteria, [ev(4, 3), ev(2.5, 3)], 1.5)
  assert.equal(atThreshold.flagged, false)
  assert.deepEqual(atThreshold.flaggedCriteria, [])
  const over = applicationStats(criteria, [ev(4, 3), ev(2.5, 5), ev(3, 1)], 1.5)
  assert.equal(over.flagged, true)
  assert.deepEqual(over.flaggedCriteria, ['impact'])
  assert.equal(over.maxSpread, 4)
  // Weighted totals: 4 + 2×3 = 10, 2.5 + 2×5 = 12.5, 3 + 2×1 = 5.
  assert.deepEqual(over.totals, [10, 12.5, 5])
  assert.equal(over.totalSpread, 7.5)
  // A zero threshold flags any disagreement.
  assert.deepEqual(applicationStats(criteria, [ev(4, 3), ev(4, 3.5)], 0).flaggedCriteria, ['impact'])
})

test('an evaluation missing a score has no weighted total', () => {
  const s = applicationStats(criteria, [ev(4, null), ev(3, 3)], 1.5)
  assert.deepEqual(s.totals, [9])
  assert.equal(s.totalSpread, 0)
})

test('departing from the mean: more than half a step away', () => {
  assert.equal(departsFromMean(3.5, 3.25, scale), false)
  assert.equal(departsFromMean(3.5, 3.24, scale), true)
  assert.equal(departsFromMean(3, 3.25, scale), false)
  assert.equal(departsFromMean(2.5, 3.25, scale), true)
  assert.equal(departsFromMean(0, null, scale), false)
  assert.equal(departsFromMean(4, 3, { min: 1, max: 10, step: 1 }), true)
  assert.equal(departsFromMean(3.5, 3, { min: 1, max: 10, step: 1 }), false)
})

test('the scale: bounds and steps', () => {
  assert.equal(onScale(3.5, scale), true)
  assert.equal(onScale(3.25, scale), false)
  assert.equal(onScale(5.5, scale), false)
  assert.equal(onScale(-0.5, scale), false)
  assert.deepEqual(scaleValues({ min: 1, max: 3, step: 0.5 }), [1, 1.5, 2, 2.5, 3])
  assert.equal(scaleValues(scale).length, 11)
})

test('issues: drafts check what is given; finalising asks for everything', () => {
  const means = { excellence: 3.25, impact: 2 }
  const scores = {
    excellence: { score: 4, comment: '', justification: '' },
    impact: { score: 2.25, comment: 'ok', justification: '' },
  }
  assert.deepEqual(consensusIssues(criteria, scores, means, scale, false), [
    { criterionId: 'excellence', field: 'justification', code: 'consensus_justification_required' },
    { criterionId: 'impact', field: 'score', code: 'invalid_value' },
  ])
  assert.deepEqual(
    consensusIssues(criteria, { excellence: { score: null, comment: '', justification: '' } }, means, scale, true),
    [
      { criterionId: 'excellence', field: 'score', code: 'required' },
      { criterionId: 'excellence', field: 'comment', code: 'required' },
      { criterionId: 'impact', field: 'score', code: 'required' },
      { criterionId: 'impact', field: 'comment', code: 'required' },
    ],
  )
  const good = {
    excellence: { score: 4, comment: 'Strong', justification: 'The panel weighed the pilot results.' },
    impact: { score: 2, comment: 'Fair', justification: '' },
  }
  assert.deepEqual(consensusIssues(criteria, good, means, scale, true), [])
})

test('expert numbers follow the first assignment, by time then id', () => {
  const n = expertNumbers([
    { userId: 'c', createdAt: '2026-03-15T09:00:00Z', id: '3' },
    { userId: 'a', createdAt: '2026-03-15T08:00:00Z', id: '2' },
    { userId: 'b', createdAt: '2026-03-15T08:00:00Z', id: '1' },
    { userId: 'a', createdAt: '2026-03-16T08:00:00Z', id: '4' },
  ])
  assert.deepEqual(
    [...n.entries()],
    [
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ],
  )
})
