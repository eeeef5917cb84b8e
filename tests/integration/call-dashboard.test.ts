/**
 * The operator dashboard of a call: exact statistics on a small fixture (submitted applications only,
 * lead and accepted partners only), the applications table (search, filters, sort, paging), the XLSX
 * export read back with exceljs (two sheets, rows, accents, translated headers) and the CSV.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { FixedClock } from '../../server/platform/clock.ts'
import type { Json } from '../factories/applications.ts'
import { signedIn } from '../factories/organisations.ts'
import { CLOSES_AT, createScreeningCall, resubmit, standardFixture } from '../factories/screening.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res } from '../support/app.ts'

const clock = new FixedClock(new Date(CLOSES_AT.getTime() + 3_600_000))
const t = await createTestApp({ clock })
const f = await standardFixture(t.db, t.programmeId, 'DASH-1')
const empty = await createScreeningCall(t.db, t.programmeId, 'DASH-0', [])
const operatorUser = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const operator = await signedIn(t, operatorUser)
const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
const expert = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'expert' }))
const applicant = await signedIn(t, f.o.societe.member)
await operator.post(`/api/v1/calls/${f.call.id}/screen`)

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

const domainName = async (code: string) =>
  (await t.db.selectFrom('domains').select('name').where('code', '=', code).executeTakeFirstOrThrow()).name
const challengeTitle = async (code: string) =>
  (await t.db.selectFrom('challenges').select('title').where('code', '=', code).executeTakeFirstOrThrow()).title

test('the dashboard counts submitted applications with their lead and accepted partners, exactly', async () => {
  const d = ok(await operator.get(`/api/v1/calls/${f.call.id}/dashboard`))
  assert.deepEqual(d, {
    callId: f.call.id,
    submitted: 4,
    drafts: 1,
    withdrawn: 1,
    organisations: 9,
    smes: 7,
    countries: 7,
    crossBorderShare: 0.75,
    averageSmesPerApplication: 1.75,
    requestedCents: 31_000_000,
    budgetTotalCents: 50_000_000,
    overTime: [
      { date: '2026-03-10', submitted: 1, cumulative: 1 },
      { date: '2026-03-11', submitted: 0, cumulative: 1 },
      // CHARLIE at 00:30 Brussels time on the 12th (23:30 UTC on the 11th), BRAVO's first revision.
      { date: '2026-03-12', submitted: 2, cumulative: 3 },
      { date: '2026-03-13', submitted: 0, cumulative: 3 },
      { date: '2026-03-14', submitted: 1, cumulative: 4 },
    ],
    byCountry: [
      { key: 'FR', label: null, count: 3 },
      { key: 'BE', label: null, count: 1 },
      { key: 'HU', label: null, count: 1 },
      { key: 'LT', label: null, count: 1 },
      { key: 'NO', label: null, count: 1 },
      { key: 'PL', label: null, count: 1 },
      { key: 'US', label: null, count: 1 },
    ],
    byDomain: [
      { key: 'D1', label: await domainName('D1'), count: 2 },
      { key: 'D2', label: await domainName('D2'), count: 1 },
      { key: 'D3', label: await domainName('D3'), count: 0 },
      { key: 'none', label: null, count: 1 },
    ],
    byChallenge: [
      { key: 'D1-C1', label: { en: await challengeTitle('D1-C1') }, count: 1 },
      { key: 'D1-C2', label: { en: await challengeTitle('D1-C2') }, count: 1 },
      { key: 'D2-C1', label: { en: await challengeTitle('D2-C1') }, count: 1 },
      { key: 'D3-C1', label: { en: await challengeTitle('D3-C1') }, count: 0 },
      { key: 'none', label: null, count: 1 },
    ],
    smesPerApplication: [
      { smes: 1, count: 1 },
      { smes: 2, count: 3 },
    ],
    admissibility: { pending: 4, admissible: 0, inadmissible: 0 },
  })
  // A call without applications answers zeros, not errors.
  const zero = ok(await staff.get(`/api/v1/calls/${empty.id}/dashboard`))
  assert.equal(zero.submitted, 0)
  assert.equal(zero.crossBorderShare, 0)
  assert.deepEqual(zero.overTime, [])
  assert.deepEqual(zero.byChallenge, [])
})

test('only programme staff see the dashboard, the list and the export', async () => {
  for (const path of ['dashboard', 'applications', 'applications/export?format=csv']) {
    assert.equal((await applicant.get(`/api/v1/calls/${f.call.id}/${path}`)).status, 403, path)
    assert.equal((await expert.get(`/api/v1/calls/${f.call.id}/${path}`)).status, 403, path)
    assert.equal((await t.client().get(`/api/v1/calls/${f.call.id}/${path}`)).status, 401, path)
  }
  const missing = await operator.get('/api/v1/calls/00000000-0000-4000-8000-000000000000/dashboard')
  assert.equal(missing.status, 404)
  assert.equal(missing.body.code, 'call_not_found')
})

test('the applications table: every status, search, filters, sort and paging', async () => {
  const all = ok(await operator.get(`/api/v1/calls/${f.call.id}/applications`))
  assert.equal(all.total, 6)
  assert.deepEqual(
    all.items.map((r: { acronym: string }) => r.acronym),
    ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT'],
  )
  const b = all.items[1]
  assert.equal(b.reference, f.b.reference)
  assert.equal(b.status, 'submitted')
  assert.equal(b.leadOrganisation, 'Lyon Sentinelle SAS')
  assert.equal(b.partnerCount, 2)
  assert.deepEqual(b.countries, ['FR'])
  assert.equal(b.smeCount, 2)
  assert.equal(b.requestedCents, 10_000_000)
  assert.deepEqual(b.failedRules, ['budget_per_project', 'budget_per_third_party', 'minimum_countries'])
  assert.equal(b.call.phase, 'closed')
  assert.equal(b.submittedAt, '2026-03-13T15:00:00.000Z')
  const c = all.items[2]
  assert.equal(c.partnerCount, 3, 'the declined partner is not counted')
  assert.deepEqual(c.countries, ['BE', 'NO', 'US'])
  const a = all.items[0]
  assert.equal(a.partnerCount, 2, 'the invited partner is not counted')
  assert.equal(a.requestedCents, 8_000_000)
  assert.deepEqual(a.failedRules, [])

  const ids = (res: { items: { acronym: string }[] }) => res.items.map((r) => r.acronym)
  const base = `/api/v1/calls/${f.call.id}/applications`
  assert.deepEqual(ids(ok(await staff.get(`${base}?status=submitted&sort=-requested`))), [
    'BRAVO',
    'ALPHA',
    'DELTA',
    'CHARLIE',
  ])
  assert.deepEqual(ids(ok(await operator.get(`${base}?country=FR`))), ['ALPHA', 'BRAVO', 'ECHO'])
  assert.deepEqual(ids(ok(await operator.get(`${base}?q=${encodeURIComponent('kraków')}`))), ['DELTA'])
  assert.deepEqual(ids(ok(await operator.get(`${base}?q=50%25`))), [], '% is a letter, not a wildcard')
  const d1c1 = await t.db.selectFrom('challenges').select('id').where('code', '=', 'D1-C1').executeTakeFirstOrThrow()
  assert.deepEqual(ids(ok(await operator.get(`${base}?challengeId=${d1c1.id}`))), ['ALPHA', 'ECHO', 'FOXTROT'])
  assert.deepEqual(ids(ok(await operator.get(`${base}?status=draft`))), ['ECHO'])
  const page2 = ok(await operator.get(`${base}?pageSize=4&page=2&sort=-submittedAt`))
  assert.equal(page2.total, 6)
  assert.equal(page2.items.length, 2)
  assert.deepEqual(ids(page2), ['FOXTROT', 'ECHO'], 'no submission date sorts last')
  await operator.post(`/api/v1/applications/${f.c.id}/admissibility`, {
    decision: 'inadmissible',
    reason: 'A partner from outside the eligible countries.',
  })
  assert.deepEqual(ids(ok(await operator.get(`${base}?admissibility=inadmissible`))), ['CHARLIE'])
  const after = ok(await operator.get(`/api/v1/calls/${f.call.id}/dashboard`))
  assert.deepEqual(after.admissibility, { pending: 3, admissible: 0, inadmissible: 1 })
  assert.equal((await operator.get(`${base}?country=XX`)).status, 400)
})

async function workbook(res: Res) {
  assert.equal(res.status, 200, res.raw.body)
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
  return wb
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1)

test('the XLSX export: a sheet of applications and a sheet of partners, accents intact', async () => {
  const wb = await workbook(await operator.get(`/api/v1/calls/${f.call.id}/applications/export?format=xlsx&lang=en`))
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Applications', 'Partners'],
  )
  const apps = wb.getWorksheet('Applications')!
  const partners = wb.getWorksheet('Partners')!
  assert.equal(apps.rowCount, 1 + 6)
  // ALPHA 2, BRAVO 2, CHARLIE 3, DELTA 2, ECHO 2, FOXTROT 2 (invited and declined left out).
  assert.equal(partners.rowCount, 1 + 13)
  const headers = rowValues(apps, 1)
  assert.equal(headers[0], 'Reference')
  assert.ok(headers.includes('Requested (EUR)'), JSON.stringify(headers))
  const bravo = rowValues(apps, 3)
  assert.equal(bravo[0], f.b.reference)
  assert.equal(bravo[1], 'BRAVO')
  assert.equal(bravo[3], 'Submitted')
  assert.ok(bravo[4] instanceof Date)
  assert.equal((bravo[4] as Date).toISOString(), '2026-03-13T15:00:00.000Z')
  assert.equal(bravo[headers.indexOf('Requested (EUR)')], 100_000)
  assert.equal(apps.getRow(3).getCell(headers.indexOf('Requested (EUR)') + 1).numFmt, '#,##0.00')
  assert.equal(apps.getRow(1).font?.bold, true)
  assert.equal(apps.views[0]?.state, 'frozen')
  assert.equal((apps.views[0] as { ySplit?: number }).ySplit, 1)
  assert.equal(bravo[headers.indexOf('Failed rules')], 'Budget per project; Budget per third party; Minimum countries')
  const names = partners.getColumn(5).values.slice(2)
  for (const n of ['Société Générale de Sécurité', 'Ősz Biztonság Kft.', 'Kraków Heavy Industries SA'])
    assert.ok(names.includes(n), `${n} in ${JSON.stringify(names)}`)
  const lead = rowValues(partners, 2)
  assert.deepEqual(lead.slice(0, 6), [f.a.reference, 'ALPHA', 0, 'Lead', 'Société Générale de Sécurité', 'FR'])

  // In French: headers and sheet names translated, the same rows; the filters apply.
  const fr = await workbook(
    await operator.get(`/api/v1/calls/${f.call.id}/applications/export?format=xlsx&lang=fr&status=submitted`),
  )
  assert.deepEqual(
    fr.worksheets.map((w) => w.name),
    ['Candidatures', 'Partenaires'],
  )
  assert.equal(fr.worksheets[0]!.rowCount, 1 + 4)
  assert.equal(fr.worksheets[1]!.rowCount, 1 + 9)
  assert.equal(rowValues(fr.worksheets[0]!, 1)[0], 'Référence')
})

test('the CSV export: the applications, UTF-8 with a byte-order mark, in the requester’s language', async () => {
  await t.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', operatorUser.id).execute()
  const res = await operator.get(`/api/v1/calls/${f.call.id}/applications/export?format=csv`)
  assert.equal(res.status, 200)
  assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8')
  assert.match(String(res.headers['content-disposition']), /applications-DASH-1-2026-03-14\.csv/)
  const text = res.raw.rawPayload.toString('utf8')
  assert.ok(text.startsWith('\uFEFF'))
  const lines = text.slice(1).trimEnd().split('\r\n')
  assert.equal(lines.length, 1 + 6)
  assert.match(lines[0]!, /^Referentie,/)
  assert.ok(lines.some((l) => l.includes('Société Générale de Sécurité')))
})

/** The list's consortium figures of every application, and the export's sheet of partners. */
async function consortiumViews() {
  const list = ok(await operator.get(`/api/v1/calls/${f.call.id}/applications?pageSize=100&sort=reference`))
  const rows = list.items.map((r: Json) => ({
    reference: r.reference,
    challengeId: r.challengeId,
    acronym: r.acronym,
    title: r.title,
    partnerCount: r.partnerCount,
    countries: r.countries,
    smeCount: r.smeCount,
    requestedCents: r.requestedCents,
  }))
  const res = await operator.get(`/api/v1/calls/${f.call.id}/applications/export?format=xlsx&lang=en`)
  assert.equal(res.status, 200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
  const partners: unknown[][] = []
  book.worksheets[1]!.eachRow((row) => partners.push((row.values as unknown[]).slice(1)))
  return { rows, partners }
}

test('the dashboard reads the submitted revisions: edits of the working copy afterwards change nothing', async () => {
  const before = ok(await operator.get(`/api/v1/calls/${f.call.id}/dashboard`))
  const viewsBefore = await consortiumViews()
  const deltaBefore = viewsBefore.rows.find((r: Json) => r.reference === f.d.reference)
  assert.equal(deltaBefore.partnerCount, 2)
  // DELTA's working copy after its submission: another challenge, a bigger budget line, a new partner
  // from Germany; Kraków's profile now says it is an SME.
  const d3c1 = await t.db.selectFrom('challenges').select('id').where('code', '=', 'D3-C1').executeTakeFirstOrThrow()
  await t.db
    .updateTable('applications')
    .set({ challenge_id: d3c1.id, acronym: 'RENAMED', title: 'A working title after submission' })
    .where('id', '=', f.d.id)
    .execute()
  const lead = await t.db
    .selectFrom('application_partners')
    .select('part')
    .where('id', '=', f.d.partnerIds[0]!)
    .executeTakeFirstOrThrow()
  const part = typeof lead.part === 'string' ? JSON.parse(lead.part) : lead.part
  await t.db
    .updateTable('application_partners')
    .set({ part: JSON.stringify({ ...part, budget: { ...part.budget, requestedCents: 9_000_000 } }) })
    .where('id', '=', f.d.partnerIds[0]!)
    .execute()
  await t.db
    .insertInto('application_partners')
    .values({
      application_id: f.d.id,
      organisation_id: f.o.draft.id,
      role: 'partner',
      status: 'accepted',
      part: JSON.stringify({ budget: { requestedCents: 1_000_000 }, smeDeclaration: { category: 'small' } }),
      position: 5,
    })
    .execute()
  await t.db.updateTable('organisations').set({ sme_status: 'small' }).where('id', '=', f.o.krakow.id).execute()
  const edited = ok(await operator.get(`/api/v1/calls/${f.call.id}/dashboard`))
  assert.deepEqual(edited, before)
  // The application list and its export too: the consortium, challenge, acronym and title as submitted,
  // not the working copy; so do the challenge filter and the search.
  assert.deepEqual(await consortiumViews(), viewsBefore)
  const refs = async (query: string) =>
    ok(await operator.get(`/api/v1/calls/${f.call.id}/applications?pageSize=100&${query}`)).items.map(
      (r: Json) => r.reference,
    )
  // DELTA was submitted without a challenge; its working copy now names D3-C1.
  assert.equal(deltaBefore.challengeId, null)
  assert.ok(!(await refs(`challengeId=${d3c1.id}`)).includes(f.d.reference))
  assert.ok((await refs(`q=${encodeURIComponent(deltaBefore.acronym)}`)).includes(f.d.reference))
  assert.deepEqual(await refs('q=RENAMED'), [])

  // A resubmission is what moves the figures: DELTA's new revision asks 10,000 EUR more for its lead.
  await resubmit(t.db, f.d, new Date('2026-03-14T15:59:59Z'), (p, role) =>
    role === 'lead' ? { ...p, budget: { ...p.budget, requestedCents: p.budget.requestedCents + 1_000_000 } } : p,
  )
  const resubmitted = ok(await operator.get(`/api/v1/calls/${f.call.id}/dashboard`))
  assert.equal(resubmitted.requestedCents, before.requestedCents + 1_000_000)
  const deltaAfter = (await consortiumViews()).rows.find((r: Json) => r.reference === f.d.reference)
  assert.deepEqual(deltaAfter, { ...deltaBefore, requestedCents: deltaBefore.requestedCents + 1_000_000 })
  assert.deepEqual({ ...resubmitted, requestedCents: before.requestedCents }, before)
})
