import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkMapping, parseType, type SolutionImportLookups, suggestMapping, validateRow } from './transfer-mapping.ts'

const org = { id: '00000000-0000-4000-8000-000000000001', name: 'Thermovision SAS', country: 'FR' }
const namesake = { id: '00000000-0000-4000-8000-000000000002', name: 'Thermovision SAS', country: 'BE' }
const lookups: SolutionImportLookups = {
  organisationsByNumber: new Map([['fr-123', [org]]]),
  organisationsByName: new Map([['thermovision sas', [org, namesake]]]),
  domains: new Map([
    ['d1', 'dom-1'],
    ['protection des infrastructures sensibles', 'dom-1'],
  ]),
  challenges: new Map([['d1-c2', 'ch-2']]),
  terms: new Map([
    ['fire', ['t-fire']],
    ['energy', ['t-1', 't-2']],
  ]),
}

test('mapping: suggested from English, French and Dutch headers and our own export; checked', () => {
  assert.deepEqual(suggestMapping(['Nom', 'Accroche', 'Type', 'Entreprise', 'Pays', 'Domaines', 'Défis']), {
    name: 0,
    pitch: 1,
    type: 2,
    organisationName: 3,
    organisationCountry: 4,
    domains: 5,
    challenges: 6,
  })
  assert.deepEqual(suggestMapping(['Naam', 'Samenvatting', 'Soort', 'Organisatie', 'Registratienummer']), {
    name: 0,
    pitch: 1,
    type: 2,
    organisationName: 3,
    organisationRegistrationNumber: 4,
  })
  // The catalogue export's own headers (queries/catalogue/export.ts).
  const exported = ['Reference', 'Name', 'Pitch', 'Type', 'Language', 'TRL', 'Target TRL', 'Fits TRL window']
  exported.push('Organisation', 'Organisation reference', 'Country', 'SME status', 'Domains', 'Challenges', 'Tags')
  assert.deepEqual(suggestMapping(exported), {
    name: 1,
    pitch: 2,
    type: 3,
    language: 4,
    targetTrl: 6,
    organisationName: 8,
    organisationCountry: 10,
    domains: 12,
    challenges: 13,
    tags: 14,
  })
  assert.deepEqual(checkMapping({ name: 0, pitch: 0 }, 3), [
    { field: 'type', code: 'field_not_mapped' },
    { field: 'pitch', code: 'column_mapped_twice', value: '0' },
    { field: 'organisation', code: 'field_not_mapped' },
  ])
  assert.deepEqual(checkMapping({ name: 0, pitch: 1, type: 2, organisationName: 7 }, 4), [
    { field: 'organisationName', code: 'column_not_found', value: '7' },
  ])
})

test('types as people write them', () => {
  assert.equal(parseType('Hardware'), 'hardware')
  assert.equal(parseType('matériel'), 'hardware')
  assert.equal(parseType('Logiciel'), 'software')
  assert.equal(parseType('Data set or model'), 'data_model')
  assert.equal(parseType('data_model'), 'data_model')
  assert.equal(parseType('dienst'), 'service')
  assert.equal(parseType('Méthodologie'), 'methodology')
  assert.equal(parseType('spaceship'), null)
})

test('a row: the owner by registration number, else by name within its country; every field checked', () => {
  const mapping = {
    name: 0,
    pitch: 1,
    type: 2,
    organisationRegistrationNumber: 3,
    organisationName: 4,
    organisationCountry: 5,
    domains: 6,
    challenges: 7,
    tags: 8,
    targetTrl: 9,
    status: 10,
  }
  const ok = validateRow(
    [
      'Vigie',
      'Caméra thermique',
      'matériel',
      'FR-123',
      '',
      '',
      'D1; Protection des infrastructures sensibles',
      'D1-C2',
      'Fire',
      'TRL 8',
      'published',
    ],
    mapping,
    lookups,
  )
  assert.ok(ok.ok)
  assert.deepEqual(
    ok.ok && [
      ok.value.organisation.id,
      ok.value.domainIds,
      ok.value.challengeIds,
      ok.value.tagIds,
      ok.value.targetTrl,
      ok.value.status,
    ],
    [org.id, ['dom-1'], ['ch-2'], ['t-fire'], 8, 'published'],
  )
  // Two organisations share the name: the country tells them apart, else it is ambiguous.
  const byName = (country: string) =>
    validateRow(['Vigie', 'Pitch', 'software', '', 'Thermovision SAS', country, '', '', '', '', ''], mapping, lookups)
  const be = byName('BE')
  assert.ok(be.ok && be.value.organisation.id === namesake.id)
  assert.deepEqual(!byName('').ok && (byName('') as { errors: unknown }).errors, [
    { field: 'organisationName', code: 'organisation_ambiguous', value: 'Thermovision SAS' },
  ])
  const bad = validateRow(
    ['V', '', 'rocket', 'XX-9', '', 'ZZZ', 'D7', 'D9-C9', 'Energy', '12', 'gone'],
    mapping,
    lookups,
  )
  assert.ok(!bad.ok)
  assert.deepEqual(!bad.ok && bad.errors.map((e) => `${e.field}:${e.code}`), [
    'name:too_short',
    'pitch:required',
    'type:invalid_type',
    'organisationCountry:invalid_country',
    'organisationRegistrationNumber:organisation_not_found',
    'status:invalid_status',
    'targetTrl:invalid_trl',
    'domains:unknown_domain',
    'challenges:unknown_challenge',
    'tags:ambiguous_tag',
  ])
})
