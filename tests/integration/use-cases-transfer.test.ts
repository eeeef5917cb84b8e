import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { readTable } from '../../server/platform/export/index.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { domainId, insertUseCase, termId } from '../factories/use-cases.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res } from '../support/app.ts'

const t = await createTestApp()
const city = await createTeam(t.db, t.programmeId, { legalName: 'Ville de Démoville', type: 'public_authority' })
const lodz = await createTeam(t.db, t.programmeId, {
  legalName: 'Miasto Łódź',
  type: 'public_authority',
  country: 'PL',
})
const sme = await createTeam(t.db, t.programmeId, { legalName: 'Tiny SME', type: 'sme' })
await t.db
  .updateTable('organisations')
  .set({ registration_number: 'BE0123456789' })
  .where('id', '=', city.org.id)
  .execute()
const operatorUser = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const operator = await signedIn(t, operatorUser)
const cityMember = await signedIn(t, city.member)
const lodzMember = await signedIn(t, lodz.member)

const mine = await insertUseCase(t.db, {
  programmeId: t.programmeId,
  organisationId: city.org.id,
  title: 'Détection de drones à Łódź, « festival »',
  status: 'submitted',
  confidentiality: 'restricted',
})
const theirs = await insertUseCase(t.db, {
  programmeId: t.programmeId,
  organisationId: lodz.org.id,
  title: 'Restricted plan of Łódź',
  confidentiality: 'restricted',
})
const submittedAt = new Date('2026-03-04T05:06:07Z')
await t.db
  .updateTable('use_cases')
  .set({ submitted_at: submittedAt, domain_id: domainId('D1') })
  .where('id', '=', mine.id)
  .execute()
await t.db
  .insertInto('use_case_tags')
  .values({ use_case_id: mine.id, term_id: termId('enisa-threats', 'physical-attack') })
  .execute()

const HEADER = [
  'Reference',
  'Title',
  'Organisation',
  'Country',
  'Domain',
  'Status',
  'Confidentiality',
  'TRL min',
  'TRL max',
  'Created (UTC)',
  'Updated (UTC)',
  'Submitted (UTC)',
  'Tags',
]
const HEADER_FR = [
  'Référence',
  'Titre',
  'Organisation',
  'Pays',
  'Domaine',
  'Statut',
  'Confidentialité',
  'TRL min',
  'TRL max',
  'Créé le (UTC)',
  'Modifié le (UTC)',
  'Soumis le (UTC)',
  'Étiquettes',
]
const HEADER_NL = [
  'Referentie',
  'Titel',
  'Organisatie',
  'Land',
  'Domein',
  'Status',
  'Vertrouwelijkheid',
  'TRL min',
  'TRL max',
  'Aangemaakt (UTC)',
  'Gewijzigd (UTC)',
  'Ingediend (UTC)',
  'Labels',
]
const bytes = (res: Res) => res.raw.rawPayload
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
const countUseCases = async () =>
  Number(
    (
      await t.db
        .selectFrom('use_cases')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

test('CSV export: BOM, header, accents intact, ISO dates, dated attachment, only what the caller sees', async () => {
  const res = await cityMember.get('/api/v1/use-cases/export.csv')
  assert.equal(res.status, 200, String(res.body))
  assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8')
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="use-cases-\d{4}-\d{2}-\d{2}\.csv"/)
  const buf = bytes(res)
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf])
  const { rows } = await readTable(buf)
  assert.deepEqual(rows[0], HEADER)
  assert.equal(rows.length, 2) // the city's own use case only
  const row = rows[1]!
  assert.deepEqual(row.slice(0, 9), [
    mine.reference,
    'Détection de drones à Łódź, « festival »',
    'Ville de Démoville',
    'BE',
    'D1',
    'submitted',
    'restricted',
    '4',
    '7',
  ])
  assert.equal(row[11], '2026-03-04T05:06:07Z')
  assert.match(row[9]!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  assert.ok(row[12]!.length > 0, 'tags by name')
  assert.ok(!buf.toString('utf8').includes('Restricted plan of Łódź'))
})

