import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { consortiumRules } from '../../../../../shared/contracts/calls.ts'
import type { IndexedDocument } from '../../engine/index.ts'
import type { OrganisationData } from '../store/documents.ts'
import { complementFeatures, needsOf, trlFit, uncoveredText } from './complement.ts'

const rules = consortiumRules.parse({ minSmes: 2, minCountries: 3, endUserRequired: true })
const org = (country: string, type: string, smeStatus: string | null): IndexedDocument<OrganisationData> => ({
  id: `${country}-${type}`,
  lang: 'en',
  tags: [],
  country,
  type,
  data: {
    kind: 'organisation',
    visibility: 'public',
    publicRef: 'ORG-1',
    legalName: 'X',
    shortName: null,
    type,
    smeStatus,
  },
})

describe('complementarity', () => {
  it('reads what the consortium still needs under the call rules', () => {
    const needs = needsOf(rules, [{ country: 'BE', type: 'sme', smeCategory: 'small' }])
    assert.deepEqual(needs.countries, { have: 1, need: 3 })
    assert.deepEqual(needs.smes, { have: 1, need: 2 })
    assert.equal(needs.endUser, true)
    const met = needsOf(rules, [
      { country: 'BE', type: 'sme', smeCategory: 'small' },
      { country: 'FR', type: 'sme', smeCategory: 'micro' },
      { country: 'NL', type: 'public_authority', smeCategory: null },
    ])
    assert.deepEqual([met.countries, met.smes, met.endUser], [null, null, false])
    assert.deepEqual(complementFeatures(met), [])
  })

  it('favours a new country, an end-user and an SME, each with its fact', () => {
    const needs = needsOf(rules, [{ country: 'BE', type: 'sme', smeCategory: 'small' }])
    const features = complementFeatures(needs)
    const facts = (doc: IndexedDocument<OrganisationData>) =>
      features.flatMap((f) => {
        const r = f.score(doc)
        return r?.fact ? [r.fact.code] : []
      })
    assert.deepEqual(facts(org('NL', 'public_authority', 'not_sme')), ['adds_country', 'adds_end_user'])
    assert.deepEqual(facts(org('BE', 'sme', 'micro')), ['adds_sme'])
    assert.deepEqual(facts(org('BE', 'large_company', 'not_sme')), [])
  })

  it('says whether a TRL fits a window', () => {
    assert.equal(trlFit(6, { min: 5, max: 8 })?.fact.code, 'trl_fits')
    assert.equal(trlFit(3, { min: 5, max: 8 })?.value, 0)
    assert.equal(trlFit(null, { min: 5, max: 8 }), null)
  })

  it('leaves out of the query the words the consortium covers', () => {
    const covered = new Set(['thermal'])
    const q = uncoveredText(['thermal', 'cameras', 'explosives'], (w) => w, covered)
    assert.deepEqual(q, { text: 'cameras explosives', left: 1 })
  })
})
