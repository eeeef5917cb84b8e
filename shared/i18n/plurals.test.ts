import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { locales } from '../contracts/common.ts'
import { createI18n, featureNamespaces, resources } from './index.ts'

type Tree = { [key: string]: string | Tree }

/** Texts whose word after the count does not change with it ("3 too many", "1 chosen", "2 choix"). */
const invariant = new Set([
  'applications.form.overBy',
  'applications.readiness.choices_too_few',
  'applications.readiness.choices_too_many',
])
const plural = /_(zero|one|two|few|many|other)$/
/** A count put against a maximum ("12 of 500 characters", "12 / 500 characters"): the noun goes with the maximum. */
const ofMaximum = /\{\{count(, number)?\}\} (\p{L}+ |\/ )?\{\{max\}\}/u

/** Every text of the feature files that puts a word right after the count, with its sibling keys. */
function countedTexts(tree: Tree, prefix: string, out: { key: string; siblings: Tree }[] = []) {
  for (const [k, v] of Object.entries(tree)) {
    const key = `${prefix}.${k}`
    if (typeof v !== 'string') countedTexts(v, key, out)
    else if (!plural.test(k) && !ofMaximum.test(v) && /\{\{count(, number)?\}\} \p{L}/u.test(v))
      out.push({ key, siblings: tree })
  }
  return out
}

describe('plural forms', () => {
  it('exist (one, other) for every text of calls, applications and screening that counts something', () => {
    for (const l of locales) {
      const tree = resources[l].translation as unknown as Tree
      const missing = featureNamespaces
        .flatMap((ns) => countedTexts(tree[ns] as Tree, ns))
        .filter(({ key, siblings }) => {
          const leaf = key.split('.').at(-1)!
          return !invariant.has(key) && !(`${leaf}_one` in siblings && `${leaf}_other` in siblings)
        })
        .map((x) => x.key)
      assert.deepEqual({ locale: l, missing }, { locale: l, missing: [] })
    }
  })

  it('read "1 country" and "3 countries" in the readiness panel and the screening reasons', () => {
    const expected = {
      en: ['1 country', '3 countries', '1 SME', '1 organisation', '1 answer of the form is'],
      fr: ['1 pays', '3 pays', '1 PME', '1 organisation', '1 réponse du formulaire manque'],
      nl: ['1 land', '3 landen', '1 kmo', '1 organisatie', '1 antwoord van het formulier ontbreekt'],
    }
    for (const l of locales) {
      const t = createI18n(l).t
      const [one, three, sme, org, answer] = expected[l]
      for (const group of ['readiness', 'eligibility']) {
        assert.ok(t(`applications.${group}.countries_too_few`, { count: 1, min: 2 }).startsWith(`${one}`), l)
        assert.ok(t(`applications.${group}.countries_too_few`, { count: 3, min: 4 }).startsWith(`${three}`), l)
        assert.ok(t(`applications.${group}.smes_too_few`, { count: 1, min: 2 }).startsWith(`${sme}`), l)
        assert.ok(t(`applications.${group}.consortium_too_small`, { count: 1, min: 2 }).startsWith(`${org}`), l)
      }
      assert.ok(t('applications.eligibility.form_incomplete', { count: 1 }).startsWith(`${answer}`), l)
    }
    assert.equal(
      createI18n('en').t('applications.form.counterMin', { count: 1234, min: '100', max: '3,000' }),
      '1,234 characters (100 to 3,000)',
    )
    assert.equal(createI18n('nl').t('calls.editor.tabProblems', { count: 1 }), '(1 probleem)')
  })
})