test('XLSX export: right header row, real Date cells, numbers, accents', async () => {
  const res = await operator.get('/api/v1/use-cases/export.xlsx?sort=reference')
  assert.equal(res.status, 200)
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="use-cases-\d{4}-\d{2}-\d{2}\.xlsx"/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes(res) as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  assert.equal(ws.name, 'Use cases')
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), HEADER)
  const titles = ws.getColumn(2).values.slice(2)
  assert.ok(titles.includes('Restricted plan of Łódź'), 'an operator exports everything in the programme')
  const r = ws.getColumn(1).values.indexOf(mine.reference)
  const row = ws.getRow(r)
  assert.equal(row.getCell(3).value, 'Ville de Démoville')
  assert.equal(row.getCell(8).value, 4)
  assert.ok(row.getCell(12).value instanceof Date)
  assert.equal((row.getCell(12).value as Date).toISOString(), submittedAt.toISOString())
  assert.ok(row.getCell(10).value instanceof Date)
})

test("a restricted use case of another organisation is never in someone else's export; filters apply", async () => {
  for (const format of ['csv', 'xlsx']) {
    const res = await lodzMember.get(`/api/v1/use-cases/export.${format}`)
    assert.equal(res.status, 200)
    const { rows } = await readTable(bytes(res))
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      [theirs.reference],
    )
  }
  const outsider = await signedIn(t, sme.member)
  assert.deepEqual((await readTable(bytes(await outsider.get('/api/v1/use-cases/export.csv')))).rows.length, 1)
  // The list's filters: nothing but drafts, or a search.
  const drafts = await readTable(
    bytes(await operator.get('/api/v1/use-cases/export.csv?status=draft&q=%C5%81%C3%B3d%C5%BA')),
  )
  assert.deepEqual(
    drafts.rows.slice(1).map((r) => r[0]),
    [theirs.reference],
  )
  assert.equal((await t.client().get('/api/v1/use-cases/export.csv')).status, 401)
  const bad = await operator.get('/api/v1/use-cases/export.csv?status=nope')
  assert.equal(bad.status, 400)
})

const goodCsv = [
  'Titre;Numéro d’enregistrement;Organisme;Domaine;Confidentialité;TRL min;TRL max;Énoncé du problème;Tags',
  'Surveillance des ponts;BE0123456789;;D1;programme;3;6;Fissures invisibles;enisa-threats:physical-attack',
  'Alerte crue à Łódź;;Miasto Łódź;D2;;;;"Eau; montée ""rapide""";',
].join('\r\n')
const badRows = ['ab;;Miasto Łódź;D9;secret;0;x;;', 'Drones pour SME;;Tiny SME;;;;;;', 'Inconnue;;Nowhere Inc;;;5;3;;']
const mixedCsv = `${goodCsv}\r\n${badRows.join('\r\n')}\r\n`

test('import preview: columns with samples and a suggested mapping; nothing written', async () => {
  const before = await countUseCases()
  const res = await operator.post('/api/v1/use-cases/import/preview', { file: b64(`\uFEFF${mixedCsv}`) })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.format, 'csv')
  assert.equal(res.body.rowCount, 5)
  assert.equal(res.body.columns[2].header, 'Organisme')
  assert.deepEqual(res.body.columns[2].samples, ['Miasto Łódź', 'Miasto Łódź', 'Tiny SME'])
  assert.deepEqual(res.body.suggestedMapping, {
    title: 0,
    organisationRegistrationNumber: 1,
    organisationName: 2,
    domain: 3,
    confidentiality: 4,
    trlMin: 5,
    trlMax: 6,
    problemStatement: 7,
    tags: 8,
  })
  assert.equal(await countUseCases(), before)
  // The type comes from the bytes: an old binary .xls is refused whatever it is called.
  const xls = await operator.post('/api/v1/use-cases/import/preview', {
    file: b64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])),
  })
  assert.equal(xls.status, 400)
  assert.deepEqual(
    xls.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['file', 'unsupported_file_type']],
  )
  // Only operators import.
  const refused = await cityMember.post('/api/v1/use-cases/import/preview', { file: b64(goodCsv) })
  assert.equal(refused.status, 403)
})

