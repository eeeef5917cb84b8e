import assert from 'node:assert/strict'
import { test } from 'node:test'
import { completedCount, draftErrors, incompleteErrors, onScale } from './form.ts'

const scale = { min: 0, max: 5, step: 0.5 }

test('scores on the scale: 0 to 5 by halves', () => {
  assert.deepEqual(
    [0, 0.5, 3, 4.5, 5].map((s) => onScale(s, scale)),
    [true, true, true, true, true],
  )
  assert.deepEqual(
    [-0.5, 5.5, 0.25, 3.1, Number.NaN].map((s) => onScale(s, scale)),
    [false, false, false, false, false],
  )
  assert.equal(onScale(7, { min: 1, max: 10, step: 3 }), true)
  assert.equal(onScale(8, { min: 1, max: 10, step: 3 }), false)
})

test('draft errors: unknown criteria and off-scale scores; nulls are fine', () => {
  assert.deepEqual(
    draftErrors(
      {
        excellence: { score: 3.25, comment: '' },
        impact: { score: null, comment: '' },
        beauty: { score: 1, comment: '' },
      },
      ['excellence', 'impact'],
      scale,
    ).map((e) => [e.path, e.code]),
    [
      ['scores.excellence.score', 'off_scale'],
      ['scores.beauty', 'unknown_criterion'],
    ],
  )
})

test('incomplete: each missing score, each short comment, the overall comment', () => {
  const errors = incompleteErrors(
    { excellence: { score: 4, comment: 'Long enough.' }, impact: { score: null, comment: 'short' } },
    '   ',
    ['excellence', 'impact', 'implementation'],
    10,
  )
  assert.deepEqual(
    errors.map((e) => [e.path, e.code]),
    [
      ['scores.impact.score', 'required'],
      ['scores.impact.comment', 'too_short'],
      ['scores.implementation.score', 'required'],
      ['scores.implementation.comment', 'too_short'],
      ['overallComment', 'too_short'],
    ],
  )
  assert.equal(completedCount({ excellence: { score: 4, comment: 'Long enough.' } }, ['excellence', 'impact'], 10), 1)
  // A minimum of 0 still needs a comment.
  assert.deepEqual(
    incompleteErrors({ a: { score: 1, comment: '' } }, 'ok', ['a'], 0).map((e) => e.path),
    ['scores.a.comment'],
  )
})
