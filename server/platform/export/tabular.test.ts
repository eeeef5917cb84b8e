import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { decodeText, detectDelimiter, detectFormat, parseCsv, readTable } from './read.ts'
import { attachmentHeader, csvField, datedFilename, toCsv, toXlsx } from './tabular.ts'

type Row = { name: string; n: number | null; at: Date }
const table = {
  columns: [
    { header: 'Name', value: (r: Row) => r.name },
    { header: 'N', kind: 'number' as const, value: (r: Row) => r.n },
    { header: 'At', kind: 'datetime' as const, value: (r: Row) => r.at },
  ],
  rows: [
    { name: 'Ville de Démoville', n: 3, at: new Date('2026-01-02T03:04:05.678Z') },
    { name: 'Łódź, "quoted"\nline', n: null, at: new Date('2026-12-31T23:59:59Z') },
    { name: '=HYPERLINK("x")', n: 0, at: new Date('2026-06-01T00:00:00Z') },
  ],
}

test('csv fields: RFC 4180 quoting, ISO dates, formula guard', () => {
  assert.equal(csvField('plain'), 'plain')
  assert.equal(csvField('a,b'), '"a,b"')
  assert.equal(csvField('say "hi"'), '"say ""hi"""')
  assert.equal(csvField('two\r\nlines'), '"two\r\nlines"')
  assert.equal(csvField(' padded'), '" padded"')
  assert.equal(csvField('=1+1'), "'=1+1")
  assert.equal(csvField('-3'), "'-3")
  assert.equal(csvField(-3, 'number'), '-3')
  assert.equal(csvField(new Date('2026-01-02T03:04:05.678Z'), 'datetime'), '2026-01-02T03:04:05Z')
  assert.equal(csvField(new Date('2026-01-02T03:04:05Z'), 'date'), '2026-01-02')
  assert.equal(csvField(null), '')
})

test('toCsv: BOM, CRLF, and it parses back to the same values', async () => {
  const buf = toCsv(table)
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf])
  assert.ok(buf.toString('utf8').includes('\r\n'))
  const back = await readTable(buf)
  assert.equal(back.format, 'csv')
  assert.deepEqual(back.rows, [
    ['Name', 'N', 'At'],
    ['Ville de Démoville', '3', '2026-01-02T03:04:05Z'],
    ['Łódź, "quoted"\nline', '', '2026-12-31T23:59:59Z'],
    ['=HYPERLINK("x")', '0', '2026-06-01T00:00:00Z'],
  ])
})

test('toXlsx: header row, real dates and numbers, reads back', async () => {
  const buf = await toXlsx({ ...table, sheetName: 'Use cases' })
  assert.equal(detectFormat(buf), 'xlsx')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('Use cases')!
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['Name', 'N', 'At'])
  assert.equal(ws.getCell('A2').value, 'Ville de Démoville')
  assert.equal(ws.getCell('B2').value, 3)
  assert.ok(ws.getCell('C2').value instanceof Date)
  assert.equal((ws.getCell('C2').value as Date).toISOString(), '2026-01-02T03:04:05.678Z')
  assert.equal(ws.getCell('A4').value, '=HYPERLINK("x")') // a string, not a formula
  const back = await readTable(buf)
  assert.equal(back.rows[2]![0], 'Łódź, "quoted"\nline')
})

test('reading: delimiters, encodings, refusals', async () => {
  assert.equal(detectDelimiter('a;b;"c,d"\n1;2;3'), ';')
  assert.equal(detectDelimiter('a\tb\tc'), '\t')
  assert.deepEqual(parseCsv('a,b\n1,"x\ny"'), [
    ['a', 'b'],
    ['1', 'x\ny'],
  ])
  assert.equal(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9])), 'Café') // Windows-1252
  assert.deepEqual((await readTable(Buffer.from('Titre;Organisme\r\nÉté;Ville\r\n\r\n'))).rows, [
    ['Titre', 'Organisme'],
    ['Été', 'Ville'],
  ])
  await assert.rejects(readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])), { reason: 'unsupported_file_type' })
  await assert.rejects(readTable(Buffer.from([1, 0, 2, 0])), { reason: 'unsupported_file_type' })
  await assert.rejects(readTable(Buffer.from('PK\x03\x04garbage')), { reason: 'unreadable_file' })
  await assert.rejects(readTable(Buffer.alloc(0)), { reason: 'empty_file' })
})

test('file names and content disposition', () => {
  assert.equal(datedFilename('use-cases', 'xlsx', new Date('2026-11-25T23:00:00Z')), 'use-cases-2026-11-25.xlsx')
  assert.equal(
    attachmentHeader('cas-d’usage.csv'),
    `attachment; filename="cas-dusage.csv"; filename*=UTF-8''cas-d%E2%80%99usage.csv`,
  )
})