const mapping = {
  title: 0,
  organisationRegistrationNumber: 1,
  organisationName: 2,
  domain: 3,
  confidentiality: 4,
  trlMin: 5,
  trlMax: 6,
  problemStatement: 7,
  tags: 8,
}

test('all or nothing: one bad row and nothing is written', async () => {
  const before = await countUseCases()
  const oneBad = `${goodCsv}\r\n${badRows[2]}\r\n`
  const res = await operator.post('/api/v1/use-cases/import', { file: b64(oneBad), mapping, mode: 'all_or_nothing' })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.deepEqual(
    [res.body.written, res.body.total, res.body.valid, res.body.invalid, res.body.created],
    [false, 3, 2, 1, 0],
  )
  assert.deepEqual(
    res.body.rows.map((r: { row: number; ok: boolean; created: unknown }) => [r.row, r.ok, r.created]),
    [
      [2, true, null],
      [3, true, null],
      [4, false, null],
    ],
  )
  assert.equal(await countUseCases(), before)
  // A mapping without a title is refused before any row is read.
  const unmapped = await operator.post('/api/v1/use-cases/import', {
    file: b64(goodCsv),
    mapping: { organisationName: 2 },
    mode: 'valid_rows',
  })
  assert.deepEqual(unmapped.body.mappingErrors, [{ field: 'title', code: 'field_not_mapped' }])
  assert.equal(unmapped.body.written, false)
  assert.equal(await countUseCases(), before)
})

test('valid rows: the good ones become drafts (one audit each), the bad ones are reported with exact codes', async () => {
  const before = await countUseCases()
  const res = await operator.post('/api/v1/use-cases/import', { file: b64(mixedCsv), mapping, mode: 'valid_rows' })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.deepEqual(
    [res.body.written, res.body.total, res.body.valid, res.body.invalid, res.body.created],
    [true, 5, 2, 3, 2],
  )
  const report = res.body.rows as {
    row: number
    ok: boolean
    errors: { field: string; code: string }[]
    created: { id: string; reference: string } | null
  }[]
  assert.deepEqual(
    report.filter((r) => !r.ok).map((r) => [r.row, r.errors.map((e) => `${e.field}:${e.code}`)]),
    [
      [
        4,
        [
          'title:too_short',
          'domain:unknown_domain',
          'confidentiality:invalid_confidentiality',
          'trlMin:invalid_trl',
          'trlMax:invalid_trl',
        ],
      ],
      [5, ['organisationName:organisation_not_eligible']],
      [6, ['organisationName:organisation_not_found', 'trlMax:trl_range']],
    ],
  )
  assert.equal(await countUseCases(), before + 2)
  const [bridges, flood] = report.filter((r) => r.ok).map((r) => r.created!)
  assert.match(bridges!.reference, /^UC-\d{4}$/)

  // The city's member now sees its draft, exactly as imported.
  const got = await cityMember.get(`/api/v1/use-cases/${bridges!.id}`)
  assert.equal(got.status, 200)
  assert.deepEqual(
    [
      got.body.status,
      got.body.title,
      got.body.confidentiality,
      got.body.trlMin,
      got.body.trlMax,
      got.body.domainId,
      got.body.content.problemStatement,
    ],
    ['draft', 'Surveillance des ponts', 'programme', 3, 6, domainId('D1'), 'Fissures invisibles'],
  )
  assert.deepEqual(
    got.body.tags.map((x: { code: string }) => x.code),
    ['physical-attack'],
  )
  const audits = await auditEvents(t.db, 'use_case.created', bridges!.id)
  assert.equal(audits.length, 1)
  assert.equal(audits[0]!.actor_id, operatorUser.id)
  assert.equal((audits[0]!.change as { source: string }).source, 'import')

  // Łódź's draft is Łódź's: the city cannot see it; the quoted problem statement survived.
  assert.equal((await cityMember.get(`/api/v1/use-cases/${flood!.id}`)).status, 404)
  const theirDraft = await lodzMember.get(`/api/v1/use-cases/${flood!.id}`)
  assert.equal(theirDraft.body.content.problemStatement, 'Eau; montée "rapide"')
  assert.equal(theirDraft.body.confidentiality, 'restricted')
})

