/**
 * Applications: starting one, the consortium (invitations by e-mail with a hashed token, accept,
 * decline, remove), and who sees what — an application is a 404 on every route for anyone outside its
 * consortium. Co-editing is in applications-editing.test.ts, submission in applications-submit.test.ts.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { sha256Hex } from '../../server/platform/signing/index.ts'
import { buildConsortium, createOpenCall, invitationToken, type Json, lastMailTo } from '../factories/applications.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { pdfBytes } from '../factories/solutions.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res } from '../support/app.ts'

const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const challenge = await t.db.selectFrom('challenges').select('id').where('code', '=', 'D1-C2').executeTakeFirstOrThrow()
const call = await createOpenCall(t.db, t.programmeId, {
  closesAt: new Date('2026-03-14T16:00:00Z'),
  challengeIds: [challenge.id],
})
const leadTeam = await createTeam(t.db, t.programmeId, { legalName: 'Quokka Sensors BV', country: 'NL' })
const partnerTeam = await createTeam(t.db, t.programmeId, { legalName: 'Lynx Analytics SAS', country: 'FR' })
const otherTeam = await createTeam(t.db, t.programmeId, { legalName: 'Otter Robotics GmbH', country: 'DE' })
const otherPartnerTeam = await createTeam(t.db, t.programmeId, { legalName: 'Ibis Data Oy', country: 'FI' })
const lead = await signedIn(t, leadTeam.owner)
const leadMember = await signedIn(t, leadTeam.member)
const partner = await signedIn(t, partnerTeam.owner)
const otherLead = await signedIn(t, otherTeam.owner)
const otherPartner = await signedIn(t, otherPartnerTeam.owner)
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
const anonymous = t.client()

const mine = await buildConsortium(t.db, {
  lead,
  leadOrgId: leadTeam.org.id,
  partner,
  partnerOrgId: partnerTeam.org.id,
  partnerEmail: partnerTeam.owner.email,
  callId: call.id,
  challengeId: challenge.id,
  acronym: 'QUOKKA',
})
const theirs = await buildConsortium(t.db, {
  lead: otherLead,
  leadOrgId: otherTeam.org.id,
  partner: otherPartner,
  partnerOrgId: otherPartnerTeam.org.id,
  partnerEmail: otherPartnerTeam.owner.email,
  callId: call.id,
  challengeId: challenge.id,
  acronym: 'OTTER',
})
const annex = await lead.post(`/api/v1/applications/${mine.id}/files`, {
  questionId: 'annex',
  partnerId: null,
  filename: 'work-plan.pdf',
  data: pdfBytes('Work plan').toString('base64'),
})

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}
const refused = (res: Res, status: number, code: string) => {
  assert.equal(res.status, status, JSON.stringify(res.body))
  assert.equal(res.body.code, code, JSON.stringify(res.body))
  return res.body
}

test('the lead starts an application: a reference, version 1, the lead in the consortium, its abilities', async () => {
  const other = await createTeam(t.db, t.programmeId, { legalName: 'Heron Security NV', country: 'BE' })
  const heron = await signedIn(t, other.member)
  const app = ok(
    await heron.post('/api/v1/applications', {
      callId: call.id,
      challengeId: challenge.id,
      organisationId: other.org.id,
      acronym: 'HERON',
      title: 'Heron',
    }),
    201,
  )
  assert.match(app.reference, /^APP-\d{5,}$/)
  assert.equal(app.status, 'draft')
  assert.equal(app.version, 1)
  assert.equal(app.acronym, 'HERON')
  assert.deepEqual(app.answers, { acronym: 'HERON', title: 'Heron' })
  assert.equal(app.answerMeta.acronym.version, 1)
  assert.equal(app.partners.length, 1)
  assert.equal(app.partners[0].role, 'lead')
  assert.equal(app.partners[0].mine, true)
  assert.equal(app.partners[0].facts.legalName, 'Heron Security NV')
  assert.equal(app.partners[0].facts.country, 'BE')
  assert.equal(app.call.phase, 'open')
  assert.equal(app.abilities.edit_shared.allowed, true)
  assert.deepEqual(app.abilities.submit, { allowed: false, reason: 'not_ready' })
  const codes = app.readiness.map((i: Json) => i.code)
  for (const c of ['answer_required', 'consortium_too_small', 'partner_role_missing']) assert.ok(codes.includes(c), c)
  assert.equal((await auditEvents(t.db, 'application.started', app.id)).length, 1)
  // For an organisation the caller is not in: 403; a challenge outside the call: a field error.
  refused(
    await heron.post('/api/v1/applications', { callId: call.id, organisationId: leadTeam.org.id }),
    403,
    'forbidden',
  )
  const elsewhere = await t.db
    .selectFrom('challenges')
    .select('id')
    .where('code', '=', 'D2-C1')
    .executeTakeFirstOrThrow()
  const bad = refused(
    await leadMember.post('/api/v1/applications', {
      callId: call.id,
      challengeId: elsewhere.id,
      organisationId: otherTeam.org.id,
    }),
    403,
    'forbidden',
  )
  assert.equal(bad.reason, 'not_a_member')
})

test('one application per organisation: the lead organisation of a live application is refused a second one', async () => {
  const res = refused(
    await leadMember.post('/api/v1/applications', { callId: call.id, organisationId: leadTeam.org.id }),
    409,
    'organisation_already_applied',
  )
  assert.deepEqual(res.applications, [mine.app.reference])
  // …and a partner already in one cannot accept a second invitation of the same call
  ok(await otherLead.post(`/api/v1/applications/${theirs.id}/partners`, { email: 'bd@lynx.example', name: '' }))
  const token = await invitationToken(t.db, 'bd@lynx.example')
  refused(
    await partner.post(`/api/v1/application-invitations/${token}/accept`, { organisationId: partnerTeam.org.id }),
    409,
    'organisation_already_applied',
  )
})

test('invitations: a mail with the link, only the hash stored, 14 days; the view, accept once, decline', async () => {
  const app = ok(
    await lead.post(`/api/v1/applications/${mine.id}/partners`, { email: 'Eve@Example.test', name: 'Eve' }),
  )
  const invited = app.partners.find((p: Json) => p.invitedEmail === 'eve@example.test')
  assert.equal(invited.status, 'invited')
  assert.equal(invited.facts.organisationId, null)
  assert.ok(app.readiness.some((i: Json) => i.code === 'partner_invitation_pending' && i.partnerId === invited.id))
  const mail = await lastMailTo(t.db, 'eve@example.test')
  assert.match(mail!.subject, /QUOKKA/)
  const token = await invitationToken(t.db, 'eve@example.test')
  assert.ok(mail!.text_body.includes(`http://localhost:3000/app/application-invitations/${token}`))
  const row = await t.db
    .selectFrom('application_partners')
    .select(['token_hash', 'token_expires_at'])
    .where('id', '=', invited.id)
    .executeTakeFirstOrThrow()
  assert.equal(row.token_hash, sha256Hex(token))
  assert.equal(new Date(row.token_expires_at!).toISOString(), '2026-03-15T10:00:00.000Z')
  refused(
    await lead.post(`/api/v1/applications/${mine.id}/partners`, { email: 'eve@example.test' }),
    409,
    'invitation_pending',
  )
  // Anyone signed in with the link sees the invitation, not the application.
  const eveTeam = await createTeam(t.db, t.programmeId, { legalName: 'Eve Labs', country: 'IE' })
  const eve = await signedIn(t, eveTeam.owner)
  const view = ok(await eve.get(`/api/v1/application-invitations/${token}`))
  assert.deepEqual(
    { reference: view.reference, acronym: view.acronym, lead: view.leadOrganisation, status: view.status },
    { reference: mine.app.reference, acronym: 'QUOKKA', lead: 'Quokka Sensors BV', status: 'invited' },
  )
  refused(await eve.get(`/api/v1/applications/${mine.id}`), 404, 'application_not_found')
  refused(await anonymous.get(`/api/v1/application-invitations/${token}`), 401, 'not_signed_in')
  refused(await eve.get(`/api/v1/application-invitations/${'x'.repeat(43)}`), 404, 'invitation_not_found')
  // Accept only for one's own organisation; then the application is visible; the link is used up.
  refused(
    await eve.post(`/api/v1/application-invitations/${token}/accept`, { organisationId: leadTeam.org.id }),
    403,
    'forbidden',
  )
  const accepted = ok(
    await eve.post(`/api/v1/application-invitations/${token}/accept`, { organisationId: eveTeam.org.id }),
  )
  const eveRow = accepted.partners.find((p: Json) => p.id === invited.id)
  assert.equal(eveRow.status, 'accepted')
  assert.equal(eveRow.mine, true)
  assert.equal(eveRow.facts.legalName, 'Eve Labs')
  refused(
    await eve.post(`/api/v1/application-invitations/${token}/accept`, { organisationId: eveTeam.org.id }),
    410,
    'invitation_used',
  )
  // The lead removes her again; her members lose the application.
  const removed = ok(await lead.delete(`/api/v1/applications/${mine.id}/partners/${invited.id}`))
  assert.equal(removed.partners.find((p: Json) => p.id === invited.id).status, 'removed')
  refused(await eve.get(`/api/v1/applications/${mine.id}`), 404, 'application_not_found')
  refused(
    await lead.delete(`/api/v1/applications/${mine.id}/partners/${mine.leadPartnerId}`),
    409,
    'application_transition_refused',
  )
  // Decline, and an expired link.
  ok(await lead.post(`/api/v1/applications/${mine.id}/partners`, { email: 'no@example.test' }))
  const no = await invitationToken(t.db, 'no@example.test')
  assert.equal(ok(await eve.post(`/api/v1/application-invitations/${no}/decline`)).status, 'declined')
  ok(await lead.post(`/api/v1/applications/${mine.id}/partners`, { email: 'late@example.test' }))
  const late = await invitationToken(t.db, 'late@example.test')
  clock.advance(14 * 86_400_000)
  refused(
    await eve.post(`/api/v1/application-invitations/${late}/accept`, { organisationId: eveTeam.org.id }),
    410,
    'invitation_expired',
  )
  clock.set('2026-03-01T10:00:00Z')
  const after = ok(await lead.get(`/api/v1/applications/${mine.id}`))
  const byEmail = (e: string) => after.partners.find((p: Json) => p.invitedEmail === e)
  assert.equal(byEmail('no@example.test').status, 'declined')
  ok(await lead.delete(`/api/v1/applications/${mine.id}/partners/${byEmail('late@example.test').id}`))
  assert.equal((await auditEvents(t.db, 'application.invitation_accepted', mine.id)).length, 2)
})

test('a partner of another consortium cannot see this application: 404 on every route', async () => {
  const fileId = annex.body.fileId
  const partnerRow = mine.partnerId
  const routes: [string, string, Record<string, unknown>?][] = [
    ['GET', `/api/v1/applications/${mine.id}`],
    ['PATCH', `/api/v1/applications/${mine.id}/answers`, { baseVersion: 1, changes: { summary: 'x' } }],
    ['POST', `/api/v1/applications/${mine.id}/partners`, { email: 'x@example.test' }],
    ['DELETE', `/api/v1/applications/${mine.id}/partners/${partnerRow}`],
    ['PATCH', `/api/v1/applications/${mine.id}/partners/${partnerRow}/part`, { basePartVersion: 1, part: {} }],
    ['POST', `/api/v1/applications/${mine.id}/partners/${partnerRow}/confirm`, { partVersion: 1 }],
    ['POST', `/api/v1/applications/${mine.id}/partners/${partnerRow}/unconfirm`],
    ['POST', `/api/v1/applications/${mine.id}/files`, { questionId: 'annex', filename: 'a.pdf', data: 'JVBERi0=' }],
    ['GET', `/api/v1/applications/${mine.id}/files/${fileId}`],
    ['POST', `/api/v1/applications/${mine.id}/submit`, { version: 1 }],
    ['POST', `/api/v1/applications/${mine.id}/withdraw`, { reason: 'Not ours' }],
    ['GET', `/api/v1/applications/${mine.id}/revisions/1`],
    ['GET', `/api/v1/applications/${mine.id}/revisions/1/receipt.json`],
    ['GET', `/api/v1/applications/${mine.id}/revisions/1/receipt.pdf`],
  ]
  for (const [method, url, body] of routes) {
    const headers = { 'idempotency-key': 'outsider-key-1' }
    const res = await otherPartner.request(
      method,
      url,
      method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}),
      headers,
    )
    assert.equal(res.status, 404, `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`)
    assert.equal(res.body.code, 'application_not_found', `${method} ${url}`)
  }
  const list = ok(await otherPartner.get('/api/v1/applications'))
  assert.deepEqual(
    list.items.map((a: Json) => a.reference),
    [theirs.app.reference],
  )
  assert.equal(list.items[0].myRole, 'partner')
  // The consortium and the programme's operators see it; the list is the caller's consortia only.
  const listed = ok(await partner.get(`/api/v1/applications?callId=${call.id}&q=QUOK`))
  assert.deepEqual(
    listed.items.map((a: Json) => [a.reference, a.myRole, a.leadOrganisation, a.partnerCount]),
    [[mine.app.reference, 'partner', 'Quokka Sensors BV', 2]],
  )
  const seen = ok(await operator.get(`/api/v1/applications/${mine.id}`))
  assert.equal(seen.abilities.edit_shared.allowed, false)
  assert.equal(seen.abilities.edit_shared.reason, 'not_a_member')
  assert.equal(ok(await operator.get('/api/v1/applications')).total, 0)
})

test("partners' facts come from their profiles: linked to a programme partner, other applications of the call", async () => {
  const cluster = await t.db
    .selectFrom('clusters as k')
    .innerJoin('organisations as o', 'o.id', 'k.organisation_id')
    .select(['o.id', 'o.legal_name'])
    .where('k.programme_id', '=', t.programmeId)
    .orderBy('k.position')
    .executeTakeFirstOrThrow()
  await t.db
    .insertInto('organisation_relations')
    .values({
      organisation_id: partnerTeam.org.id,
      name: ` ${cluster.legal_name.toUpperCase()} `,
      country: 'FR',
      relation: 'partner',
      share_percent: '30',
      headcount: '10',
      annual_turnover_cents: '100000000',
      balance_sheet_cents: '100000000',
      position: 0,
    })
    .execute()
  // As if the partner had joined the other consortium too (the API refuses it when the call says so).
  const sneaked = await t.db
    .insertInto('application_partners')
    .values({
      application_id: theirs.id,
      organisation_id: partnerTeam.org.id,
      role: 'partner',
      status: 'accepted',
      position: 9,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const app = ok(await lead.get(`/api/v1/applications/${mine.id}`))
  const facts = app.partners.find((p: Json) => p.id === mine.partnerId).facts
  assert.deepEqual(facts, {
    organisationId: partnerTeam.org.id,
    legalName: 'Lynx Analytics SAS',
    country: 'FR',
    type: 'sme',
    smeStatus: null,
    linkedToProgrammePartner: true,
    otherApplications: [theirs.app.reference],
  })
  const codes = app.readiness.filter((i: Json) => i.partnerId === mine.partnerId).map((i: Json) => i.code)
  assert.ok(codes.includes('linked_to_programme_partner'), codes.join())
  assert.ok(codes.includes('organisation_in_other_application'), codes.join())
  assert.deepEqual(app.abilities.submit, { allowed: false, reason: 'not_ready' })
  await t.db.deleteFrom('application_partners').where('id', '=', sneaked.id).execute()
  await t.db.deleteFrom('organisation_relations').where('organisation_id', '=', partnerTeam.org.id).execute()
  const clean = ok(await lead.get(`/api/v1/applications/${mine.id}`))
  const after = clean.partners.find((p: Json) => p.id === mine.partnerId).facts
  assert.equal(after.linkedToProgrammePartner, false)
  assert.deepEqual(after.otherApplications, [])
})
