import assert from 'node:assert/strict'
import { test } from 'node:test'
import { exportColumnKeys } from '../../../../shared/contracts/transfer.ts'
import { translate } from '../../../platform/i18n/index.ts'
import {
  checkMapping,
  type ImportLookups,
  type ImportTerm,
  normaliseHeader,
  suggestMapping,
  tagToken,
  termKeys,
  validateRow,
} from './import-mapping.ts'

const ORG = '00000000-0000-4000-8000-000000000001'
const SME = '00000000-0000-4000-8000-000000000002'
const D1 = '00000000-0000-4000-8000-0000000000d1'
const TAG = '00000000-0000-4000-8000-0000000000aa'
const lookups: ImportLookups = {
  organisationsByNumber: new Map([['be0123456789', [{ id: ORG, eligible: true }]]]),
  organisationsByName: new Map([
    ['ville de démoville', [{ id: ORG, eligible: true }]],
    ['tiny sme', [{ id: SME, eligible: false }]],
    [
      'twins',
      [
        { id: ORG, eligible: true },
        { id: SME, eligible: true },
      ],
    ],
  ]),
  domains: new Map([
    ['d1', D1],
    ['physical security', D1],
  ]),
  terms: new Map<string, ImportTerm[]>(),
}
const attack: ImportTerm = {
  id: TAG,
  taxonomyId: 'enisa-threats',
  code: 'physical-attack',
  name: 'Physical attack (deliberate/intentional)',
}
const jrcEnergy: ImportTerm = { id: ORG, taxonomyId: 'jrc-cybersecurity', code: 'S05', name: 'Dup' }
const nisEnergy: ImportTerm = { id: SME, taxonomyId: 'nis-sectors', code: 'eu-nis-oes:energy', name: 'Dup' }
for (const term of [attack, jrcEnergy, nisEnergy]) {
  for (const k of termKeys(term)) lookups.terms.set(k, [...(lookups.terms.get(k) ?? []), term])
}

test('headers are normalised without accents, case or punctuation', () => {
  assert.equal(normaliseHeader('Numéro d’enregistrement'), 'numerodenregistrement')
  assert.equal(normaliseHeader(' TRL (min) '), 'trlmin')
})

test('the mapping is suggested from English, French, Dutch and our own export headers', () => {
  assert.deepEqual(suggestMapping(['Titre', 'Organisme', 'Numéro d’enregistrement', 'Domaine', 'TRL min', 'TRL max']), {
    title: 0,
    organisationName: 1,
    organisationRegistrationNumber: 2,
    domain: 3,
    trlMin: 4,
    trlMax: 5,
  })
  assert.deepEqual(suggestMapping(['Titel', 'Organisatie', 'Probleemstelling', 'Vertrouwelijkheid']), {
    title: 0,
    organisationName: 1,
    problemStatement: 2,
    confidentiality: 3,
  })
  const ours = suggestMapping([
    'Reference',
    'Title',
    'Organisation',
    'Country',
    'Domain',
    'Status',
    'Confidentiality',
    'TRL min',
    'TRL max',
    'Created',
    'Updated',
    'Submitted',
    'Tags',
  ])
  assert.deepEqual(ours, {
    title: 1,
    organisationName: 2,
    domain: 4,
    confidentiality: 6,
    trlMin: 7,
    trlMax: 8,
    tags: 12,
  })
  // A column feeds one field at most.
  assert.deepEqual(suggestMapping(['Title', 'Title']), { title: 0 })
})

test('a mapping needs a title and an organisation, columns that exist, each used once', () => {
  assert.deepEqual(checkMapping({ title: 0, organisationName: 1 }, 2), [])
  assert.deepEqual(checkMapping({ domain: 0 }, 1), [
    { field: 'title', code: 'field_not_mapped' },
    { field: 'organisation', code: 'field_not_mapped' },
  ])
  assert.deepEqual(checkMapping({ title: 0, organisationName: 0, domain: 5 }, 2), [
    { field: 'organisationName', code: 'column_mapped_twice', value: '0' },
    { field: 'domain', code: 'column_not_found', value: '5' },
  ])
})

const mapping = {
  title: 0,
  organisationRegistrationNumber: 1,
  organisationName: 2,
  domain: 3,
  confidentiality: 4,
  trlMin: 5,
  trlMax: 6,
  tags: 7,
  problemStatement: 8,
  constraintsLegal: 9,
}

test('a good row becomes a use case (registration number first, defaults filled)', () => {
  const r = validateRow(
    [
      'Drone detection',
      'BE0123456789',
      'ignored',
      'Physical security',
      'Programme',
      'TRL 4',
      '7',
      'physical-attack',
      'Hostile drones',
      'GDPR',
    ],
    mapping,
    lookups,
  )
  assert.ok(r.ok)
  assert.equal(r.value.organisationId, ORG)
  assert.equal(r.value.domainId, D1)
  assert.equal(r.value.confidentiality, 'programme')
  assert.deepEqual([r.value.trlMin, r.value.trlMax], [4, 7])
  assert.deepEqual(r.value.tags, [TAG])
  assert.equal(r.value.content.problemStatement, 'Hostile drones')
  assert.equal(r.value.content.constraints.legal, 'GDPR')
  const minimal = validateRow(['Drone detection', '', 'Ville de Démoville'], mapping, lookups)
  assert.ok(minimal.ok)
  assert.deepEqual(
    [minimal.value.confidentiality, minimal.value.domainId, minimal.value.trlMin],
    ['restricted', null, null],
  )
})

