import assert from 'node:assert/strict'
import { test } from 'node:test'
import { previewColumns, previewImport, readImportTable } from './import-table.ts'
import { addToIndex, distinctColumnValues, indexOrganisations } from './lookups.ts'
import { cellsByField, checkColumnMapping, normaliseHeader, suggestColumnMapping } from './mapping.ts'
import { runMappedImport } from './run-import.ts'
import { isParseError, parseDecimal, parseEuroCents, parseWhole, splitList } from './values.ts'

test('numbers written the European ways, and the ambiguous ones refused', () => {
  const ok: [string, number][] = [
    ['1234567', 1234567],
    ['1 234 567,89', 1234567.89],
    ['1\u202f234\u202f567,89', 1234567.89],
    ['1.234.567,89', 1234567.89],
    ['1,234,567.89', 1234567.89],
    ['2,000,000', 2000000],
    ['2.000.000', 2000000],
    ['32,5', 32.5],
    ['32.5', 32.5],
    ['0,500', 0.5],
    ['€ 1 500', 1500],
    ['1500 EUR', 1500],
    ["1'500'000", 1500000],
    ['-3', -3],
  ]
  for (const [raw, n] of ok) assert.equal(parseDecimal(raw), n, raw)
  assert.equal(parseDecimal('  '), null)
  assert.deepEqual(parseDecimal('1.500'), { error: 'ambiguous_number' })
  assert.deepEqual(parseDecimal('2,000'), { error: 'ambiguous_number' })
  for (const bad of ['abc', '1.2.3,4,5', '1,23,4', '12a', '.', '1.', '1,2.3.4']) {
    assert.ok(isParseError(parseDecimal(bad)), bad)
  }
  assert.equal(parseWhole('2024'), 2024)
  assert.deepEqual(parseWhole('2024,5'), { error: 'invalid_number' })
  assert.equal(parseEuroCents('8 200 000,50'), 820000050)
  assert.deepEqual(parseEuroCents('1,005'), { error: 'ambiguous_number' })
  assert.deepEqual(parseEuroCents('10.125'), { error: 'ambiguous_number' })
  assert.deepEqual(parseEuroCents('10000.125'), { error: 'too_many_decimals' })
  assert.deepEqual(splitList('a; b |c\nd;;'), ['a', 'b', 'c', 'd'])
})

test('mapping: suggested from synonyms, checked, read by field', () => {
  type F = 'name' | 'country' | 'size'
  const fields: readonly F[] = ['name', 'country', 'size']
  const synonyms = { name: ['nom', 'naam', 'legalname'], country: ['pays', 'land'], size: ['headcount', 'effectif'] }
  assert.equal(normaliseHeader("Numéro d'entreprise"), 'numerodentreprise')
  assert.deepEqual(suggestColumnMapping(['Pays', 'Nom', 'Effectif (ETP)', 'x'], fields, synonyms), {
    country: 0,
    name: 1,
    size: 2,
  })
  assert.deepEqual(checkColumnMapping<F>({ country: 0, size: 0 }, 2, ['name']), [
    { field: 'name', code: 'field_not_mapped' },
    { field: 'size', code: 'column_mapped_twice', value: '0' },
  ])
  assert.deepEqual(checkColumnMapping<F>({ name: 5 }, 2, ['name']), [
    { field: 'name', code: 'column_not_found', value: '5' },
  ])
  const get = cellsByField<F>([' Acme ', 'BE'], { name: 0, country: 1 })
  assert.deepEqual([get('name'), get('country'), get('size')], ['Acme', 'BE', ''])
})

