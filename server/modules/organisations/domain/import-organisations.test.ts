import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  countryOf,
  type OrganisationImportLookups,
  suggestOrganisationMapping,
  typeIndex,
  validateOrganisationRow,
} from './import-organisations.ts'

const lookups: OrganisationImportLookups = {
  registered: new Set(['BE|be0123456789']),
  terms: new Map([
    ['nis-sectors:energy', ['t-energy']],
    ['energy', ['t-energy']],
    ['transport', ['t-transport-1', 't-transport-2']],
  ]),
  types: typeIndex({ en: { sme: 'SME', integrator: 'Integrator' }, fr: { sme: 'PME' }, nl: { sme: 'Kmo' } }),
  now: new Date('2026-06-01T00:00:00Z'),
}
const mapping = suggestOrganisationMapping([
  'Legal name',
  'Country',
  'Registration number',
  'Type',
  'Headcount (AWU)',
  'Annual turnover (EUR)',
  'Balance sheet total (EUR)',
  'Founded',
  'Visibility',
  'Tags',
])

test('headers of our export and of French and Dutch sheets are recognised', () => {
  assert.deepEqual(mapping, {
    legalName: 0,
    country: 1,
    registrationNumber: 2,
    type: 3,
    headcount: 4,
    annualTurnover: 5,
    balanceSheet: 6,
    foundedYear: 7,
    visibility: 8,
    tags: 9,
  })
  assert.deepEqual(
    suggestOrganisationMapping(['Naam', 'Land', 'Ondernemingsnummer', 'Omzet', 'Balanstotaal', 'Zichtbaarheid']),
    {
      legalName: 0,
      country: 1,
      registrationNumber: 2,
      annualTurnover: 3,
      balanceSheet: 4,
      visibility: 5,
    },
  )
})

test('countries by code or by name in several languages', () => {
  assert.equal(countryOf('be'), 'BE')
  assert.equal(countryOf('Belgique'), 'BE')
  assert.equal(countryOf('België'), 'BE')
  assert.equal(countryOf('Deutschland'), 'DE')
  assert.equal(countryOf('Slovénie'), 'SI')
  assert.equal(countryOf('Atlantis'), null)
})

test('a valid row, with types and visibility in French and tags by code or name', () => {
  const seen = new Set<string>()
  const r = validateOrganisationRow(
    [
      'Optique Lumen SAS',
      'France',
      'FR401',
      'PME',
      '12,5',
      '3 200 000',
      '1 800 000',
      '2015',
      'anonyme',
      'energy; nis-sectors:energy',
    ],
    mapping,
    lookups,
    seen,
  )
  assert.deepEqual(r, {
    ok: true,
    value: {
      legalName: 'Optique Lumen SAS',
      shortName: null,
      legalForm: null,
      country: 'FR',
      registrationNumber: 'FR401',
      website: null,
      type: 'sme',
      description: '',
      headcount: 12.5,
      annualTurnoverCents: 320_000_000,
      balanceSheetCents: 180_000_000,
      financialYear: null,
      foundedYear: 2015,
      region: null,
      visibility: 'anonymous',
      tagIds: ['t-energy'],
    },
  })
  // The same registration number again in the file, and one already registered.
  const again = validateOrganisationRow(['Other', 'FR', 'fr401', '', '', '', '', '', '', ''], mapping, lookups, seen)
  assert.deepEqual(again.ok ? [] : again.errors, [
    { field: 'registrationNumber', code: 'duplicate_in_file', value: 'fr401' },
  ])
  const taken = validateOrganisationRow(['X', 'BE', 'BE0123456789', '', '', '', '', '', '', ''], mapping, lookups, seen)
  assert.deepEqual(taken.ok ? [] : taken.errors.map((e) => e.code), ['registration_number_taken'])
})

test('every problem of a row is reported with its field and code', () => {
  const r = validateOrganisationRow(
    ['', 'Atlantis', 'bad#number', 'Spaceship', '-2', '1.500', 'lots', '2027', 'secret', 'transport; unknown'],
    mapping,
    lookups,
    new Set(),
  )
  assert.equal(r.ok, false)
  assert.deepEqual(r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`), [
    'country:unknown_country',
    'type:unknown_type',
    'legalName:required',
    'registrationNumber:invalid_registration_number',
    'headcount:out_of_range',
    'annualTurnover:ambiguous_number',
    'balanceSheet:invalid_number',
    'foundedYear:future_year',
    'visibility:invalid_visibility',
    'tags:ambiguous_tag',
    'tags:unknown_tag',
  ])
})
