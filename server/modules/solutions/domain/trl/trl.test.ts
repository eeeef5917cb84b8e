import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { solutionTypes, type TrlAnswerInput, type TrlQuestionnaire } from '../../../../../shared/contracts/trl.ts'
import { resources } from '../../../../../shared/i18n/index.ts'
import { checkAnswers, complete, effectiveTrl, evaluate, fitsWindow, levelOf } from './evaluate.ts'
import { allCriterionIds, questionnaireFor, questionnaires } from './questionnaires.ts'
import { defaultTrlWindow } from './window.ts'

const hw = questionnaireFor('hardware')

const evidence = {
  evidenceText: 'Test report of the trial',
  evidenceUrl: 'https://example.org/report.pdf',
  evidenceFileId: null,
}
const yes = (criterion: string): TrlAnswerInput => ({ criterion, met: true, ...evidence })
const no = (criterion: string): TrlAnswerInput => ({
  criterion,
  met: false,
  evidenceText: '',
  evidenceUrl: '',
  evidenceFileId: null,
})
const ids = (q: TrlQuestionnaire, level: number) => q.levels.find((l) => l.level === level)!.criteria.map((c) => c.id)
/** "Yes" with evidence to every criterion of levels from..to. */
const yesTo = (q: TrlQuestionnaire, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ids(q, from + i).map(yes)).flat()

describe('TRL questionnaires', () => {
  it('exist for every solution type, with nine levels, each with at least one criterion', () => {
    for (const type of solutionTypes) {
      const q = questionnaires[type]
      assert.equal(q.type, type)
      assert.deepEqual(
        q.levels.map((l) => l.level),
        [1, 2, 3, 4, 5, 6, 7, 8, 9],
      )
      for (const l of q.levels) assert.ok(l.criteria.length >= 1, `${type} level ${l.level}`)
      // From level 4 on, several aspects are checked (artefact, environment, results…).
      for (const l of q.levels.filter((x) => x.level >= 4)) assert.ok(l.criteria.length >= 3, `${type} ${l.level}`)
    }
  })

  it('have stable, unique criterion ids, each translated (text and help) in English, French and Dutch', () => {
    const all = allCriterionIds()
    assert.equal(new Set(all).size, all.length)
    for (const id of all) assert.match(id, /^(hw|sw|sv|dm|me)-[1-9]-[a-z-]+$/)
    for (const lang of ['en', 'fr', 'nl'] as const) {
      const trl = (
        resources[lang].translation as unknown as { trl: { criteria: Record<string, { text: string; help: string }> } }
      ).trl
      for (const id of all) {
        assert.ok(trl.criteria[id]?.text, `${lang}: trl.criteria.${id}.text`)
        assert.ok(trl.criteria[id]?.help, `${lang}: trl.criteria.${id}.help`)
      }
      assert.deepEqual(Object.keys(trl.criteria).sort(), [...all].sort(), `${lang}: no orphan criterion texts`)
    }
  })

  it('differ per type: software asks about interfaces with existing systems, methodologies about exercises', () => {
    assert.notDeepEqual(ids(questionnaireFor('software'), 5), ids(hw, 5))
    assert.ok(ids(questionnaireFor('software'), 5).includes('sw-5-endtoend'))
    assert.ok(ids(questionnaireFor('methodology'), 4).includes('me-4-tabletop'))
    assert.ok(ids(questionnaireFor('methodology'), 6).includes('me-6-pilot'))
    assert.ok(ids(questionnaireFor('data_model'), 4).includes('dm-4-validated'))
    // A criterion of one type is not one of another's.
    assert.equal(levelOf(questionnaireFor('service'), 'hw-5-relevant'), null)
    assert.equal(levelOf(hw, 'hw-5-relevant'), 5)
    assert.equal(checkAnswers(questionnaireFor('service'), [yes('hw-5-relevant')])[0]?.code, 'unknown_criterion')
  })
})