test('a bad row reports every field with a stable code', () => {
  const r = validateRow(['ab', '', 'Nowhere Inc', 'D9', 'secret', '0', 'x', 'dup; nope'], mapping, lookups)
  assert.equal(r.ok, false)
  assert.deepEqual(!r.ok && r.errors, [
    { field: 'title', code: 'too_short', value: 'ab' },
    { field: 'organisationName', code: 'organisation_not_found', value: 'Nowhere Inc' },
    { field: 'domain', code: 'unknown_domain', value: 'D9' },
    { field: 'confidentiality', code: 'invalid_confidentiality', value: 'secret' },
    { field: 'trlMin', code: 'invalid_trl', value: '0' },
    { field: 'trlMax', code: 'invalid_trl', value: 'x' },
    {
      field: 'tags',
      code: 'ambiguous_tag',
      value: 'dup',
      candidates: ['jrc:Dup', 'nis:Dup'],
      message: 'Several tags are called "dup": write it with its taxonomy as taxonomy:term, e.g. jrc:Dup or nis:Dup.',
    },
    { field: 'tags', code: 'unknown_tag', value: 'nope' },
  ])
  const codes = (cells: string[]) => {
    const x = validateRow(cells, mapping, lookups)
    return x.ok ? [] : x.errors.map((e) => e.code)
  }
  assert.deepEqual(codes(['', '', '']), ['required', 'required'])
  assert.deepEqual(codes(['Fine title', '', 'Tiny SME']), ['organisation_not_eligible'])
  assert.deepEqual(codes(['Fine title', '', 'twins']), ['organisation_ambiguous'])
  assert.deepEqual(codes(['Fine title', '', 'Ville de Démoville', '', '', '8', '3']), ['trl_range'])
  assert.deepEqual(codes(['Fine title', 'XX999', '']), ['organisation_not_found'])
})

test('a tag may be written taxonomy:term (id or short name, then name or code) to tell namesakes apart', () => {
  assert.deepEqual(termKeys(nisEnergy), [
    'eu-nis-oes:energy',
    'dup',
    'nis-sectors:eu-nis-oes:energy',
    'nis-sectors:dup',
    'nis:eu-nis-oes:energy',
    'nis:dup',
  ])
  const tagsOf = (cell: string) => {
    const r = validateRow(['Fine title', '', 'Ville de Démoville', '', '', '', '', cell], mapping, lookups)
    return r.ok ? r.value.tags : r.errors.map((e) => `${e.code}:${e.value}`)
  }
  assert.deepEqual(tagsOf('nis:Dup'), [SME])
  assert.deepEqual(tagsOf('JRC-Cybersecurity:dup; enisa:physical-attack'), [ORG, TAG])
  assert.deepEqual(tagsOf('enisa:Physical attack (deliberate/intentional) | nis-sectors:eu-nis-oes:energy'), [TAG, SME])
  assert.deepEqual(tagsOf('Dup; enisa:Dup; Nope:Dup'), [
    'ambiguous_tag:Dup',
    'unknown_tag:enisa:Dup',
    'unknown_tag:Nope:Dup',
  ])
})

test('an exported tag is written so that it imports back to the same term', () => {
  assert.equal(tagToken(attack, [attack]), attack.name)
  assert.equal(tagToken(jrcEnergy, [jrcEnergy, nisEnergy]), 'jrc:Dup')
  // Two terms of one name in the same taxonomy: only the code tells them apart.
  const twin: ImportTerm = { ...jrcEnergy, id: D1, code: 'S06' }
  assert.equal(tagToken(twin, [jrcEnergy, twin, nisEnergy]), 'jrc:S06')
  // Two taxonomies of the same short name: the full id.
  const other: ImportTerm = { id: D1, taxonomyId: 'nis-extra', code: 'x', name: 'Dup' }
  assert.equal(tagToken(nisEnergy, [nisEnergy, other]), 'nis-sectors:Dup')
  for (const t of [attack, jrcEnergy, nisEnergy]) {
    const token = tagToken(t, [jrcEnergy, nisEnergy].includes(t) ? [jrcEnergy, nisEnergy] : [t])
    assert.deepEqual(lookups.terms.get(token.toLowerCase()), [t], token)
  }
})

test('the export headers of every language suggest the same mapping', () => {
  const expected = {
    title: 1,
    organisationName: 2,
    domain: 4,
    confidentiality: 6,
    trlMin: 7,
    trlMax: 8,
    tags: 12,
  }
  for (const lang of ['en', 'fr', 'nl'] as const) {
    const headers = exportColumnKeys.map((k) => translate(lang, `useCaseTransfer.export.columns.${k}`))
    assert.equal(new Set(headers).size, headers.length, lang)
    assert.deepEqual(suggestMapping(headers), expected, `${lang}: ${headers.join(', ')}`)
  }
})
