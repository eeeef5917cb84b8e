/**
 * Import and export of organisations (operators, cluster staff): column mapping, row-by-row report,
 * all-or-nothing or valid rows only, the SME status computed for each created organisation; the
 * export answers the filtered staff list as CSV and XLSX and reads back through the import.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { readTable } from '../../server/platform/export/index.ts'
import { termId } from '../../server/seed/taxonomies/index.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const existing = await createTeam(t.db, t.programmeId, { legalName: 'Vigilant Grid BV', country: 'NL' })
await t.db
  .updateTable('organisations')
  .set({ registration_number: 'NL123456789B01' })
  .where('id', '=', existing.org.id)
  .execute()
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
const expert = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'expert' }))
const sector = await t.db
  .selectFrom('taxonomy_terms')
  .select(['code', 'name'])
  .where('taxonomy_id', '=', 'nis-sectors')
  .orderBy('position')
  .executeTakeFirstOrThrow()

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
// A French spreadsheet saved as CSV: semicolons, decimal commas, spaces between thousands.
const FRENCH = [
  'Raison sociale;Pays;Numéro TVA;Site web;Type;Effectif;Chiffre d’affaires;Total du bilan;Année de création;Visibilité;Étiquettes;Description',
  `Optique Lumen SAS;France;FR40123456789;https://lumen.example;PME;12,5;3 200 000;1 800 000;2015;anonyme;${sector.name};Caméras pour sites sensibles.`,
  'Nordwacht GmbH;DE;DE811111111;;SME;180;60 000 000;40 000 000;2001;public;;',
  'Sans Pays SARL;;;;;;;;;;;',
  `Vigilant Grid Copy;NL;nl123456789b01;;;;;;;;;`,
  'Mauvais Chiffres;BE;;pas-une-url;PME;-3;1.500;beaucoup;2999;secret;inconnu;',
  'Optique Lumen Bis;FR;FR40123456789;;;;;;;;;',
].join('\r\n')

test('preview: columns, samples and a mapping suggested from French headers', async () => {
  const res = await operator.post('/api/v1/organisations/import/preview', { file: b64(FRENCH) })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.format, 'csv')
  assert.equal(res.body.rowCount, 6)
  assert.deepEqual(res.body.suggestedMapping, {
    legalName: 0,
    country: 1,
    registrationNumber: 2,
    website: 3,
    type: 4,
    headcount: 5,
    annualTurnover: 6,
    balanceSheet: 7,
    foundedYear: 8,
    visibility: 9,
    tags: 10,
    description: 11,
  })
  assert.deepEqual(res.body.columns[0].samples, ['Optique Lumen SAS', 'Nordwacht GmbH', 'Sans Pays SARL'])
  assert.deepEqual(
    res.body.fields.filter((f: { required: boolean }) => f.required).map((f: { field: string }) => f.field),
    ['legalName', 'country'],
  )
})

test('only operators and cluster staff import', async () => {
  assert.equal((await expert.post('/api/v1/organisations/import/preview', { file: b64(FRENCH) })).status, 403)
  const owner = await signedIn(t, existing.owner)
  assert.equal(
    (await owner.post('/api/v1/organisations/import', { file: b64(FRENCH), mapping: {}, mode: 'valid_rows' })).status,
    403,
  )
  assert.equal((await t.client().post('/api/v1/organisations/import/preview', { file: b64(FRENCH) })).status, 401)
})

test('all-or-nothing with invalid rows writes nothing and reports every row', async () => {
  const mapping = (await staff.post('/api/v1/organisations/import/preview', { file: b64(FRENCH) })).body
    .suggestedMapping
  const before = await t.db.selectFrom('organisations').select('id').execute()
  const res = await staff.post('/api/v1/organisations/import', { file: b64(FRENCH), mapping, mode: 'all_or_nothing' })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.written, false)
  assert.deepEqual([res.body.total, res.body.valid, res.body.invalid, res.body.created], [6, 2, 4, 0])
  const errors = Object.fromEntries(
    res.body.rows.map((r: { row: number; errors: { field: string; code: string }[] }) => [
      r.row,
      r.errors.map((e) => `${e.field}:${e.code}`),
    ]),
  )
  assert.deepEqual(errors[2], [])
  assert.deepEqual(errors[3], [])
  assert.deepEqual(errors[4], ['country:required'])
  assert.deepEqual(errors[5], ['registrationNumber:registration_number_taken'])
  assert.deepEqual(errors[6], [
    'website:invalid_url',
    'headcount:out_of_range',
    'annualTurnover:ambiguous_number',
    'balanceSheet:invalid_number',
    'foundedYear:future_year',
    'visibility:invalid_visibility',
    'tags:unknown_tag',
  ])
  assert.deepEqual(errors[7], ['registrationNumber:duplicate_in_file'])
  assert.equal((await t.db.selectFrom('organisations').select('id').execute()).length, before.length)
})

test('valid rows only: the valid ones are created with their SME status, audited, without members', async () => {
  const mapping = (await operator.post('/api/v1/organisations/import/preview', { file: b64(FRENCH) })).body
    .suggestedMapping
  const res = await operator.post('/api/v1/organisations/import', { file: b64(FRENCH), mapping, mode: 'valid_rows' })
  assert.equal(res.body.written, true)
  assert.equal(res.body.created, 2)
  const lumenRef = res.body.rows.find((r: { row: number }) => r.row === 2).created
  assert.match(lumenRef.reference, /^ORG-[0-9A-F]{8}$/)
  const lumen = await t.db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', lumenRef.id)
    .executeTakeFirstOrThrow()
  assert.equal(lumen.legal_name, 'Optique Lumen SAS')
  assert.equal(lumen.country, 'FR')
  assert.equal(lumen.type, 'sme')
  assert.equal(Number(lumen.headcount), 12.5)
  assert.equal(Number(lumen.annual_turnover_cents), 320_000_000)
  assert.equal(lumen.visibility, 'anonymous')
  assert.equal(lumen.sme_status, 'small')
  assert.equal(lumen.language, 'fr')
  const tags = await t.db
    .selectFrom('organisation_tags')
    .select('term_id')
    .where('organisation_id', '=', lumen.id)
    .execute()
  assert.deepEqual(
    tags.map((x) => x.term_id),
    [termId('nis-sectors', sector.code)],
  )
  const nord = res.body.rows.find((r: { row: number }) => r.row === 3).created
  const nordRow = await t.db
    .selectFrom('organisations')
    .select(['sme_status', 'type'])
    .where('id', '=', nord.id)
    .executeTakeFirstOrThrow()
  // 180 AWU, turnover €60 M (> 50), balance sheet €40 M (≤ 43): medium through the balance sheet.
  assert.deepEqual(nordRow, { sme_status: 'medium', type: 'sme' })
  const members = await t.db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', lumen.id)
    .execute()
  assert.equal(members.length, 0)
  const events = await auditEvents(t.db, 'organisation.created', lumen.id)
  assert.equal(events.length, 1)
  assert.equal((events[0]!.change as { source: string }).source, 'import')
  // Importing the same file again: both are now registered.
  const again = await operator.post('/api/v1/organisations/import', { file: b64(FRENCH), mapping, mode: 'valid_rows' })
  assert.equal(again.body.created, 0)
  assert.ok(
    again.body.rows
      .find((r: { row: number }) => r.row === 2)
      .errors.some((e: { code: string }) => e.code === 'registration_number_taken'),
  )
})

test('a mapping without the required fields reads no row; an unreadable file is a field error', async () => {
  const res = await operator.post('/api/v1/organisations/import', {
    file: b64(FRENCH),
    mapping: { legalName: 0, country: 0 },
    mode: 'valid_rows',
  })
  assert.deepEqual(res.body.mappingErrors, [{ field: 'country', code: 'column_mapped_twice', value: '0' }])
  assert.deepEqual(res.body.rows, [])
  const none = await operator.post('/api/v1/organisations/import', {
    file: b64(FRENCH),
    mapping: { website: 3 },
    mode: 'valid_rows',
  })
  assert.deepEqual(
    none.body.mappingErrors.map((e: { field: string }) => e.field),
    ['legalName', 'country'],
  )
  const xls = await operator.post('/api/v1/organisations/import/preview', {
    file: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]).toString('base64'),
  })
  assert.equal(xls.status, 400)
  assert.deepEqual(xls.body.errors[0], {
    path: 'file',
    code: 'unsupported_file_type',
    message: xls.body.errors[0].message,
  })
})

test('export: the filtered staff list as CSV and XLSX, which the import reads back', async () => {
  const csv = await staff.get('/api/v1/organisations/export.csv?country=FR&type=sme&sort=legalName')
  assert.equal(csv.status, 200)
  assert.match(String(csv.headers['content-type']), /^text\/csv/)
  assert.match(
    String(csv.headers['content-disposition']),
    /attachment; filename="organisations-\d{4}-\d{2}-\d{2}\.csv"/,
  )
  const table = await readTable(csv.raw.rawPayload)
  const [header, ...rows] = table.rows
  assert.equal(header![1], 'Legal name')
  assert.deepEqual(
    rows.map((r) => r[1]),
    ['Optique Lumen SAS'],
  )
  const lumen = rows[0]!
  const col = (name: string) => lumen[header!.indexOf(name)]
  // Staff see every identity, anonymous profiles included.
  assert.equal(col('Registration number'), 'FR40123456789')
  assert.equal(col('Visibility'), 'anonymous')
  assert.equal(col('SME status'), 'small')
  assert.equal(col('Annual turnover (EUR)'), '3200000')
  assert.equal(col('Tags'), `nis-sectors:${sector.code}`)

  const filtered = await staff.get('/api/v1/organisations/export.csv?smeStatus=medium')
  const names = (await readTable(filtered.raw.rawPayload)).rows.slice(1).map((r) => r[1])
  assert.deepEqual(names, ['Nordwacht GmbH'])

  const xlsx = await operator.get('/api/v1/organisations/export.xlsx?q=Optique')
  assert.equal(xlsx.status, 200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('Organisations')!
  assert.equal(ws.getCell('B2').value, 'Optique Lumen SAS')
  assert.equal(ws.getCell('K2').value, 12.5)

  // Round trip: the export's headers are recognised by the import.
  const preview = await operator.post('/api/v1/organisations/import/preview', {
    file: csv.raw.rawPayload.toString('base64'),
  })
  const m = preview.body.suggestedMapping
  assert.deepEqual(
    [
      m.legalName,
      m.country,
      m.registrationNumber,
      m.website,
      m.type,
      m.visibility,
      m.headcount,
      m.annualTurnover,
      m.balanceSheet,
      m.tags,
      m.description,
    ],
    [1, 4, 5, 6, 7, 8, 10, 11, 12, 16, 17],
  )

  assert.equal((await expert.get('/api/v1/organisations/export.csv')).status, 403)
  assert.equal((await (await signedIn(t, existing.owner)).get('/api/v1/organisations/export.csv')).status, 403)
  assert.equal((await t.client().get('/api/v1/organisations/export.xlsx')).status, 401)
})
