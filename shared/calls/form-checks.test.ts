import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { AnswerValue, UploadedFile } from '../contracts/applications.ts'
import { applicationForm, type FormQuestion, formQuestion } from '../contracts/call-form.ts'
import { formIssues, isEmptyAnswer, questionIssues, textLength, visibleQuestions } from './form-checks.ts'

const label = { en: 'Q' }
/** A question with the contract's defaults (loosely typed so each test states only what it checks). */
const q = (input: Record<string, unknown>): FormQuestion => formQuestion.parse({ label, ...input })
const codes = (question: FormQuestion, value: AnswerValue | undefined) =>
  questionIssues(question, value).map((i) => i.code)
const issues = (question: FormQuestion, value: AnswerValue | undefined) =>
  questionIssues(question, value).map((i) => [i.code, i.params])

const file = (over: Partial<UploadedFile> = {}): UploadedFile => ({
  fileId: '00000000-0000-4000-8000-000000000001',
  filename: 'plan.pdf',
  contentType: 'application/pdf',
  byteSize: 1000,
  sha256: 'ab',
  ...over,
})

describe('empty answers and required questions', () => {
  it('treats null, blanks, empty lists and an untouched work plan as empty', () => {
    for (const v of [
      null,
      undefined,
      '',
      '   \n',
      [],
      Number.NaN,
      { durationMonths: null, milestones: [], deliverables: [] },
    ])
      assert.equal(isEmptyAnswer(v as AnswerValue), true, JSON.stringify(v))
    for (const v of ['a', 0, ['x'], { durationMonths: 3, milestones: [], deliverables: [] }])
      assert.equal(isEmptyAnswer(v), false, JSON.stringify(v))
  })

  it('asks for a required answer and nothing else when empty; an optional empty answer is fine', () => {
    const required = q({ id: 'a', type: 'long_text', required: true, minLength: 10 })
    assert.deepEqual(issues(required, '  '), [['answer_required', {}]])
    assert.deepEqual(codes({ ...required, required: false }, ''), [])
    assert.deepEqual(codes(q({ id: 'f', type: 'file', required: true }), []), ['answer_required'])
  })

  it('says when a value has the wrong shape for its question', () => {
    assert.deepEqual(issues(q({ id: 'a', type: 'short_text' }), 5), [['answer_invalid', { expected: 'text' }]])
    assert.deepEqual(codes(q({ id: 'a', type: 'number' }), '5'), ['answer_invalid'])
    assert.deepEqual(codes(q({ id: 'a', type: 'money' }), 10.5), ['answer_invalid'])
    assert.deepEqual(codes(q({ id: 'a', type: 'date' }), '2026-02-30x'), ['answer_invalid'])
    assert.deepEqual(codes(q({ id: 'a', type: 'file' }), ['x']), ['answer_invalid'])
    assert.deepEqual(codes(q({ id: 'a', type: 'work_plan' }), 'x'), ['answer_invalid'])
    assert.deepEqual(codes(q({ id: 'a', type: 'budget_table', required: true }), null), [])
  })
})

describe('text limits', () => {
  it('counts characters as people do', () => {
    assert.equal(textLength('é🙂a'), 3)
  })

  it('accepts exactly the maximum and refuses one more', () => {
    const short = q({ id: 'a', type: 'short_text', maxLength: 20 })
    assert.deepEqual(codes(short, 'x'.repeat(20)), [])
    assert.deepEqual(issues(short, 'x'.repeat(21)), [['text_too_long', { length: 21, max: 20 }]])
    assert.deepEqual(codes(short, `${'🙂'.repeat(20)}  `), [], 'emoji count once; surrounding blanks do not count')
  })

  it('accepts exactly the minimum of a long text and refuses one less', () => {
    const long = q({ id: 'a', type: 'long_text', minLength: 5, maxLength: 10 })
    assert.deepEqual(codes(long, 'xxxxx'), [])
    assert.deepEqual(issues(long, 'xxxx'), [['text_too_short', { length: 4, min: 5 }]])
    assert.deepEqual(codes(long, 'x'.repeat(11)), ['text_too_long'])
  })
})

