import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type ApplicationForm, applicationForm } from '../../../../shared/contracts/call-form.ts'
import { answerProblems, mergeAnswers, sameValue } from './answers.ts'

const form: ApplicationForm = applicationForm.parse({
  sections: [
    {
      id: 'core',
      title: { en: 'Core' },
      questions: [
        { id: 'summary', type: 'long_text', label: { en: 'Summary' } },
        { id: 'budget', type: 'budget_table', label: { en: 'Budget' } },
        { id: 'months', type: 'number', label: { en: 'Months' }, max: 12 },
        {
          id: 'kind',
          type: 'single_choice',
          label: { en: 'Kind' },
          options: [
            { id: 'a', label: { en: 'A' } },
            { id: 'b', label: { en: 'B' } },
          ],
        },
        { id: 'expertise', type: 'short_text', scope: 'partner', label: { en: 'Expertise' } },
      ],
    },
  ],
})

const at = '2026-03-01T10:00:00.000Z'

describe('mergeAnswers (field-level)', () => {
  const stored = { summary: 'theirs', months: 6 }
  const meta = { summary: { version: 5, by: 'Ann', at }, months: { version: 2, by: 'Bob', at } }

  it('a field changed after the base version, to another value, conflicts', () => {
    const r = mergeAnswers({ stored, meta, baseVersion: 4, changes: { summary: 'mine' } })
    assert.deepEqual(r, {
      changed: [],
      conflicts: [{ questionId: 'summary', yours: 'mine', theirs: 'theirs', by: 'Ann', at }],
    })
  })
  it('a field changed AT the base version (the editor saw it) is written', () => {
    assert.deepEqual(mergeAnswers({ stored, meta, baseVersion: 5, changes: { summary: 'mine' } }).changed, ['summary'])
  })
  it('sending the value already stored is neither a change nor a conflict', () => {
    assert.deepEqual(mergeAnswers({ stored, meta, baseVersion: 1, changes: { summary: 'theirs' } }), {
      changed: [],
      conflicts: [],
    })
  })
  it('other fields merge: a conflict on one does not hide the others, and unknown-to-meta fields are changes', () => {
    const r = mergeAnswers({ stored, meta, baseVersion: 3, changes: { summary: 'x', months: 7, kind: 'a' } })
    assert.deepEqual(r.changed, ['months', 'kind'])
    assert.deepEqual(
      r.conflicts.map((c) => c.questionId),
      ['summary'],
    )
  })
  it('null equals a missing answer; objects compare as data', () => {
    assert.equal(sameValue(undefined, null), true)
    assert.equal(
      sameValue(
        { durationMonths: 3, milestones: [], deliverables: [] },
        { deliverables: [], milestones: [], durationMonths: 3 },
      ),
      true,
    )
  })
})

describe('answerProblems', () => {
  it('refuses unknown questions, the other scope and wrong shapes; keeps out-of-range values for the readiness list', () => {
    assert.deepEqual(
      answerProblems(form, 'shared', {
        nope: 'x',
        expertise: 'y',
        summary: 3,
        kind: ['a'],
        budget: 'x',
        months: 99,
      }),
      [
        { questionId: 'nope', code: 'unknown_question' },
        { questionId: 'expertise', code: 'wrong_scope' },
        { questionId: 'summary', code: 'answer_invalid' },
        { questionId: 'kind', code: 'answer_invalid' },
        { questionId: 'budget', code: 'answer_invalid' },
      ],
    )
    assert.deepEqual(answerProblems(form, 'partner', { expertise: 'y', summary: 'z' }), [
      { questionId: 'summary', code: 'wrong_scope' },
    ])
    assert.deepEqual(answerProblems(form, 'shared', { summary: null, kind: 'zzz', budget: null }), [])
  })
})
