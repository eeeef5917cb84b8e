import assert from 'node:assert/strict'
import { test } from 'node:test'
import { csvRecords, parseCsv } from './csv.ts'

test('quoted fields keep commas, doubled quotes and line breaks', () => {
  assert.deepEqual(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n'), [
    ['a', 'b', 'c'],
    ['x, y', 'say "hi"', 'two\nlines'],
    ['1', '', '3'],
  ])
})

test('a byte-order mark is ignored, a missing final line break is fine, records follow the header', () => {
  assert.deepEqual(csvRecords('\ufeffid,name\nD01,"Audit, and more"'), [{ id: 'D01', name: 'Audit, and more' }])
})

test('an unterminated quote is an error', () => {
  assert.throws(() => parseCsv('a,"b\n'), /unterminated/)
})
