/**
 * The expert pool: a person keeps an expert profile (organisations, CV, declarations), applies to the
 * public call for experts or accepts an operator's e-mail invitation, and the call's operators search,
 * approve (declarations required, expert role granted, expert notified) or reject. Authorisation:
 * only operators see and decide the pool; a CV is shown to its owner and the pool's operators only.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { createOpenCall, type Json } from '../factories/applications.ts'
import { ok } from '../factories/consortia.ts'
import { expertToken, pdfBase64, pngBase64, profileBody } from '../factories/experts.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { createOrganisation, createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const call = await createOpenCall(t.db, t.programmeId, { closesAt: new Date('2026-03-14T16:00:00Z') })
const aliceUser = await createUser(t.db, t.programmeId, { name: 'Alice Expert' })
const bobUser = await createUser(t.db, t.programmeId, { name: 'Bob Reviewer' })
const alice = await signedIn(t, aliceUser)
const bob = await signedIn(t, bobUser)
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
const staff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' }),
)
const org = await createOrganisation(t.db, { legalName: 'Metro Transit Authority', country: 'BE' })
const term = await t.db.selectFrom('taxonomy_terms').select('id').executeTakeFirstOrThrow()

test('no profile yet: 404 on read and on applying', async () => {
  const r = await alice.get('/api/v1/expert/profile')
  assert.equal(r.status, 404)
  assert.equal(r.body.code, 'expert_profile_not_found')
  const a = await alice.post(`/api/v1/calls/${call.id}/expert-candidacies`, {})
  assert.equal(a.status, 404)
  assert.equal(a.body.code, 'expert_profile_not_found')
})

test('a person creates and replaces their profile; unknown tags are refused; audited', async () => {
  const bad = await alice.request('PUT', '/api/v1/expert/profile', profileBody({ tagIds: [crypto.randomUUID()] }))
  assert.equal(bad.status, 400)
  const p = ok(
    await alice.request(
      'PUT',
      '/api/v1/expert/profile',
      profileBody({
        tagIds: [term.id],
        countries: ['be', 'NL'],
        organisations: [
          { organisationId: org.id, name: 'Metro Transit Authority', country: 'BE', fromYear: 2015, toYear: null },
          { name: 'Lynx Analytics', country: 'FR', fromYear: 2010, toYear: 2014 },
        ],
      }),
    ),
  )
  assert.equal(p.name, 'Alice Expert')
  assert.deepEqual(p.countries, ['BE', 'NL'])
  assert.deepEqual(p.tagIds, [term.id])
  assert.equal(p.kind, 'practitioner')
  assert.deepEqual(
    p.organisations.map((o: Json) => [o.name, o.organisationId, o.toYear]),
    [
      ['Metro Transit Authority', org.id, null],
      ['Lynx Analytics', null, 2014],
    ],
  )
  const again = ok(await alice.request('PUT', '/api/v1/expert/profile', profileBody({ maxLoad: 5 })))
  assert.equal(again.maxLoad, 5)
  assert.deepEqual(again.organisations, [])
  const audit = await auditEvents(t.db, 'expert.profile_created', aliceUser.id)
  assert.equal(audit.length, 1)
  assert.equal((await auditEvents(t.db, 'expert.profile_updated', aliceUser.id)).length, 1)
})

test('CV upload: a PDF is kept, an image refused; the owner downloads it, others get 404', async () => {
  const refused = await alice.post('/api/v1/expert/profile/cv', { filename: 'cv.pdf', data: pngBase64 })
  assert.equal(refused.status, 400)
  const p = ok(await alice.post('/api/v1/expert/profile/cv', { filename: 'C:\\docs\\alice cv.pdf', data: pdfBase64 }))
  assert.equal(p.cv.contentType, 'application/pdf')
  assert.equal(p.cv.filename, 'alice cv.pdf')
  const own = await alice.get(`/api/v1/experts/${aliceUser.id}/cv`)
  assert.equal(own.status, 200)
  assert.equal(own.headers['content-type'], 'application/pdf')
  assert.equal(own.raw.rawPayload.subarray(0, 5).toString(), '%PDF-')
  assert.equal((await bob.get(`/api/v1/experts/${aliceUser.id}/cv`)).status, 404)
  // Not yet a candidate for any call: operators do not see it either.
  assert.equal((await operator.get(`/api/v1/experts/${aliceUser.id}/cv`)).status, 404)
  // Replacing the CV removes the old file.
  const before = await t.db.selectFrom('files').select('id').where('purpose', '=', 'expert_cv').execute()
  ok(await alice.post('/api/v1/expert/profile/cv', { filename: 'cv2.pdf', data: pdfBase64 }))
  const after = await t.db.selectFrom('files').select('id').where('purpose', '=', 'expert_cv').execute()
  assert.equal(after.length, before.length)
})

test('the public call for experts: apply once; operators search, filter and page; others are refused', async () => {
  const p = ok(
    await alice.post(`/api/v1/calls/${call.id}/expert-candidacies`, { motivation: 'Ten years of metro ops.' }),
    201,
  )
  assert.deepEqual(p.calls, [{ callId: call.id, callCode: call.code, status: 'pending', maxLoad: 5 }])
  const twice = await alice.post(`/api/v1/calls/${call.id}/expert-candidacies`, {})
  assert.equal(twice.status, 409)
  assert.equal(twice.body.code, 'expert_already_applied')
  ok(
    await bob.request('PUT', '/api/v1/expert/profile', profileBody({ kind: 'business', expertise: 'Venture finance' })),
  )
  ok(await bob.post(`/api/v1/calls/${call.id}/expert-candidacies`, { maxLoad: 12 }), 201)

  const all = ok(await operator.get(`/api/v1/calls/${call.id}/experts`))
  assert.equal(all.total, 2)
  assert.deepEqual(
    all.items.map((e: Json) => [e.name, e.status, e.source, e.maxLoad]),
    [
      ['Alice Expert', 'pending', 'application', 5],
      ['Bob Reviewer', 'pending', 'application', 12],
    ],
  )
  const found = ok(await operator.get(`/api/v1/calls/${call.id}/experts?q=finance`))
  assert.deepEqual(
    found.items.map((e: Json) => e.name),
    ['Bob Reviewer'],
  )
  const paged = ok(await operator.get(`/api/v1/calls/${call.id}/experts?pageSize=1&page=2`))
  assert.equal(paged.total, 2)
  assert.deepEqual(
    paged.items.map((e: Json) => e.name),
    ['Bob Reviewer'],
  )
  assert.equal((await alice.get(`/api/v1/calls/${call.id}/experts`)).status, 403)
  assert.equal((await staff.get(`/api/v1/calls/${call.id}/experts`)).status, 403)
  assert.equal((await t.client().get(`/api/v1/calls/${call.id}/experts`)).status, 401)
  // Now a candidate: the operators see the CV.
  assert.equal((await operator.get(`/api/v1/experts/${aliceUser.id}/cv`)).status, 200)
})

test('approval needs both declarations, grants the expert role and notifies; rejection too', async () => {
  const decide = (userId: string, body: Json, client = operator) =>
    client.post(`/api/v1/calls/${call.id}/experts/${userId}/decision`, body)
  assert.equal((await decide(aliceUser.id, { status: 'approved' }, alice)).status, 403)
  const missing = await decide(aliceUser.id, { status: 'approved' })
  assert.equal(missing.status, 409)
  assert.equal(missing.body.code, 'expert_declarations_missing')

  const half = ok(await alice.post('/api/v1/expert/profile/declarations', { codeOfConduct: true }))
  assert.equal(half.codeOfConductAt, '2026-03-01T10:00:00.000Z')
  assert.equal(half.confidentialityAt, null)
  assert.equal((await decide(aliceUser.id, { status: 'approved' })).body.code, 'expert_declarations_missing')
  clock.advance(60_000)
  const both = ok(
    await alice.post('/api/v1/expert/profile/declarations', { codeOfConduct: true, confidentiality: true }),
  )
  assert.equal(both.codeOfConductAt, '2026-03-01T10:00:00.000Z', 'the first signature keeps its time')
  assert.equal(both.confidentialityAt, '2026-03-01T10:01:00.000Z')

  const approved = ok(await decide(aliceUser.id, { status: 'approved', maxLoad: 4, note: 'Welcome' }))
  assert.equal(approved.status, 'approved')
  assert.equal(approved.maxLoad, 4)
  assert.equal(approved.declarationsComplete, true)
  const role = await t.db
    .selectFrom('programme_roles')
    .select('role')
    .where('user_id', '=', aliceUser.id)
    .where('programme_id', '=', t.programmeId)
    .execute()
  assert.deepEqual(
    role.map((r) => r.role),
    ['expert'],
  )
  const note = await t.db
    .selectFrom('notifications')
    .select(['kind', 'params'])
    .where('user_id', '=', aliceUser.id)
    .executeTakeFirstOrThrow()
  assert.equal(note.kind, 'expert_approved')
  assert.deepEqual(note.params, { call: call.code, maxLoad: '4' })
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'change'])
    .where('action', '=', 'expert.candidacy_approved')
    .executeTakeFirstOrThrow()
  assert.equal((audit.change as Json).expertRoleGranted, true)

  const rejected = ok(await decide(bobUser.id, { status: 'rejected', note: 'Profile outside the call' }))
  assert.equal(rejected.status, 'rejected')
  const bobNote = await t.db
    .selectFrom('notifications')
    .select('kind')
    .where('user_id', '=', bobUser.id)
    .executeTakeFirstOrThrow()
  assert.equal(bobNote.kind, 'expert_rejected')
  const onlyApproved = ok(await operator.get(`/api/v1/calls/${call.id}/experts?status=approved`))
  assert.deepEqual(
    onlyApproved.items.map((e: Json) => e.name),
    ['Alice Expert'],
  )
  assert.equal((await decide(crypto.randomUUID(), { status: 'rejected' })).body.code, 'expert_not_found')
})

test('an e-mail invitation: single use, expires, needs a profile; only operators invite', async () => {
  const email = 'carol.invited@example.test'
  assert.equal((await alice.post(`/api/v1/calls/${call.id}/experts/invitations`, { email })).status, 403)
  const sent = ok(
    await operator.post(`/api/v1/calls/${call.id}/experts/invitations`, { email, message: 'We need you' }),
    201,
  )
  assert.equal(sent.expiresAt, '2026-03-22T10:01:00.000Z')
  const token = await expertToken(t.db, email)
  const stored = await t.db
    .selectFrom('expert_invitations')
    .select('token_hash')
    .where('id', '=', sent.id)
    .executeTakeFirstOrThrow()
  assert.notEqual(stored.token_hash, token, 'only the hash is stored')

  const carol = await signedIn(t, await createUser(t.db, t.programmeId, { email, name: 'Carol Invited' }))
  const noProfile = await carol.post(`/api/v1/expert-invitations/${token}/accept`)
  assert.equal(noProfile.body.code, 'expert_profile_not_found')
  ok(await carol.request('PUT', '/api/v1/expert/profile', profileBody({ kind: 'technical' })))
  const p = ok(await carol.post(`/api/v1/expert-invitations/${token}/accept`))
  assert.deepEqual(
    p.calls.map((c: Json) => c.status),
    ['pending'],
  )
  const row = ok(await operator.get(`/api/v1/calls/${call.id}/experts?q=carol`))
  assert.equal(row.items[0].source, 'invitation')
  assert.equal((await carol.post(`/api/v1/expert-invitations/${token}/accept`)).status, 410)
  assert.equal((await carol.post(`/api/v1/expert-invitations/${'x'.repeat(43)}/accept`)).status, 404)

  ok(await operator.post(`/api/v1/calls/${call.id}/experts/invitations`, { email: 'dan@example.test' }), 201)
  const late = await expertToken(t.db, 'dan@example.test')
  clock.advance(22 * 86_400_000)
  const expired = await bob.post(`/api/v1/expert-invitations/${late}/accept`)
  assert.equal(expired.status, 410)
  assert.equal(expired.body.code, 'invitation_expired')
})

test('unlisted calls take no candidacies; operators of another programme are refused', async () => {
  const draft = await createOpenCall(t.db, t.programmeId, { closesAt: new Date('2026-04-20T16:00:00Z') })
  await t.db.updateTable('calls').set({ published_at: null }).where('id', '=', draft.id).execute()
  const r = await alice.post(`/api/v1/calls/${draft.id}/expert-candidacies`, {})
  assert.equal(r.status, 404)
  assert.equal(r.body.code, 'call_not_found')

  const other = await t.db
    .insertInto('programmes')
    .values({
      slug: `other-${Date.now().toString(36)}`,
      acronym: 'OTHER',
      name: 'Another programme',
      summary: JSON.stringify({ en: 'Other' }),
      description: JSON.stringify({ en: 'Other' }),
      starts_on: '2026-01-01',
      ends_on: '2028-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const foreign = await createUser(t.db, other.id, { programmeRole: 'operator' })
  const c = await signedIn(t, foreign)
  const list = await c.get(`/api/v1/calls/${call.id}/experts`)
  assert.equal(list.status, 403)
  assert.equal((await c.get(`/api/v1/calls/${call.id}/experts/conflicts`)).status, 403)
  assert.equal(
    (await c.post(`/api/v1/calls/${call.id}/experts/${aliceUser.id}/decision`, { status: 'rejected' })).status,
    403,
  )
  assert.equal((await c.get(`/api/v1/experts/${aliceUser.id}/cv`)).status, 404)
})
