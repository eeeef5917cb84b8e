/**
 * Solutions: CRUD by members of the owning organisation, revisions and stale-write protection, media
 * whose type is read from the bytes, and the visibility and disclosure rules through every route.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seedId } from '../../server/seed/ids.ts'
import { termId } from '../../server/seed/taxonomies/index.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { answersUpTo, b64, insertSolution, pdfBytes, pngBytes, solutionBody } from '../factories/solutions.ts'
import { domainId } from '../factories/use-cases.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res } from '../support/app.ts'

const t = await createTestApp()
const acme = await createTeam(t.db, t.programmeId, {
  type: 'sme',
  legalName: 'Quokkavision Sensors SARL',
  country: 'FR',
})
const other = await createTeam(t.db, t.programmeId, { type: 'sme', legalName: 'Other Ltd', country: 'IE' })
const owner = await signedIn(t, acme.owner)
const member = await signedIn(t, acme.member)
const outsider = await signedIn(t, other.owner)
const staff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' }),
)
const expert = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'expert' }))
const plain = await signedIn(t, await createUser(t.db, t.programmeId))
const anonymous = t.client()

const challenge = (code: string) =>
  t.db.selectFrom('challenges').select(['id', 'trl_min', 'trl_max']).where('code', '=', code).executeTakeFirstOrThrow()
const d1c2 = await challenge('D1-C2')
const draftChallenge = await t.db
  .insertInto('challenges')
  .values({
    programme_id: t.programmeId,
    domain_id: domainId('D1'),
    code: 'D1-C99',
    slug: 'unpublished-draft-challenge',
    status: 'draft',
    title: 'Unpublished',
    summary: 'Not yet',
    content: JSON.stringify({}),
    trl_min: 4,
    trl_max: 6,
  })
  .returning('id')
  .executeTakeFirstOrThrow()

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

test('a member describes a solution: a draft, revision 1, language detected, links and tags checked', async () => {
  const body = solutionBody(acme.org.id, {
    domainIds: [domainId('D1')],
    challengeIds: [d1c2.id],
    tags: [termId('nis-sectors', 'eu-nis-oes:energy')],
  })
  const created = ok(await member.post('/api/v1/solutions', body), 201)
  assert.match(created.reference, /^SOL-\d{5,}$/)
  assert.equal(created.status, 'draft')
  assert.equal(created.revision, 1)
  assert.equal(created.language, 'en')
  assert.equal(created.languageDeclared, false)
  assert.equal(created.owner.disclosed, true)
  assert.equal(created.owner.name, acme.org.legalName)
  assert.deepEqual(
    created.domains.map((d: { code: string }) => d.code),
    ['D1'],
  )
  assert.equal(created.challenges[0].id, d1c2.id)
  assert.equal(created.revisions.length, 1)
  assert.equal(created.abilities.update.allowed, true)
  assert.equal(created.abilities.publish.allowed, true)
  assert.equal(created.trl.selfAssessed, null)
  assert.equal(created.trl.trlFit.fits, null)
  assert.deepEqual(created.trl.trlFit.window, { min: 5, max: 8 })
  const audit = await auditEvents(t.db, 'solution.created', created.id)
  assert.equal(audit.length, 1)
  assert.equal(audit[0]!.actor_id, acme.member.id)

  // The list of the organisation's solutions: its members and programme staff only.
  const list = ok(await owner.get(`/api/v1/organisations/${acme.org.id}/solutions?q=thermal`))
  assert.ok(list.items.some((s: { id: string }) => s.id === created.id))
  assert.equal(
    (await outsider.get(`/api/v1/organisations/${acme.org.id}/solutions`)).body.code,
    'organisation_not_found',
  )
  assert.equal((await staff.get(`/api/v1/organisations/${acme.org.id}/solutions`)).status, 200)
})

test('bad input is refused with field errors: long pitch, unknown or unpublished challenge, non-member', async () => {
  const long = await member.post('/api/v1/solutions', solutionBody(acme.org.id, { pitch: 'x'.repeat(161) }))
  assert.equal(long.status, 400)
  assert.ok(long.body.errors.some((e: { path: string }) => e.path === 'pitch'))
  const unpublished = await member.post(
    '/api/v1/solutions',
    solutionBody(acme.org.id, { challengeIds: [draftChallenge.id] }),
  )
  assert.equal(unpublished.status, 400)
  assert.deepEqual(unpublished.body.errors[0], {
    path: 'challengeIds',
    code: 'unknown_challenge',
    message: 'Choose published challenges of the programme.',
  })
  const badType = await member.post('/api/v1/solutions', solutionBody(acme.org.id, { type: 'gadget' }))
  assert.equal(badType.status, 400)
  const notMine = await outsider.post('/api/v1/solutions', solutionBody(acme.org.id))
  assert.equal(notMine.status, 403)
  assert.equal(notMine.body.reason, 'not_a_member')
  assert.equal((await anonymous.post('/api/v1/solutions', solutionBody(acme.org.id))).status, 401)
})

test('every save is a revision with a full snapshot; a stale save answers 409 and writes nothing', async () => {
  const s = ok(await member.post('/api/v1/solutions', solutionBody(acme.org.id, { name: 'Revision tester' })), 201)
  const saved = ok(await owner.patch(`/api/v1/solutions/${s.id}`, { expectedRevision: 1, name: 'Revision tester v2' }))
  assert.equal(saved.revision, 2)
  assert.deepEqual(
    saved.revisions.map((r: { revision: number }) => r.revision),
    [2, 1],
  )
  const first = ok(await member.get(`/api/v1/solutions/${s.id}/revisions/1`))
  assert.equal(first.snapshot.name, 'Revision tester')
  assert.equal(first.snapshot.status, 'draft')
  assert.equal(first.author.id, acme.member.id)

  // Another member had revision 1 open and saves over it: refused, with the current revision.
  const stale = await member.patch(`/api/v1/solutions/${s.id}`, { expectedRevision: 1, pitch: 'My lost pitch' })
  assert.equal(stale.status, 409)
  assert.equal(stale.body.code, 'solution_revision_conflict')
  // The message says which revision is current (problem+json carries code, detail and field errors).
  assert.match(stale.body.detail, /revision 2/)
  const now = ok(await member.get(`/api/v1/solutions/${s.id}`))
  assert.equal(now.revision, 2)
  assert.equal(now.name, 'Revision tester v2')
  assert.notEqual(now.pitch, 'My lost pitch')

  // A French text is detected as French; a declared language wins.
  const fr = ok(
    await member.patch(`/api/v1/solutions/${s.id}`, {
      expectedRevision: 2,
      pitch: 'Caméras thermiques qui distinguent les personnes des animaux le long des clôtures.',
      content: {
        description:
          'Une caméra thermique avec classification embarquée qui détecte les intrus le long des clôtures industrielles et envoie des alarmes localisées.',
        problem: 'Les clôtures des sites Seveso déclenchent beaucoup de fausses alarmes dues à la faune.',
        targetUsers: ['critical_infrastructure'],
        references: [],
      },
    }),
  )
  assert.equal(fr.language, 'fr')
  const found = ok(
    await member.get(`/api/v1/organisations/${acme.org.id}/solutions?q=${encodeURIComponent('clôture thermique')}`),
  )
  assert.ok(
    found.items.some((x: { id: string }) => x.id === s.id),
    'found through the French search vector',
  )
  const declared = ok(await member.patch(`/api/v1/solutions/${s.id}`, { expectedRevision: 3, language: 'nl' }))
  assert.equal(declared.language, 'nl')
  assert.equal(declared.languageDeclared, true)

  // Publish, archive (read-only), restore: each a revision, each audited.
  const published = ok(
    await member.post(`/api/v1/solutions/${s.id}/transitions`, { action: 'publish', expectedRevision: 4 }),
  )
  assert.equal(published.status, 'published')
  const archived = ok(
    await member.post(`/api/v1/solutions/${s.id}/transitions`, { action: 'archive', expectedRevision: 5 }),
  )
  assert.equal(archived.status, 'archived')
  assert.equal(archived.abilities.update.allowed, false)
  const readOnly = await member.patch(`/api/v1/solutions/${s.id}`, { expectedRevision: 6, name: 'No' })
  assert.equal(readOnly.status, 409)
  assert.equal(readOnly.body.reason, 'wrong_status')
  const refused = await member.post(`/api/v1/solutions/${s.id}/transitions`, { action: 'publish', expectedRevision: 6 })
  assert.equal(refused.body.code, 'solution_transition_refused')
  const restored = ok(
    await member.post(`/api/v1/solutions/${s.id}/transitions`, { action: 'restore', expectedRevision: 6 }),
  )
  assert.equal(restored.status, 'draft')
  assert.equal(restored.revision, 7)
  for (const action of ['solution.updated', 'solution.published', 'solution.archived', 'solution.restored'])
    assert.ok((await auditEvents(t.db, action, s.id)).length >= 1, action)
  const snapshots = await t.db
    .selectFrom('solution_revisions')
    .select('revision')
    .where('solution_id', '=', s.id)
    .execute()
  assert.equal(snapshots.length, 7)
})

test('media: images and PDF datasheets sniffed from their bytes, size-limited, ordered, captioned, deleted', async () => {
  const s = ok(await member.post('/api/v1/solutions', solutionBody(acme.org.id, { name: 'Media tester' })), 201)
  const url = `/api/v1/solutions/${s.id}/media`
  const img = ok(
    await member.post(url, {
      kind: 'image',
      filename: 'Quokkavision-front.png',
      data: b64(pngBytes()),
      caption: 'Front',
    }),
    201,
  )
  assert.equal(img.contentType, 'image/png')
  assert.equal(img.position, 0)
  const second = ok(await member.post(url, { kind: 'image', filename: 'side.png', data: b64(pngBytes(5, 5)) }), 201)
  assert.equal(second.position, 1)
  // A PDF claiming to be an image, text claiming to be a PDF, too large an image: refused per field.
  const pdfAsImage = await member.post(url, { kind: 'image', filename: 'x.png', data: b64(pdfBytes()) })
  assert.equal(pdfAsImage.status, 400)
  assert.deepEqual(
    pdfAsImage.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['data', 'file_type']],
  )
  const textAsPdf = await member.post(url, {
    kind: 'datasheet',
    filename: 'x.pdf',
    data: b64(Buffer.from('%not a pdf')),
  })
  assert.equal(textAsPdf.body.errors[0].code, 'file_type')
  const big = await member.post(url, {
    kind: 'image',
    filename: 'big.png',
    data: b64(pngBytes(4, 3, [1, 2, 3], 2 * 1024 * 1024 + 10)),
  })
  assert.equal(big.status, 400)
  assert.equal(big.body.errors[0].code, 'file_too_large')
  const sheet = ok(
    await member.post(url, { kind: 'datasheet', filename: 'Quokkavision datasheet.pdf', data: b64(pdfBytes()) }),
    201,
  )
  assert.equal(sheet.contentType, 'application/pdf')

  // Served with safe headers to a member (the owner is visible: the file keeps its name).
  const bytes = await member.get(img.url)
  assert.equal(bytes.status, 200)
  assert.equal(bytes.headers['content-type'], 'image/png')
  assert.equal(bytes.headers['x-content-type-options'], 'nosniff')
  assert.match(String(bytes.headers['content-security-policy']), /sandbox/)
  assert.equal(bytes.raw.rawPayload.subarray(1, 4).toString(), 'PNG')
  assert.match(String((await member.get(sheet.url)).headers['content-disposition']), /^attachment/)

  // Caption and order.
  const moved = ok(await member.patch(`${url}/${second.id}`, { position: 0, caption: 'Side view' }))
  assert.equal(moved.position, 0)
  assert.equal(moved.caption, 'Side view')
  const after = ok(await member.get(`/api/v1/solutions/${s.id}`))
  assert.deepEqual(
    after.media.filter((m: { kind: string }) => m.kind === 'image').map((m: { id: string }) => m.id),
    [second.id, img.id],
  )
  assert.equal((await outsider.post(url, { kind: 'image', filename: 'x.png', data: b64(pngBytes()) })).status, 404)
  assert.equal((await member.delete(`${url}/${img.id}`)).status, 204)
  assert.equal((await member.get(img.url)).body.code, 'solution_media_not_found')
  assert.equal((await auditEvents(t.db, 'solution.media_added', s.id)).length, 3)
  assert.equal((await auditEvents(t.db, 'solution.media_deleted', s.id)).length, 1)
})

test("another organisation's draft is invisible through every route", async () => {
  const draft = await insertSolution(t.db, {
    organisationId: acme.org.id,
    name: 'Jabberwockyzinc draft',
    status: 'draft',
  })
  const media = ok(
    await member.post(`/api/v1/solutions/${draft.id}/media`, {
      kind: 'image',
      filename: 'a.png',
      data: b64(pngBytes()),
    }),
    201,
  )
  const started = ok(await member.post(`/api/v1/solutions/${draft.id}/trl-assessments`), 201)
  const id = draft.id
  const routes: [string, string, Record<string, unknown>?][] = [
    ['GET', `/api/v1/solutions/${id}`],
    ['PATCH', `/api/v1/solutions/${id}`, { expectedRevision: 1, name: 'Hijacked' }],
    ['POST', `/api/v1/solutions/${id}/transitions`, { action: 'publish', expectedRevision: 1 }],
    ['GET', `/api/v1/solutions/${id}/revisions/1`],
    ['POST', `/api/v1/solutions/${id}/media`, { kind: 'image', filename: 'b.png', data: b64(pngBytes()) }],
    ['GET', media.url],
    ['PATCH', `/api/v1/solutions/${id}/media/${media.id}`, { caption: 'x' }],
    ['DELETE', `/api/v1/solutions/${id}/media/${media.id}`],
    ['GET', `/api/v1/solutions/${id}/trl-assessments`],
    ['POST', `/api/v1/solutions/${id}/trl-assessments`],
    ['GET', `/api/v1/solutions/${id}/trl-assessments/${started.id}`],
    ['PUT', `/api/v1/solutions/${id}/trl-assessments/${started.id}`, { answers: [] }],
    ['POST', `/api/v1/solutions/${id}/trl-assessments/${started.id}/complete`, {}],
  ]
  for (const [who, c] of [
    ['outsider', outsider],
    ['staff', staff],
    ['expert', expert],
    ['plain user', plain],
    ['anonymous', anonymous],
  ] as const) {
    for (const [method, url, body] of routes) {
      const res = await c.request(method, url, body)
      const expected = who === 'anonymous' && method !== 'GET' ? 401 : 404
      assert.equal(res.status, expected, `${who} ${method} ${url}: ${JSON.stringify(res.body)}`)
      assert.ok(!JSON.stringify(res.body ?? '').includes('Jabberwockyzinc'), `${who} ${method} ${url} leaks`)
    }
    const review = await c.post(`/api/v1/solutions/${id}/trl-assessments/${started.id}/reviews`, {
      decision: 'confirmed',
      reason: 'Looks right',
    })
    assert.ok([401, 403, 404].includes(review.status), `${who} review: ${review.status}`)
    assert.equal(
      (await c.get(`/api/v1/organisations/${acme.org.id}/solutions`)).status,
      who === 'staff' ? 200 : who === 'anonymous' ? 404 : 404,
    )
  }
  // Staff list the organisation's solutions (they broker contacts), but never its drafts.
  const staffList = ok(await staff.get(`/api/v1/organisations/${acme.org.id}/solutions`))
  assert.ok(!staffList.items.some((s: { id: string }) => s.id === id))
  assert.equal(ok(await member.get(`/api/v1/solutions/${id}`)).name, 'Jabberwockyzinc draft')
})

test('members-only solutions are hidden from anonymous callers and accounts without organisation', async () => {
  const s = await insertSolution(t.db, { organisationId: acme.org.id, name: 'Members only', visibility: 'members' })
  assert.equal((await anonymous.get(`/api/v1/solutions/${s.id}`)).status, 404)
  assert.equal((await plain.get(`/api/v1/solutions/${s.id}`)).status, 404)
  assert.equal((await outsider.get(`/api/v1/solutions/${s.id}`)).status, 200)
  assert.equal((await expert.get(`/api/v1/solutions/${s.id}`)).status, 200)
})

test('an anonymous solution never exposes its owner: not in JSON, file names, references or revisions', async () => {
  const s = ok(
    await member.post(
      '/api/v1/solutions',
      solutionBody(acme.org.id, { name: 'Hidden sensor', visibility: 'anonymous', status: 'published' }),
    ),
    201,
  )
  const img = ok(
    await member.post(`/api/v1/solutions/${s.id}/media`, {
      kind: 'image',
      filename: 'Quokkavision-logo.png',
      data: b64(pngBytes()),
    }),
    201,
  )
  const sheet = ok(
    await member.post(`/api/v1/solutions/${s.id}/media`, {
      kind: 'datasheet',
      filename: 'Quokkavision Sensors datasheet.pdf',
      data: b64(pdfBytes()),
    }),
    201,
  )
  const a = ok(await member.post(`/api/v1/solutions/${s.id}/trl-assessments`), 201)
  ok(
    await member.post(`/api/v1/solutions/${s.id}/trl-assessments/${a.id}/complete`, {
      answers: answersUpTo('hardware', 5),
      confidence: 4,
    }),
  )
  const publicRef = (
    await t.db.selectFrom('organisations').select('public_ref').where('id', '=', acme.org.id).executeTakeFirstOrThrow()
  ).public_ref
  for (const [who, c] of [
    ['anonymous', anonymous],
    ['outsider', outsider],
    ['plain user', plain],
    ['expert', expert],
  ] as const) {
    const res = ok(await c.get(`/api/v1/solutions/${s.id}`))
    assert.deepEqual(res.owner, { disclosed: false, id: null, name: null, country: 'FR', publicRef: null }, who)
    const text = JSON.stringify(res)
    for (const secret of ['Quokkavision', acme.org.id, publicRef, acme.owner.name, acme.member.name])
      assert.ok(!text.includes(secret), `${who} sees ${secret}`)
    assert.deepEqual(res.revisions, [], `${who}: revisions (and their authors) are for insiders`)
    for (const m of res.media) {
      assert.match(m.filename, new RegExp(`^${s.reference}-(image|datasheet)-1\\.(png|pdf)$`))
      const file = await c.get(m.url)
      assert.equal(file.status, 200)
      assert.ok(!String(file.headers['content-disposition']).includes('Quokkavision'), `${who} download name`)
    }
    assert.equal(res.trl.effective, 5)
  }
  // The TRL history and evidence are for members and reviewers; reviewers see it without the owner's name.
  assert.equal((await outsider.get(`/api/v1/solutions/${s.id}/trl-assessments`)).status, 404)
  const trail = ok(await expert.get(`/api/v1/solutions/${s.id}/trl-assessments`))
  assert.equal(trail.items.length, 1)
  // Brokers and the organisation's members see who it is.
  for (const c of [staff, member]) {
    const res = ok(await c.get(`/api/v1/solutions/${s.id}`))
    assert.equal(res.owner.name, acme.org.legalName)
    assert.ok(res.media.some((m: { filename: string }) => m.filename === 'Quokkavision-logo.png'))
  }
  void img
  void sheet
})

test('an anonymous profile shows its public reference (never its name) on its public solutions', async () => {
  const team = await createTeam(t.db, t.programmeId, { type: 'sme', legalName: 'Zebracrypt Oy', country: 'FI' })
  await t.db.updateTable('organisations').set({ visibility: 'anonymous' }).where('id', '=', team.org.id).execute()
  const s = await insertSolution(t.db, { organisationId: team.org.id, name: 'Crypto gateway' })
  const res = ok(await outsider.get(`/api/v1/solutions/${s.id}`))
  assert.equal(res.owner.disclosed, false)
  assert.match(res.owner.publicRef, /^ORG-[0-9A-F]{8}$/)
  assert.ok(!JSON.stringify(res).includes('Zebracrypt'))
  const own = ok(await (await signedIn(t, team.owner)).get(`/api/v1/solutions/${s.id}`))
  assert.equal(own.owner.name, 'Zebracrypt Oy')
  assert.equal(seedId('x').length, 36)
})