describe('numbers, money and dates', () => {
  it('checks bounds inclusively and integers', () => {
    const n = q({ id: 'n', type: 'number', min: 1, max: 9, integer: true })
    assert.deepEqual(codes(n, 1), [])
    assert.deepEqual(codes(n, 9), [])
    assert.deepEqual(issues(n, 0), [['number_too_small', { value: 0, min: 1 }]])
    assert.deepEqual(issues(n, 10), [['number_too_large', { value: 10, max: 9 }]])
    assert.deepEqual(codes(n, 4.5), ['number_not_integer'])
    assert.deepEqual(codes(q({ id: 'n', type: 'number' }), -1e9), [])
    assert.deepEqual(codes(n, Number.POSITIVE_INFINITY), ['answer_invalid'])
  })

  it('checks money in cents', () => {
    const m = q({ id: 'm', type: 'money', minCents: 100, maxCents: 6_000_000 })
    assert.deepEqual(codes(m, 6_000_000), [])
    assert.deepEqual(issues(m, 6_000_001), [['money_too_large', { valueCents: 6_000_001, maxCents: 6_000_000 }]])
    assert.deepEqual(issues(m, 99), [['money_too_small', { valueCents: 99, minCents: 100 }]])
  })

  it('checks dates against their bounds', () => {
    const d = q({ id: 'd', type: 'date', min: '2026-01-01', max: '2026-12-31' })
    assert.deepEqual(codes(d, '2026-01-01'), [])
    assert.deepEqual(codes(d, '2026-12-31'), [])
    assert.deepEqual(issues(d, '2025-12-31'), [['date_too_early', { value: '2025-12-31', min: '2026-01-01' }]])
    assert.deepEqual(issues(d, '2027-01-01'), [['date_too_late', { value: '2027-01-01', max: '2026-12-31' }]])
  })
})

describe('choices', () => {
  const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, label }))
  it('refuses an option that does not exist', () => {
    assert.deepEqual(codes(q({ id: 's', type: 'single_choice', options }), 'a'), [])
    assert.deepEqual(issues(q({ id: 's', type: 'single_choice', options }), 'z'), [['choice_invalid', { value: 'z' }]])
  })

  it('counts the selected options against the minimum and maximum', () => {
    const m = q({ id: 'm', type: 'multiple_choice', options, minSelected: 2, maxSelected: 3 })
    assert.deepEqual(issues(m, ['a']), [['choices_too_few', { count: 1, min: 2 }]])
    assert.deepEqual(codes(m, ['a', 'b']), [])
    assert.deepEqual(codes(m, ['a', 'b', 'c']), [])
    assert.deepEqual(issues(m, ['a', 'b', 'c', 'd']), [['choices_too_many', { count: 4, max: 3 }]])
    assert.deepEqual(codes(m, ['a', 'a']), ['choices_too_few'], 'a repeated option counts once')
    assert.deepEqual(codes(m, ['a', 'x']), ['choice_invalid'])
  })
})

describe('files', () => {
  const f = q({ id: 'f', type: 'file', accept: ['pdf', 'image'], maxBytes: 2048, maxFiles: 2 })
  it('checks the count, each file’s sniffed type and its size', () => {
    assert.deepEqual(codes(f, [file(), file({ contentType: 'image/png', byteSize: 2048 })]), [])
    assert.deepEqual(issues(f, [file(), file(), file()]), [['files_too_many', { count: 3, max: 2 }]])
    assert.deepEqual(issues(f, [file({ filename: 'a.zip', contentType: 'application/zip' })]), [
      ['file_type_not_accepted', { filename: 'a.zip', accept: 'pdf, image' }],
    ])
    assert.deepEqual(issues(f, [file({ byteSize: 2049 })]), [
      ['file_too_large', { filename: 'plan.pdf', byteSize: 2049, maxBytes: 2048 }],
    ])
  })
})