test('an uploaded table: rows numbered as the spreadsheet shows them, blank rows skipped, limits', async () => {
  const csv = Buffer.from('Name;Country\r\nAcme;BE\r\n;\r\nBeta;FR\r\n').toString('base64')
  const t = await readImportTable(csv, { maxBytes: 1000, maxRows: 10 })
  assert.deepEqual(t.header, ['Name', 'Country'])
  assert.deepEqual(
    t.data.map((r) => r.row),
    [2, 4],
  )
  assert.equal(t.width, 2)
  assert.deepEqual(previewColumns(t), [
    { index: 0, header: 'Name', samples: ['Acme', 'Beta'] },
    { index: 1, header: 'Country', samples: ['BE', 'FR'] },
  ])
  await assert.rejects(readImportTable(csv, { maxBytes: 10, maxRows: 10 }), { code: 'payload_too_large' })
  await assert.rejects(
    readImportTable(csv, { maxBytes: 1000, maxRows: 1 }),
    (e: { fieldErrors: { code: string }[] }) => {
      assert.equal(e.fieldErrors[0]!.code, 'too_many_rows')
      return true
    },
  )
  await assert.rejects(
    readImportTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]).toString('base64'), { maxBytes: 1000, maxRows: 1 }),
    (e: { fieldErrors: { code: string }[] }) => {
      assert.equal(e.fieldErrors[0]!.code, 'unsupported_file_type')
      return true
    },
  )
})

test('preview, lookups and a mapping with problems: the shared steps of every import', async () => {
  const csv = Buffer.from('Name,Country\nAcme,BE\n acme ,FR\nBeta,\n').toString('base64')
  const t = await readImportTable(csv, { maxBytes: 1000, maxRows: 10 })
  const preview = previewImport(
    t,
    (headers) => suggestColumnMapping(headers, ['name', 'country'] as const, { name: [], country: [] }),
    ['name', 'country'] as const,
    (f) => f === 'name',
  )
  assert.deepEqual(preview.suggestedMapping, { name: 0, country: 1 })
  assert.deepEqual(preview.fields, [
    { field: 'name', required: true },
    { field: 'country', required: false },
  ])
  assert.equal(preview.rowCount, 3)
  assert.deepEqual(distinctColumnValues(t.data, 0), ['acme', 'beta'])
  assert.deepEqual(distinctColumnValues(t.data, 1), ['be', 'fr'])
  assert.deepEqual(distinctColumnValues(t.data, undefined), [])

  const index = new Map<string, string[]>()
  addToIndex(index, ' Key ', 'a', (x) => x === 'a')
  addToIndex(index, 'key', 'a', (x) => x === 'a')
  addToIndex(index, 'KEY', 'b', (x) => x === 'b')
  addToIndex(index, null, 'c', (x) => x === 'c')
  assert.deepEqual([...index], [['key', ['a', 'b']]])

  const orgs = indexOrganisations(
    [
      { id: '1', registration_number: 'BE 01', legal_name: 'Acme SA', short_name: 'Acme' },
      { id: '2', registration_number: null, legal_name: 'Acme', short_name: 'acme' },
    ],
    (o) => o.id,
  )
  assert.deepEqual([...orgs.organisationsByNumber], [['be 01', ['1']]])
  assert.deepEqual(
    [...orgs.organisationsByName],
    [
      ['acme sa', ['1']],
      ['acme', ['1', '2']],
    ],
  )

  // A mapping with problems reads no row: nothing prepared, nothing written, every row invalid.
  const report = await runMappedImport({
    db: undefined as never,
    table: t,
    mode: 'valid_rows',
    mappingErrors: checkColumnMapping<'name' | 'country'>({ country: 5 }, t.width, ['name']),
    prepare: () => assert.fail('no lookups for a mapping with problems'),
    write: () => assert.fail('nothing written'),
  })
  assert.deepEqual(report, {
    format: 'csv',
    mode: 'valid_rows',
    total: 3,
    written: false,
    valid: 0,
    invalid: 3,
    created: 0,
    mappingErrors: [
      { field: 'name', code: 'field_not_mapped' },
      { field: 'country', code: 'column_not_found', value: '5' },
    ],
    rows: [],
  })
})
