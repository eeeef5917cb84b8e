import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type ApplicationFacts, detectConflicts, type ExpertFacts, normaliseName, type PartnerFacts } from './rules.ts'

const expert = (over: Partial<ExpertFacts> = {}): ExpertFacts => ({
  userId: 'e1',
  organisations: [],
  countries: ['BE'],
  clusters: [],
  ...over,
})
const partner = (over: Partial<PartnerFacts> = {}): PartnerFacts => ({
  organisationId: 'o1',
  name: 'Quokka Sensors BV',
  country: 'NL',
  relations: [],
  clusterIds: [],
  pastConsortia: [],
  ...over,
})
const app = (partners: PartnerFacts[], declared: ApplicationFacts['declared'] = []): ApplicationFacts => ({
  applicationId: 'a1',
  partners,
  declared,
})
const rules = (e: ExpertFacts, a: ApplicationFacts, s = { clusterRule: true, sameCountryRule: false }) =>
  detectConflicts(e, a, s).map((r) => r.rule)

test('no shared organisation, cluster or declaration: no conflict', () => {
  assert.deepEqual(
    rules(
      expert({ organisations: [{ organisationId: 'o9', name: 'Other', country: 'FR', toYear: null }] }),
      app([partner()]),
    ),
    [],
  )
})

test('current or past organisation in the consortium, by id or by name', () => {
  const byId = detectConflicts(
    expert({ organisations: [{ organisationId: 'o1', name: 'Quokka', country: 'NL', toYear: 2021 }] }),
    app([partner()]),
  )
  assert.equal(byId.length, 1)
  assert.equal(byId[0]!.rule, 'own_organisation')
  assert.equal(byId[0]!.via, 'Quokka (until 2021)')
  assert.equal(byId[0]!.partnerName, 'Quokka Sensors BV')
  const byName = rules(
    expert({ organisations: [{ organisationId: null, name: 'quokka sensors b.v.', country: null, toYear: null }] }),
    app([partner()]),
  )
  assert.deepEqual(byName, ['own_organisation'])
})

test('linked or partner enterprise of a member, matched by name and country', () => {
  const p = partner({ relations: [{ name: 'Quokka Holding SA', country: 'LU', relation: 'linked' }] })
  const hit = detectConflicts(
    expert({ organisations: [{ organisationId: null, name: 'Quokka Holding', country: 'LU', toYear: null }] }),
    app([p]),
  )
  assert.deepEqual(
    hit.map((r) => [r.rule, r.via]),
    [['linked_enterprise', 'Quokka Holding (linked)']],
  )
  const otherCountry = rules(
    expert({ organisations: [{ organisationId: null, name: 'Quokka Holding', country: 'DE', toYear: null }] }),
    app([p]),
  )
  assert.deepEqual(otherCountry, [])
})

test('past co-participation with a member names the other consortium', () => {
  const p = partner({
    pastConsortia: [
      {
        reference: 'SEC-1-0004',
        members: [
          { organisationId: 'o1', name: 'Quokka Sensors BV' },
          { organisationId: 'o7', name: 'Lynx Analytics' },
        ],
      },
    ],
  })
  const r = detectConflicts(
    expert({ organisations: [{ organisationId: 'o7', name: 'Lynx Analytics', country: 'FR', toYear: 2024 }] }),
    app([p]),
  )
  assert.deepEqual(
    r.map((x) => [x.rule, x.reference, x.via]),
    [['co_participation', 'SEC-1-0004', 'Lynx Analytics']],
  )
})

test('cluster staff and applications the cluster supports: on by default, off when the call says so', () => {
  const e = expert({ clusters: [{ id: 'c1', name: 'HSD' }] })
  const a = app([partner({ clusterIds: ['c1'] })])
  assert.deepEqual(rules(e, a), ['cluster_support'])
  assert.deepEqual(rules(e, a, { clusterRule: false, sameCountryRule: false }), [])
  assert.deepEqual(rules(e, app([partner({ clusterIds: ['c2'] })])), [])
})

test('same country only when the call turns the rule on', () => {
  const a = app([partner({ country: 'BE' })])
  assert.deepEqual(rules(expert(), a), [])
  assert.deepEqual(rules(expert(), a, { clusterRule: true, sameCountryRule: true }), ['same_country'])
})

test('a declared conflict counts for its expert only', () => {
  const a = app([partner()], [{ userId: 'e1', reason: 'My brother works there' }])
  assert.deepEqual(rules(expert(), a), ['declared'])
  assert.deepEqual(rules(expert({ userId: 'e2' }), a), [])
})

test('names ignore case, accents, punctuation and legal forms', () => {
  assert.equal(normaliseName('Société Générale S.A.'), 'societe generale')
  assert.equal(normaliseName('BV'), '')
})