describe('work plans', () => {
  const wp = q({ id: 'wp', type: 'work_plan', maxMonths: 12, minMilestones: 2, minDeliverables: 1 })
  const item = (title: string, month: number) => ({ title, month, description: '' })
  const plan = (over = {}) => ({
    durationMonths: 12,
    milestones: [item('M1', 6), item('M2', 12)],
    deliverables: [item('D1', 12)],
    ...over,
  })

  it('accepts a plan at its limits', () => {
    assert.deepEqual(codes(wp, plan()), [])
  })

  it('needs a duration within the maximum and items within the duration', () => {
    assert.deepEqual(codes(wp, plan({ durationMonths: null })), ['work_plan_duration_missing'])
    assert.deepEqual(issues(wp, plan({ durationMonths: 13 })), [
      ['work_plan_too_long', { durationMonths: 13, maxMonths: 12 }],
    ])
    assert.deepEqual(issues(wp, plan({ durationMonths: 11 })), [
      ['work_plan_item_after_end', { kind: 'milestone', title: 'M2', month: 12, lastMonth: 11 }],
      ['work_plan_item_after_end', { kind: 'deliverable', title: 'D1', month: 12, lastMonth: 11 }],
    ])
  })

  it('needs titled items and the minimum numbers of milestones and deliverables', () => {
    assert.deepEqual(issues(wp, plan({ milestones: [item('M1', 3)], deliverables: [] })), [
      ['milestones_too_few', { count: 1, min: 2 }],
      ['deliverables_too_few', { count: 0, min: 1 }],
    ])
    assert.deepEqual(issues(wp, plan({ deliverables: [item(' ', 2)] })), [
      ['work_plan_item_untitled', { kind: 'deliverable', position: 1 }],
    ])
  })
})

describe('conditions', () => {
  const yesNo = [
    { id: 'yes', label },
    { id: 'no', label },
  ]
  const form = applicationForm.parse({
    sections: [
      {
        id: 's',
        title: label,
        questions: [
          { id: 'involved', type: 'single_choice', label, options: yesNo, required: true },
          {
            id: 'who',
            type: 'short_text',
            label,
            required: true,
            condition: { questionId: 'involved', anyOf: ['yes'] },
          },
          {
            id: 'markets',
            type: 'multiple_choice',
            label,
            options: yesNo,
            condition: { questionId: 'involved', anyOf: ['yes'] },
          },
          { id: 'why', type: 'long_text', label, required: true, condition: { questionId: 'markets', anyOf: ['no'] } },
          { id: 'own', type: 'single_choice', label, options: yesNo, scope: 'partner' },
          {
            id: 'own_detail',
            type: 'short_text',
            label,
            scope: 'partner',
            required: true,
            condition: { questionId: 'own', anyOf: ['yes'] },
          },
          {
            id: 'ghost',
            type: 'short_text',
            label,
            required: true,
            condition: { questionId: 'missing', anyOf: ['yes'] },
          },
        ],
      },
    ],
  })

  it('shows a question when its condition question has one of the options', () => {
    assert.deepEqual([...visibleQuestions(form, {})], ['involved', 'own'])
    assert.deepEqual([...visibleQuestions(form, { involved: 'yes' })], ['involved', 'who', 'markets', 'own'])
    assert.deepEqual([...visibleQuestions(form, { involved: 'no', who: 'left behind' })], ['involved', 'own'])
  })

  it('matches multiple-choice answers on any selected option and hides chains whose root is hidden', () => {
    assert.ok(visibleQuestions(form, { involved: 'yes', markets: ['yes', 'no'] }).has('why'))
    assert.ok(!visibleQuestions(form, { involved: 'no', markets: ['no'] }).has('why'))
  })

  it('judges partner-scope conditions on the partner’s own answers', () => {
    assert.ok(visibleQuestions(form, {}, { own: 'yes' }).has('own_detail'))
    assert.ok(!visibleQuestions(form, { own: 'yes' }, {}).has('own_detail'))
  })

  it('never asks a hidden question, even required and with a stale value', () => {
    const all = formIssues(form, { involved: 'no', who: 'x'.repeat(500) }, [
      { id: 'p1', answers: { own: 'yes' } },
      { id: 'p2', answers: { own: 'no' } },
    ])
    assert.deepEqual(
      all.map((i) => [i.code, i.questionId, i.partnerId, i.sectionId]),
      [['answer_required', 'own_detail', 'p1', 's']],
    )
    assert.deepEqual(
      formIssues(form, { involved: 'yes' }, []).map((i) => [i.code, i.questionId, i.partnerId, i.severity]),
      [['answer_required', 'who', null, 'error']],
    )
  })
})