describe('evaluate', () => {
  it('stops at the first level with a "no" and returns the last fully met level', () => {
    const e = evaluate(hw, [...yesTo(hw, 1, 5), yes(ids(hw, 6)[0]!), no(ids(hw, 6)[1]!)])
    assert.equal(e.resultLevel, 5)
    assert.equal(e.stoppedAt, 6)
    assert.equal(e.finished, true)
    assert.equal(e.nextLevel, null)
    assert.deepEqual(
      e.levels.map((l) => l.state),
      ['met', 'met', 'met', 'met', 'met', 'not_met', 'not_asked', 'not_asked', 'not_asked'],
    )
  })

  it('does not count a "yes" above a gap: yes at level 6 but no at level 5 gives 4', () => {
    const answers = [...yesTo(hw, 1, 4), no(ids(hw, 5)[0]!), ...yesTo(hw, 6, 6)]
    const e = evaluate(hw, answers)
    assert.equal(e.resultLevel, 4)
    assert.equal(e.stoppedAt, 5)
    assert.deepEqual(e.ignored, ids(hw, 6))
    const done = complete(hw, answers, 3)
    assert.ok(done.ok)
    assert.equal(done.resultLevel, 4)
    assert.ok(!done.answers.some((a) => ids(hw, 6).includes(a.criterion)), 'answers above the stop are dropped')
  })

  it('gives 0 when level 1 is not met', () => {
    const e = evaluate(hw, [no('hw-1-principles')])
    assert.equal(e.resultLevel, 0)
    assert.equal(e.stoppedAt, 1)
    const done = complete(hw, [no('hw-1-principles')], 1)
    assert.ok(done.ok)
    assert.equal(done.resultLevel, 0)
  })

  it('gives 9 when every level is met', () => {
    for (const type of solutionTypes) {
      const q = questionnaireFor(type)
      const e = evaluate(q, yesTo(q, 1, 9))
      assert.equal(e.resultLevel, 9, type)
      assert.equal(e.stoppedAt, null)
      assert.equal(e.finished, true)
    }
  })

  it('waits at a level whose criteria are partly answered', () => {
    const e = evaluate(hw, [...yesTo(hw, 1, 3), yes(ids(hw, 4)[0]!)])
    assert.equal(e.resultLevel, 3)
    assert.equal(e.nextLevel, 4)
    assert.equal(e.finished, false)
    assert.equal(e.levels[3]!.state, 'open')
    // An empty questionnaire waits at level 1.
    assert.equal(evaluate(hw, []).nextLevel, 1)
  })

  it('lists every "yes" that lacks evidence text or a source, and accepts a file instead of a link', () => {
    const answers: TrlAnswerInput[] = [
      {
        criterion: 'hw-1-principles',
        met: true,
        evidenceText: '',
        evidenceUrl: 'https://x.org/a',
        evidenceFileId: null,
      },
      { criterion: 'hw-2-concept', met: true, evidenceText: 'Concept note', evidenceUrl: '', evidenceFileId: null },
      {
        criterion: 'hw-2-analysis',
        met: true,
        evidenceText: 'Simulation',
        evidenceUrl: '',
        evidenceFileId: '7a1f6a5e-1c55-4d4e-9a36-0d7b3ad1b3c1',
      },
      {
        criterion: 'hw-3-poc',
        met: true,
        evidenceText: 'Lab notes',
        evidenceUrl: 'file:///c:/secret',
        evidenceFileId: null,
      },
      no('hw-3-measured'),
    ]
    const e = evaluate(hw, answers)
    assert.deepEqual(
      e.missingEvidence.map((m) => [m.criterion, m.field, m.code]),
      [
        ['hw-1-principles', 'evidenceText', 'evidence_text_required'],
        ['hw-2-concept', 'evidenceUrl', 'evidence_source_required'],
        ['hw-3-poc', 'evidenceUrl', 'invalid_url'],
      ],
    )
    // A "no" needs no evidence.
    assert.ok(!e.missingEvidence.some((m) => m.criterion === 'hw-3-measured'))
  })
})

describe('complete', () => {
  it('refuses an unfinished questionnaire, missing evidence and a missing confidence, naming the fields', () => {
    const answers: TrlAnswerInput[] = [...yesTo(hw, 1, 2), { ...yes('hw-3-poc'), evidenceText: '' }]
    const done = complete(hw, answers, null)
    assert.equal(done.ok, false)
    assert.deepEqual(done.ok ? [] : done.problems.map((p) => [p.path, p.code]), [
      ['answers', 'trl_unfinished'],
      ['answers.hw-3-poc.evidenceText', 'evidence_text_required'],
      ['confidence', 'confidence_required'],
    ])
  })

  it('requires a confidence between 1 and 5', () => {
    const answers = [...yesTo(hw, 1, 4), no('hw-5-brassboard')]
    assert.equal(complete(hw, answers, 0).ok, false)
    assert.equal(complete(hw, answers, 6).ok, false)
    const done = complete(hw, answers, 5)
    assert.ok(done.ok)
    assert.equal(done.resultLevel, 4)
  })

  it('refuses unknown and duplicated criteria', () => {
    const done = complete(hw, [...yesTo(hw, 1, 1), yes('hw-1-principles'), yes('sw-2-concept'), no('hw-2-concept')], 3)
    assert.equal(done.ok, false)
    assert.deepEqual(done.ok ? [] : done.problems.map((p) => p.code), ['duplicate_criterion', 'unknown_criterion'])
  })

  it('gives different results for the same evidence depending on the type (per-type criteria)', () => {
    // Three levels of "yes" for software do not answer the hardware questionnaire at all.
    const sw = questionnaireFor('software')
    const answers = [...yesTo(sw, 1, 6), no('sw-7-operational')]
    const asSoftware = complete(sw, answers, 4)
    assert.ok(asSoftware.ok)
    assert.equal(asSoftware.resultLevel, 6)
    assert.equal(complete(hw, answers, 4).ok, false)
  })
})

describe('effective TRL and window', () => {
  it('takes the review over the self-assessment, and checks a window (the default 5–8, or a call’s)', () => {
    assert.equal(effectiveTrl(6, null), 6)
    assert.equal(effectiveTrl(6, 5), 5)
    assert.equal(effectiveTrl(null, null), null)
    assert.deepEqual(defaultTrlWindow, { min: 5, max: 8 })
    assert.equal(fitsWindow(4, defaultTrlWindow), false)
    assert.equal(fitsWindow(5, defaultTrlWindow), true)
    assert.equal(fitsWindow(8, defaultTrlWindow), true)
    assert.equal(fitsWindow(9, defaultTrlWindow), false)
    assert.equal(fitsWindow(0, defaultTrlWindow), false)
    assert.equal(fitsWindow(null, defaultTrlWindow), null)
    assert.equal(fitsWindow(6, { min: 4, max: 6 }), true)
  })
})
