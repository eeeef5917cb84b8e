/**
 * The applicant profile: figures and relations with the SME status recomputed on every change,
 * validation with field errors, description language and search vector, logo upload (type read from
 * the bytes, size limit, old logo replaced) and the logo served only through the disclosure rule.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { termId } from '../../server/seed/taxonomies/index.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const team = await createTeam(t.db, t.programmeId, { legalName: 'Quillfeather Optics SRL', country: 'RO' })
const owner = await signedIn(t, team.owner)
const member = await signedIn(t, team.member)
const url = `/api/v1/organisations/${team.org.id}/applicant-profile`
const M = 100_000_000 // €1 M in cents

// A 1×1 PNG, a PDF, and a JPEG header: enough for the type to be read from the bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

const tag = termId(
  'nis-sectors',
  (
    await t.db
      .selectFrom('taxonomy_terms')
      .select('code')
      .where('taxonomy_id', '=', 'nis-sectors')
      .orderBy('position')
      .executeTakeFirstOrThrow()
  ).code,
)

function profile(overrides: Record<string, unknown> = {}) {
  return {
    headcount: 32.5,
    annualTurnoverCents: 8 * M,
    balanceSheetCents: 12 * M,
    financialYear: 2024,
    foundedYear: 2011,
    region: 'Cluj',
    publicBodyControl: false,
    visibility: 'public',
    description: 'Thermal imaging for perimeter protection of critical sites, with on-device analytics.',
    descriptionLanguage: 'auto',
    tagIds: [tag],
    ...overrides,
  }
}

test('a new organisation has no SME status yet: the missing figures are listed', async () => {
  const res = await owner.get(url)
  assert.equal(res.status, 200)
  assert.equal(res.body.sme.status, null)
  assert.deepEqual(res.body.sme.explanation.missing, ['headcount', 'annualTurnover', 'balanceSheet'])
  assert.equal(res.body.visibility, 'public')
  assert.match(res.body.publicRef, /^ORG-[0-9A-F]{8}$/)
  assert.equal(res.body.abilities.update.allowed, true)
})

test('saving the figures computes the status (small) with its reasoning, audited', async () => {
  const res = await owner.request('PUT', url, profile())
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.sme.status, 'small')
  assert.equal(res.body.headcount, 32.5)
  assert.equal(res.body.annualTurnoverCents, 8 * M)
  assert.deepEqual(
    res.body.tags.map((x: { id: string }) => x.id),
    [tag],
  )
  const e = res.body.sme.explanation
  assert.equal(e.decidedBy, 'thresholds')
  assert.deepEqual(
    e.tests.map((x: { class: string; passed: boolean }) => [x.class, x.passed]),
    [
      ['micro', false],
      ['small', true],
      ['medium', true],
    ],
  )
  assert.ok(res.body.sme.checkedAt)
  const events = await auditEvents(t.db, 'organisation.profile_updated', team.org.id)
  assert.equal(events.length, 1)
  assert.equal((events[0]!.change as { smeStatus: string }).smeStatus, 'small')
  // The organisation's own view carries the status too.
  const org = await owner.get(`/api/v1/organisations/${team.org.id}`)
  assert.equal(org.body.smeStatus, 'small')
})

test('members read the profile but only owners and admins change it', async () => {
  assert.equal((await member.get(url)).status, 200)
  const refused = await member.request('PUT', url, profile())
  assert.equal(refused.status, 403)
  const admin = await signedIn(t, team.admin)
  assert.equal((await admin.request('PUT', url, profile())).status, 200)
  const outsider = await signedIn(t, await createUser(t.db, t.programmeId))
  assert.equal((await outsider.get(url)).status, 403)
  assert.equal((await outsider.request('PUT', url, profile())).status, 403)
})

test('bad figures are refused field by field', async () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ headcount: 3.333 }, 'headcount', 'two_decimals'],
    [{ headcount: -1 }, 'headcount', 'too_small'],
    [{ annualTurnoverCents: 10.5 }, 'annualTurnoverCents', 'whole_cents'],
    [{ visibility: 'secret' }, 'visibility', 'invalid_value'],
    [{ foundedYear: 2999 }, 'foundedYear', 'too_big'],
    [{ tagIds: ['00000000-0000-4000-8000-000000000000'] }, 'tagIds', 'unknown_term'],
  ]
  for (const [patch, path, code] of cases) {
    const res = await owner.request('PUT', url, profile(patch))
    assert.equal(res.status, 400, JSON.stringify(patch))
    const fe = res.body.errors.find((e: { path: string }) => e.path.startsWith(path))
    assert.ok(fe, `${path} in ${JSON.stringify(res.body.errors)}`)
    assert.ok(fe.code === code || fe.message === code, `${path}: ${JSON.stringify(fe)}`)
  }
  const year = new Date().getUTCFullYear()
  const future = await owner.request('PUT', url, profile({ foundedYear: year + 1, financialYear: null }))
  assert.equal(future.status, 400)
  assert.deepEqual(
    future.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['foundedYear', 'future_year']],
  )
  const before = await owner.request('PUT', url, profile({ foundedYear: 2020, financialYear: 2019 }))
  assert.deepEqual(
    before.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['financialYear', 'before_founding']],
  )
  // Nothing of the refused requests was stored.
  assert.equal((await owner.get(url)).body.foundedYear, 2011)
})

test('relations: a partner pushes the enterprise to medium, a list replace recomputes every time', async () => {
  const relationsUrl = `/api/v1/organisations/${team.org.id}/relations`
  const partner = {
    relation: 'partner',
    name: 'Holding Norte SA',
    country: 'PT',
    sharePercent: 40,
    headcount: 60,
    annualTurnoverCents: 20 * M,
    balanceSheetCents: 20 * M,
  }
  // 32.5 + 40 % × 60 = 56.5 AWU: not small any more.
  const res = await owner.request('PUT', relationsUrl, { items: [partner] })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.sme.status, 'medium')
  assert.equal(res.body.sme.explanation.aggregated.headcount, 56.5)
  assert.deepEqual(res.body.sme.explanation.relations[0].contribution, {
    headcount: 24,
    annualTurnoverCents: 8 * M,
    balanceSheetCents: 8 * M,
  })
  assert.equal(res.body.relations[0].name, 'Holding Norte SA')
  // The explanation carries no name of a related enterprise.
  assert.ok(!JSON.stringify(res.body.sme.explanation).includes('Holding Norte'))

  const below = await owner.request('PUT', relationsUrl, { items: [{ ...partner, sharePercent: 24.99 }] })
  assert.equal(below.body.sme.status, 'small')
  assert.equal(below.body.sme.explanation.relations[0].counted, 'ignored')

  const bad = await owner.request('PUT', relationsUrl, {
    items: [{ ...partner, sharePercent: 120, country: 'XX', name: '' }],
  })
  assert.equal(bad.status, 400)
  const paths = bad.body.errors.map((e: { path: string }) => e.path).sort()
  assert.deepEqual(paths, ['items.0.country', 'items.0.name', 'items.0.sharePercent'])

  const cleared = await owner.request('PUT', relationsUrl, { items: [] })
  assert.equal(cleared.body.sme.status, 'small')
  assert.deepEqual(cleared.body.relations, [])
  assert.equal((await auditEvents(t.db, 'organisation.relations_replaced', team.org.id)).length, 3)
  assert.equal((await member.request('PUT', relationsUrl, { items: [] })).status, 403)
})

test('public-body control makes it not an SME; missing figures make the status unknown again', async () => {
  const res = await owner.request('PUT', url, profile({ publicBodyControl: true }))
  assert.equal(res.body.sme.status, 'not_sme')
  assert.equal(res.body.sme.explanation.decidedBy, 'public_body')
  const missing = await owner.request('PUT', url, profile({ balanceSheetCents: null, annualTurnoverCents: null }))
  assert.equal(missing.body.sme.status, null)
  assert.deepEqual(missing.body.sme.explanation.missing, ['annualTurnover', 'balanceSheet'])
  const stored = await t.db
    .selectFrom('organisations')
    .select('sme_status')
    .where('id', '=', team.org.id)
    .executeTakeFirstOrThrow()
  assert.equal(stored.sme_status, null)
  assert.equal((await owner.request('PUT', url, profile())).body.sme.status, 'small')
})

test('the description language is detected or declared, and the search vector uses it', async () => {
  const fr = await owner.request(
    'PUT',
    url,
    profile({
      description:
        'Nous concevons des caméras thermiques pour la protection des sites sensibles et des infrastructures critiques.',
    }),
  )
  assert.equal(fr.body.language, 'fr')
  assert.equal(fr.body.languageDeclared, false)
  // A French query with other inflections finds it through the French configuration.
  const hit = await sql<{ n: string }>`select count(*) as n from organisations
    where id = ${team.org.id} and search_vector @@ websearch_to_tsquery('french', 'caméra thermique')`.execute(t.db)
  assert.equal(Number(hit.rows[0]!.n), 1)
  // The name is not in the vector: a search for it finds nothing.
  const byName = await sql<{ n: string }>`select count(*) as n from organisations
    where id = ${team.org.id} and search_vector @@ websearch_to_tsquery('simple', 'Quillfeather')`.execute(t.db)
  assert.equal(Number(byName.rows[0]!.n), 0)
  const declared = await owner.request('PUT', url, profile({ descriptionLanguage: 'nl' }))
  assert.equal(declared.body.language, 'nl')
  assert.equal(declared.body.languageDeclared, true)
  await owner.request('PUT', url, profile())
})

test('logo: type read from the bytes, size limited, replaced, served only through the disclosure rule', async () => {
  const logoUrl = `/api/v1/organisations/${team.org.id}/applicant-profile/logo`
  const pdfAsPng = await owner.request('PUT', logoUrl, { filename: 'logo.png', data: PDF.toString('base64') })
  assert.equal(pdfAsPng.status, 400)
  assert.deepEqual(
    pdfAsPng.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['logo', 'file_type']],
  )
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
  assert.equal(
    (await owner.request('PUT', logoUrl, { filename: 'logo.svg', data: svg.toString('base64') })).body.errors[0].code,
    'file_type',
  )
  const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)])
  const tooBig = await owner.request('PUT', logoUrl, { filename: 'big.png', data: big.toString('base64') })
  assert.equal(tooBig.status, 400)
  assert.equal(tooBig.body.errors[0].path, 'logo')
  assert.equal(tooBig.body.errors[0].code, 'file_too_large')
  assert.equal((await member.request('PUT', logoUrl, { filename: 'a.png', data: PNG.toString('base64') })).status, 403)

  const first = await owner.request('PUT', logoUrl, {
    filename: 'C:\\fakepath\\quill logo.PNG',
    data: PNG.toString('base64'),
  })
  assert.equal(first.status, 200, JSON.stringify(first.body))
  assert.equal(first.body.logo.contentType, 'image/png')
  assert.equal(first.body.logo.filename, 'quill logo.png')
  const served = await t.client().get(first.body.logo.url)
  assert.equal(served.status, 200)
  assert.equal(served.headers['content-type'], 'image/png')
  assert.equal(served.headers['x-content-type-options'], 'nosniff')
  assert.deepEqual(served.raw.rawPayload, PNG)
  // By id as well as by public reference.
  assert.equal((await t.client().get(`/api/v1/organisations/${team.org.id}/logo`)).status, 200)

  const jpegHeader = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
  ])
  const second = await owner.request('PUT', logoUrl, { filename: 'logo.jpg', data: jpegHeader.toString('base64') })
  assert.equal(second.status, 200, JSON.stringify(second.body))
  assert.equal(second.body.logo.contentType, 'image/jpeg')
  const files = await t.db.selectFrom('files').select('id').where('organisation_id', '=', team.org.id).execute()
  assert.equal(files.length, 1, 'the old logo is deleted')
  assert.equal((await auditEvents(t.db, 'organisation.logo_changed', team.org.id)).length, 2)

  // Anonymous profile: the logo is a 404 for outsiders, exactly like no logo; members still get it.
  await owner.request('PUT', url, profile({ visibility: 'anonymous' }))
  const ref = second.body.publicRef
  for (const path of [`/api/v1/organisations/${ref}/logo`, `/api/v1/organisations/${team.org.id}/logo`]) {
    const hidden = await t.client().get(path)
    assert.equal(hidden.status, 404)
    assert.equal(hidden.body.code, 'not_found')
    assert.equal((await member.get(path)).status, 200)
  }
  await owner.request('PUT', url, profile())

  const removed = await owner.delete(logoUrl)
  assert.equal(removed.status, 204)
  const none = await t.client().get(`/api/v1/organisations/${ref}/logo`)
  assert.equal(none.status, 404)
  assert.equal(none.body.code, 'not_found')
  assert.equal((await owner.get(url)).body.logo, null)
  assert.equal(
    (await t.db.selectFrom('files').select('id').where('organisation_id', '=', team.org.id).execute()).length,
    0,
  )
})

test('the public profile shows the identity only when the disclosure rule allows', async () => {
  const ref = (await owner.get(url)).body.publicRef
  const open = await t.client().get(`/api/v1/profiles/${ref}`)
  assert.equal(open.status, 200)
  assert.equal(open.body.identity.name, 'Quillfeather Optics SRL')
  assert.equal(open.body.smeStatus, 'small')

  await owner.request('PUT', url, profile({ visibility: 'members' }))
  assert.equal((await t.client().get(`/api/v1/profiles/${ref}`)).status, 404, 'members-only: not listed for the public')
  const otherMember = await signedIn(t, (await createTeam(t.db, t.programmeId)).member)
  assert.equal((await otherMember.get(`/api/v1/profiles/${ref}`)).body.identity.name, 'Quillfeather Optics SRL')

  await owner.request('PUT', url, profile({ visibility: 'anonymous' }))
  const anon = await otherMember.get(`/api/v1/profiles/${ref}`)
  assert.equal(anon.status, 200)
  assert.equal(anon.body.identity, null)
  assert.deepEqual(Object.keys(anon.body).sort(), [
    'country',
    'description',
    'identity',
    'language',
    'publicRef',
    'smeStatus',
    'solutionCount',
    'tags',
    'type',
  ])
  assert.equal((await member.get(`/api/v1/profiles/${ref}`)).body.identity.name, 'Quillfeather Optics SRL')
  assert.equal((await t.client().get('/api/v1/profiles/ORG-00000000')).status, 404)
})