test('XLSX import: numbers and text cells, same rules', async () => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Feuille 1')
  ws.addRow(['Title', 'Organisation', 'TRL min', 'TRL max'])
  ws.addRow(['Détecteur de fumée connecté', 'Ville de Démoville', 2, 5])
  ws.addRow(['Valid too', 'Miasto Łódź', 7, 4])
  const file = Buffer.from(await wb.xlsx.writeBuffer())
  const preview = await operator.post('/api/v1/use-cases/import/preview', { file: b64(file) })
  assert.equal(preview.body.format, 'xlsx')
  assert.deepEqual(preview.body.suggestedMapping, { title: 0, organisationName: 1, trlMin: 2, trlMax: 3 })
  const res = await operator.post('/api/v1/use-cases/import', {
    file: b64(file),
    mapping: preview.body.suggestedMapping,
    mode: 'all_or_nothing',
  })
  assert.deepEqual([res.body.written, res.body.valid, res.body.invalid], [false, 1, 1])
  assert.deepEqual(res.body.rows[1].errors, [{ field: 'trlMax', code: 'trl_range' }])
})

test('an exported file imports again (round trip through our own headers)', async () => {
  const exported = bytes(await operator.get('/api/v1/use-cases/export.csv?q=Surveillance'))
  const preview = await operator.post('/api/v1/use-cases/import/preview', { file: b64(exported) })
  const res = await operator.post('/api/v1/use-cases/import', {
    file: b64(exported),
    mapping: preview.body.suggestedMapping,
    mode: 'all_or_nothing',
  })
  assert.equal(res.body.written, true, JSON.stringify(res.body.rows))
  assert.equal(res.body.created, 1)
})

test('the 5 MB limit: a larger file is refused with 413, nothing read', async () => {
  const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61)
  const res = await operator.post('/api/v1/use-cases/import/preview', { file: b64(big) })
  assert.equal(res.status, 413, JSON.stringify(res.body))
  assert.equal(res.body.code, 'payload_too_large')
})

const xlsxSheet = async (res: Res) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes(res) as unknown as ArrayBuffer)
  return wb.worksheets[0]!
}

test('headers in the requester’s language: ?lang= first, else the person’s language, else English', async () => {
  const fr = await operator.get('/api/v1/use-cases/export.csv?lang=fr&sort=reference')
  assert.equal(fr.status, 200)
  const frRows = (await readTable(bytes(fr))).rows
  assert.deepEqual(frRows[0], HEADER_FR)
  const ours = frRows.find((r) => r[0] === mine.reference)!
  // Values do not change with the language: codes, ISO dates in UTC, names with their accents.
  assert.deepEqual(ours.slice(1, 7), [
    'Détection de drones à Łódź, « festival »',
    'Ville de Démoville',
    'BE',
    'D1',
    'submitted',
    'restricted',
  ])
  assert.equal(ours[11], '2026-03-04T05:06:07Z')

  const nl = await xlsxSheet(await operator.get('/api/v1/use-cases/export.xlsx?lang=nl'))
  assert.deepEqual((nl.getRow(1).values as unknown[]).slice(1), HEADER_NL)
  assert.equal(nl.name, 'Use cases')
  const frSheet = await xlsxSheet(await operator.get('/api/v1/use-cases/export.xlsx?lang=fr'))
  assert.equal(frSheet.name, 'Cas d’usage')
  assert.ok(frSheet.getCell('J2').value instanceof Date, 'a real date cell')
  assert.equal(frSheet.getColumn(10).numFmt, 'yyyy-mm-dd hh:mm:ss')

  // Without ?lang=, the signed-in person's language.
  await t.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', operatorUser.id).execute()
  try {
    assert.deepEqual((await readTable(bytes(await operator.get('/api/v1/use-cases/export.csv')))).rows[0], HEADER_FR)
    assert.deepEqual(
      (await readTable(bytes(await operator.get('/api/v1/use-cases/export.csv?lang=en')))).rows[0],
      HEADER,
    )
  } finally {
    await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', operatorUser.id).execute()
  }
  assert.equal((await operator.get('/api/v1/use-cases/export.csv?lang=de')).status, 400)
})

