import assert from 'node:assert/strict'
import { test } from 'node:test'
import { previewColumns, readImportTable } from './import-table.ts'
import { cellsByField, checkColumnMapping, normaliseHeader, suggestColumnMapping } from './mapping.ts'
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
