import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { applicationForm, questionSemantics } from '../contracts/call-form.ts'
import { callConfig } from '../contracts/calls.ts'
import { countryCodes } from '../countries.ts'
import {
  countriesForPreset,
  defaultBudget,
  defaultCallConfig,
  defaultConsortium,
  defaultEvaluation,
  defaultForm,
  eu27,
  horizonAssociatedCountries,
  presetOf,
} from './presets.ts'

type Tree = unknown
/** Every localized text (an object with an `en` string) found anywhere in a value. */
function localizedTexts(value: Tree, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) localizedTexts(v, out)
  else if (value && typeof value === 'object') {
    if (typeof (value as { en?: unknown }).en === 'string') out.push(value as Record<string, unknown>)
    else for (const v of Object.values(value)) localizedTexts(v, out)
  }
  return out
}

describe('country presets', () => {
  it('lists the 27 member states and 18 associated countries, all valid codes and without overlap', () => {
    assert.equal(new Set(eu27).size, 27)
    assert.equal(new Set(horizonAssociatedCountries).size, 18)
    for (const c of [...eu27, ...horizonAssociatedCountries])
      assert.ok((countryCodes as readonly string[]).includes(c), c)
    assert.deepEqual(
      eu27.filter((c) => horizonAssociatedCountries.includes(c)),
      [],
    )
    assert.equal(countriesForPreset('eu27_and_associated').length, 45)
  })

  it('writes Kosovo as XK and the United Kingdom as GB, and includes Switzerland (from 2025)', () => {
    for (const c of ['XK', 'GB', 'CH', 'UA', 'NO', 'IL'] as const) assert.ok(horizonAssociatedCountries.includes(c), c)
    assert.ok(!(horizonAssociatedCountries as readonly string[]).includes('UK'))
    assert.ok(!horizonAssociatedCountries.includes('CA'), 'Pillar II only')
  })

  it('gives sorted fresh lists and recognises a preset from its list in any order', () => {
    const list = countriesForPreset('eu27')
    assert.deepEqual(list, [...list].sort())
    list.pop()
    assert.equal(countriesForPreset('eu27').length, 27)
    assert.equal(presetOf([...countriesForPreset('horizon_associated')].reverse()), 'horizon_associated')
    assert.equal(presetOf(countriesForPreset('eu27_and_associated')), 'eu27_and_associated')
    assert.equal(presetOf(['BE', 'FR']), null)
  })
})

describe('defaults', () => {
  it('compose a call configuration the contract accepts unchanged', () => {
    const config = defaultCallConfig()
    assert.deepEqual(callConfig.parse(config), config)
    assert.deepEqual(config.trl, { min: 5, max: 8 })
    assert.equal(config.budget.fundingModel, 'lump_sum')
    assert.equal(config.budget.maxPerThirdPartyCents, 6_000_000)
    assert.ok(config.budget.maxPerProjectCents <= config.budget.totalCents)
    assert.deepEqual(config.consortium, defaultConsortium())
    assert.deepEqual(config.budget, defaultBudget())
  })

  it('evaluate on Excellence, Impact and Implementation, 0–5 by halves, thresholds 3/3/3 and 10', () => {
    const e = defaultEvaluation()
    assert.deepEqual(
      e.criteria.map((c) => [c.id, c.threshold, c.weight]),
      [
        ['excellence', 3, 1],
        ['impact', 3, 1],
        ['implementation', 3, 1],
      ],
    )
    assert.deepEqual([e.scaleMin, e.scaleMax, e.scaleStep, e.totalThreshold], [0, 5, 0.5, 10])
  })

  it('offer a form the contract accepts, with every meaning, unique ids and the question types of a call', () => {
    const form = defaultForm()
    assert.deepEqual(applicationForm.parse(form), form)
    const questions = form.sections.flatMap((s) => s.questions)
    const ids = [...form.sections.map((s) => `section:${s.id}`), ...questions.map((q) => q.id)]
    assert.equal(new Set(ids).size, ids.length)
    assert.deepEqual(questions.flatMap((q) => (q.semantic ? [q.semantic] : [])).sort(), [...questionSemantics].sort())
    const types = new Set(questions.map((q) => q.type))
    for (const t of [
      'short_text',
      'long_text',
      'number',
      'single_choice',
      'multiple_choice',
      'file',
      'budget_table',
      'work_plan',
    ])
      assert.ok(types.has(t as never), t)
    assert.ok(questions.some((q) => q.scope === 'partner'))
    assert.deepEqual(
      form.sections.map((s) => s.id),
      ['core', 'challenge_fit', 'solution', 'impact', 'work_plan', 'budget', 'end_user', 'annexes'],
    )
  })

  it('make conditions point to earlier choice questions and their options', () => {
    const questions = defaultForm().sections.flatMap((s) => s.questions)
    const conditional = questions.filter((q) => q.condition !== null)
    assert.ok(conditional.length > 0)
    for (const q of conditional) {
      const idx = questions.findIndex((x) => x.id === q.condition!.questionId)
      const source = questions[idx]
      assert.ok(source && idx < questions.indexOf(q), q.id)
      assert.ok(source.type === 'single_choice' || source.type === 'multiple_choice')
      for (const o of q.condition!.anyOf)
        assert.ok(
          source.options.some((x) => x.id === o),
          `${q.id}: ${o}`,
        )
    }
  })

  it('label everything in English, French and Dutch', () => {
    const texts = localizedTexts([defaultForm(), defaultEvaluation()])
    assert.ok(texts.length > 50)
    for (const t of texts)
      for (const l of ['en', 'fr', 'nl'])
        assert.ok(typeof t[l] === 'string' && (t[l] as string).trim() !== '', `${t.en} ${l}`)
  })

  it('hand out fresh copies that callers may change', () => {
    const a = defaultForm()
    a.sections[0]!.questions.pop()
    assert.equal(defaultForm().sections[0]!.questions.length, a.sections[0]!.questions.length + 1)
  })
})