test('a file exported in French or Dutch imports again with the suggested mapping', async () => {
  for (const lang of ['fr', 'nl']) {
    const exported = bytes(await operator.get(`/api/v1/use-cases/export.xlsx?q=Surveillance&lang=${lang}`))
    const preview = await operator.post('/api/v1/use-cases/import/preview', { file: b64(exported) })
    assert.deepEqual(preview.body.suggestedMapping, {
      title: 1,
      organisationName: 2,
      domain: 4,
      confidentiality: 6,
      trlMin: 7,
      trlMax: 8,
      tags: 12,
    })
    const res = await operator.post('/api/v1/use-cases/import', {
      file: b64(exported),
      mapping: preview.body.suggestedMapping,
      mode: 'all_or_nothing',
    })
    assert.equal(res.body.written, true, `${lang}: ${JSON.stringify(res.body.rows)}`)
  }
})

test('a tag name found in two taxonomies is refused as ambiguous, saying how to write it; taxonomy:term is accepted', async () => {
  const csv = [
    'Title,Organisation,Tags',
    'Grid outage drill,Ville de Démoville,Energy',
    'Hospital power backup,Ville de Démoville,"nis:Energy; jrc:Health; enisa:Phishing attacks"',
    'Substation watch,Ville de Démoville,"NIS-SECTORS:energy; enisa-threats:Energy"',
  ].join('\r\n')
  const mapping = { title: 0, organisationName: 1, tags: 2 }
  const res = await operator.post('/api/v1/use-cases/import', { file: b64(csv), mapping, mode: 'valid_rows' })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.deepEqual([res.body.valid, res.body.invalid], [1, 2])
  const [ambiguous, good, unknown] = res.body.rows as {
    ok: boolean
    errors: { field: string; code: string; value?: string; candidates?: string[]; message?: string }[]
    created: { id: string } | null
  }[]
  assert.deepEqual(ambiguous!.errors, [
    {
      field: 'tags',
      code: 'ambiguous_tag',
      value: 'Energy',
      candidates: ['jrc:Energy', 'nis:Energy'],
      message:
        'Several tags are called "Energy": write it with its taxonomy as taxonomy:term, e.g. jrc:Energy or nis:Energy.',
    },
  ])
  assert.deepEqual(unknown!.errors, [{ field: 'tags', code: 'unknown_tag', value: 'enisa-threats:Energy' }])
  const created = await operator.get(`/api/v1/use-cases/${good!.created!.id}`)
  assert.deepEqual(
    created.body.tags.map((x: { taxonomyId: string; code: string }) => `${x.taxonomyId}/${x.code}`).sort(),
    [
      'enisa-threats/nefarious-activity-abuse:phishing-attacks',
      'jrc-cybersecurity/S09',
      'nis-sectors/eu-nis-oes:energy',
    ],
  )
  // Exported, an ambiguous name is written with its taxonomy, so the file imports back to the same terms.
  const exported = await operator.get(`/api/v1/use-cases/export.csv?q=${encodeURIComponent('Hospital power')}`)
  const rows = (await readTable(bytes(exported))).rows
  assert.deepEqual(rows[1]![12]!.split('; ').sort(), ['Phishing attacks', 'jrc:Health', 'nis:Energy'])
  const again = await operator.post('/api/v1/use-cases/import', {
    file: b64(bytes(exported)),
    mapping: { title: 1, organisationName: 2, tags: 12 },
    mode: 'all_or_nothing',
  })
  assert.equal(again.body.written, true, JSON.stringify(again.body.rows))
  const copy = await operator.get(`/api/v1/use-cases/${again.body.rows[0].created.id}`)
  assert.deepEqual(
    copy.body.tags.map((x: { id: string }) => x.id).sort(),
    created.body.tags.map((x: { id: string }) => x.id).sort(),
  )
})
