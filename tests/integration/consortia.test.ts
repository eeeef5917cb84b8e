/**
 * Consortia: an SME forms one for a listed call, invites partners by organisation (with where it found
 * them, checked) or by e-mail (hashed single-use link), invitees accept with their role or decline, the
 * lead removes members, and the live rule check turns green as the right partners join. Conversion
 * into an application is in consortia-conversion.test.ts.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { sha256Hex } from '../../server/platform/signing/index.ts'
import { translator } from '../../shared/i18n/index.ts'
import { createOpenCall, type Json } from '../factories/applications.ts'
import { consortiumCallConfig, consortiumToken, makeSme, ok, rulesOf } from '../factories/consortia.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { publishedPost } from '../factories/partnering.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const challenge = await t.db.selectFrom('challenges').select('id').where('code', '=', 'D1-C2').executeTakeFirstOrThrow()
const call = await createOpenCall(t.db, t.programmeId, {
  closesAt: new Date('2026-03-14T16:00:00Z'),
  challengeIds: [challenge.id],
  config: consortiumCallConfig(),
})
const leadTeam = await createTeam(t.db, t.programmeId, { legalName: 'Quokka Sensors BV', country: 'NL' })
const smeTeam = await createTeam(t.db, t.programmeId, { legalName: 'Lynx Analytics SAS', country: 'FR' })
const cityTeam = await createTeam(t.db, t.programmeId, {
  legalName: 'City of Ghent',
  country: 'BE',
  type: 'public_authority',
})
const outsiderTeam = await createTeam(t.db, t.programmeId, { legalName: 'Otter Robotics GmbH', country: 'DE' })
const bigTeam = await createTeam(t.db, t.programmeId, {
  legalName: 'Megacorp SA',
  country: 'FR',
  type: 'large_company',
})
for (const org of [leadTeam.org.id, smeTeam.org.id, outsiderTeam.org.id]) await makeSme(t.db, org)
const lead = await signedIn(t, leadTeam.owner)
const leadMember = await signedIn(t, leadTeam.member)
const sme = await signedIn(t, smeTeam.owner)
const city = await signedIn(t, cityTeam.owner)
const outsider = await signedIn(t, outsiderTeam.owner)
const big = await signedIn(t, bigTeam.owner)
const staff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' }),
)

const create = (client = lead, body: Record<string, unknown> = {}) =>
  client.post('/api/v1/consortia', {
    organisationId: leadTeam.org.id,
    callId: call.id,
    challengeId: challenge.id,
    name: 'Safer water networks',
    acronym: 'AQUA',
    ...body,
  })

test('an SME member creates a consortium for a listed call; others are refused', async () => {
  const notMember = await create(sme)
  assert.equal(notMember.status, 403)
  const notSme = await create(big, { organisationId: bigTeam.org.id })
  assert.equal(notSme.status, 409)
  assert.equal(notSme.body.code, 'consortium_lead_not_sme')
  const draftCall = await createOpenCall(t.db, t.programmeId, { closesAt: new Date('2026-03-20T16:00:00Z') })
  await t.db.updateTable('calls').set({ published_at: null }).where('id', '=', draftCall.id).execute()
  assert.equal((await create(lead, { callId: draftCall.id })).status, 404)
  const wrongChallenge = await t.db
    .selectFrom('challenges')
    .select('id')
    .where('code', '=', 'D1-C1')
    .executeTakeFirstOrThrow()
  const outOfCall = await create(lead, { challengeId: wrongChallenge.id })
  assert.equal(outOfCall.status, 400, JSON.stringify(outOfCall.body))

  const c = ok(await create(), 201)
  assert.equal(c.status, 'forming')
  assert.equal(c.leadOrganisation.name, 'Quokka Sensors BV')
  assert.equal(c.call.phase, 'open')
  assert.deepEqual(c.members, [])
  assert.equal(c.abilities.invite.allowed, true)
  assert.equal((await auditEvents(t.db, 'consortium.created', c.id)).length, 1)
  // Who sees it: the lead's members and the brokers; anyone else gets a 404.
  assert.equal((await leadMember.get(`/api/v1/consortia/${c.id}`)).status, 200)
  const asStaff = ok(await staff.get(`/api/v1/consortia/${c.id}`))
  assert.equal(asStaff.abilities.invite.allowed, false)
  assert.equal((await outsider.get(`/api/v1/consortia/${c.id}`)).status, 404)
  assert.equal((await t.client().get(`/api/v1/consortia/${c.id}`)).status, 401)
})

test('invitations by organisation, accept with a role and decline; the rule check follows the members', async () => {
  let c = ok(await create(lead, { name: 'Rules follow members' }), 201)
  const before = rulesOf(c)
  assert.deepEqual(before.consortium_size, ['fail', 'consortium_too_small'])
  assert.deepEqual(before.minimum_smes, ['fail', 'smes_too_few'])
  assert.deepEqual(before.minimum_countries, ['fail', 'countries_too_few'])
  assert.deepEqual(before.end_user_involved, ['fail', 'end_user_missing'])
  assert.equal(c.rulesPass, false)
  const size = c.rules.find((r: Json) => r.rule === 'consortium_size')
  assert.equal(size.text, translator('en')('applications.eligibility.consortium_too_small', { count: 1, min: '3' }))
  // The reason comes in the reader's language.
  await t.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', leadTeam.member.id).execute()
  const inFrench = ok(await leadMember.get(`/api/v1/consortia/${c.id}`))
  const frSize = inFrench.rules.find((r: Json) => r.rule === 'consortium_size')
  assert.equal(frSize.text, translator('fr')('applications.eligibility.consortium_too_small', { count: 1, min: '3' }))
  assert.notEqual(frSize.text, size.text)
  assert.equal(c.abilities.convert.allowed, false)
  assert.equal(c.abilities.convert.reason, 'not_ready')

  c = ok(
    await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: smeTeam.org.id, role: 'Analytics' }),
    201,
  )
  const again = await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: smeTeam.org.id })
  assert.equal(again.body.code, 'already_in_consortium')
  const self = await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: leadTeam.org.id })
  assert.equal(self.body.code, 'already_in_consortium')
  const invited = c.members[0]
  assert.equal(invited.status, 'invited')
  assert.equal(invited.source, 'direct')
  // The invited organisation's owner is told, and sees the consortium with the right to answer.
  const notes = ok(await sme.get('/api/v1/me/notifications?pageSize=100'))
  assert.ok(notes.items.some((n: Json) => n.kind === 'consortium_invitation' && n.link === `/app/consortia/${c.id}`))
  const seen = ok(await sme.get(`/api/v1/consortia/${c.id}`))
  assert.equal(seen.abilities.accept.allowed, true)
  assert.equal(seen.abilities.invite.allowed, false)
  assert.equal(rulesOf(seen).consortium_size[0], 'fail', 'an invitation does not count')
  // Only the invited organisation answers.
  assert.equal((await outsider.post(`/api/v1/consortia/${c.id}/members/${invited.id}/accept`, {})).status, 404)
  assert.equal((await lead.post(`/api/v1/consortia/${c.id}/members/${invited.id}/accept`, {})).status, 403)

  c = ok(await sme.post(`/api/v1/consortia/${c.id}/members/${invited.id}/accept`, { role: 'Builds the analytics' }))
  assert.equal(c.members[0].status, 'accepted')
  assert.equal(c.members[0].role, 'Builds the analytics')
  assert.equal(c.members[0].mine, true)
  const twice = await sme.post(`/api/v1/consortia/${c.id}/members/${invited.id}/accept`, {})
  assert.equal(twice.body.code, 'invitation_used')
  let rules = rulesOf(c)
  assert.deepEqual(rules.minimum_smes, ['pass', 'smes_ok'])
  assert.deepEqual(rules.minimum_countries, ['pass', 'countries_ok'])
  assert.deepEqual(rules.consortium_size, ['fail', 'consortium_too_small'])
  const leadNotes = ok(await lead.get('/api/v1/me/notifications?pageSize=100'))
  assert.ok(leadNotes.items.some((n: Json) => n.kind === 'consortium_invitation_accepted'))

  // A declined invitation does not count either.
  c = ok(await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: outsiderTeam.org.id }), 201)
  const toOutsider = c.members.find((m: Json) => m.organisation?.id === outsiderTeam.org.id)
  const declined = ok(await outsider.post(`/api/v1/consortia/${c.id}/members/${toOutsider.id}/decline`, {}))
  assert.equal(declined.status, 'declined')
  c = ok(await lead.get(`/api/v1/consortia/${c.id}`))
  assert.equal(c.members.find((m: Json) => m.id === toOutsider.id).status, 'declined')
  assert.deepEqual(rulesOf(c).minimum_countries, ['pass', 'countries_ok'])
  assert.equal(rulesOf(c).consortium_size[0], 'fail', 'a declined organisation does not count')
  assert.equal(
    (await outsider.get(`/api/v1/consortia/${c.id}`)).status,
    404,
    'a declined organisation no longer sees it',
  )

  c = ok(
    await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: cityTeam.org.id, role: 'Pilot site' }),
    201,
  )
  const toCity = c.members.find((m: Json) => m.organisation?.id === cityTeam.org.id)
  c = ok(await city.post(`/api/v1/consortia/${c.id}/members/${toCity.id}/accept`, {}))
  assert.equal(c.members.find((m: Json) => m.id === toCity.id).role, 'Pilot site', 'the proposed role is kept')
  rules = rulesOf(c)
  assert.deepEqual(rules.end_user_involved, ['pass', 'end_user_in_consortium'])
  assert.deepEqual(rules.consortium_size, ['pass', 'consortium_size_ok'])
  assert.equal(c.rulesPass, true, JSON.stringify(c.rules))
  assert.equal(c.abilities.convert.allowed, false, 'a partner does not convert')
  assert.equal(ok(await lead.get(`/api/v1/consortia/${c.id}`)).abilities.convert.allowed, true)

  // The SME rule reads the profile's computed status, live: a partner without it no longer counts.
  await makeSme(t.db, smeTeam.org.id, null)
  const live = ok(await lead.get(`/api/v1/consortia/${c.id}`))
  assert.deepEqual(rulesOf(live).minimum_smes, ['fail', 'smes_too_few'])
  await makeSme(t.db, smeTeam.org.id)

  // The lead removes a member: it stops counting and no longer sees the consortium.
  assert.equal((await sme.delete(`/api/v1/consortia/${c.id}/members/${toCity.id}`)).status, 403)
  c = ok(await lead.delete(`/api/v1/consortia/${c.id}/members/${toCity.id}`))
  assert.equal(c.members.find((m: Json) => m.id === toCity.id).status, 'removed')
  assert.deepEqual(rulesOf(c).end_user_involved, ['fail', 'end_user_missing'])
  assert.equal((await city.get(`/api/v1/consortia/${c.id}`)).status, 404)
  assert.equal((await auditEvents(t.db, 'consortium.member_removed', c.id)).length, 1)
})

test('an e-mail invitation: hashed link, the invitee picks its organisation, single use', async () => {
  let c = ok(await create(lead, { name: 'By e-mail' }), 201)
  const email = cityTeam.owner.email
  c = ok(await lead.post(`/api/v1/consortia/${c.id}/members`, { email, role: 'Validation', message: 'Join us!' }), 201)
  assert.equal(c.members[0].invitedEmail, email.toLowerCase())
  assert.equal(c.members[0].source, 'email')
  const pending = await lead.post(`/api/v1/consortia/${c.id}/members`, { email })
  assert.equal(pending.body.code, 'invitation_pending')
  const token = await consortiumToken(t.db, email)
  const stored = await t.db
    .selectFrom('consortium_members')
    .select('token_hash')
    .where('id', '=', c.members[0].id)
    .executeTakeFirstOrThrow()
  assert.equal(stored.token_hash, sha256Hex(token), 'only the hash is stored')

  const preview = ok(await city.get(`/api/v1/consortium-invitations/${token}`))
  assert.equal(preview.leadOrganisation, 'Quokka Sensors BV')
  assert.equal(preview.role, 'Validation')
  assert.equal(preview.message, 'Join us!')
  assert.equal(preview.status, 'invited')
  assert.equal((await t.client().get(`/api/v1/consortium-invitations/${token}`)).status, 401)
  assert.equal((await city.get('/api/v1/consortium-invitations/not-a-real-token-at-all-000')).status, 404)

  const noOrg = await city.post(`/api/v1/consortium-invitations/${token}/accept`, {})
  assert.equal(noOrg.status, 400)
  const notMine = await city.post(`/api/v1/consortium-invitations/${token}/accept`, { organisationId: smeTeam.org.id })
  assert.equal(notMine.status, 403)
  const joined = ok(
    await city.post(`/api/v1/consortium-invitations/${token}/accept`, { organisationId: cityTeam.org.id, role: '' }),
  )
  const member = joined.members.find((m: Json) => m.organisation?.id === cityTeam.org.id)
  assert.equal(member.status, 'accepted')
  assert.equal(member.role, 'Validation')
  assert.equal(member.invitedEmail, null, 'a partner does not see invitees’ addresses')
  assert.deepEqual(rulesOf(joined).end_user_involved, ['pass', 'end_user_in_consortium'])
  const reused = await city.post(`/api/v1/consortium-invitations/${token}/accept`, { organisationId: cityTeam.org.id })
  assert.equal(reused.body.code, 'invitation_used')

  // Decline by link; an expired link is refused.
  c = ok(await lead.post(`/api/v1/consortia/${c.id}/members`, { email: outsiderTeam.owner.email }), 201)
  const declineToken = await consortiumToken(t.db, outsiderTeam.owner.email)
  const declined = ok(await outsider.post(`/api/v1/consortium-invitations/${declineToken}/decline`, {}))
  assert.equal(declined.status, 'declined')
  c = ok(await lead.post(`/api/v1/consortia/${c.id}/members`, { email: smeTeam.owner.email }), 201)
  const lateToken = await consortiumToken(t.db, smeTeam.owner.email)
  clock.advance(15 * 86_400_000)
  const late = await sme.post(`/api/v1/consortium-invitations/${lateToken}/accept`, { organisationId: smeTeam.org.id })
  clock.advance(-15 * 86_400_000)
  assert.equal(late.body.code, 'invitation_expired')
})

test('a partner found through partner search is invited with its accepted interest, checked', async () => {
  let c = ok(await create(lead, { name: 'From partner search' }), 201)
  const postId = await publishedPost(lead, leadTeam.org.id, { expiresAt: '2026-04-01T00:00:00Z' })
  const interest = ok(
    await sme.post(`/api/v1/partnering/posts/${postId}/interests`, {
      organisationId: smeTeam.org.id,
      message: 'We bring the analytics to your sensors.',
    }),
    201,
  )
  const invite = (ref: string | undefined, organisationId = smeTeam.org.id) =>
    lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId, source: 'partner_search', sourceRef: ref })
  assert.equal((await invite(undefined)).body.code, 'consortium_source_invalid')
  assert.equal((await invite(interest.id)).body.code, 'consortium_source_invalid', 'still pending')
  ok(await lead.post(`/api/v1/partnering/interests/${interest.id}/accept`, {}))
  assert.equal(
    (await invite(interest.id, outsiderTeam.org.id)).body.code,
    'consortium_source_invalid',
    'other organisation',
  )
  assert.equal((await invite('6f1c7a2e-0000-4000-8000-000000000000')).status, 422)
  c = ok(await invite(interest.id), 201)
  assert.equal(c.members[0].source, 'partner_search')
  assert.equal(c.members[0].sourceRef, interest.id)
  const email = await lead.post(`/api/v1/consortia/${c.id}/members`, { email: 'x@example.test', source: 'brokerage' })
  assert.equal(email.status, 400)
  const brokerage = await lead.post(`/api/v1/consortia/${c.id}/members`, {
    organisationId: outsiderTeam.org.id,
    source: 'brokerage',
    sourceRef: interest.id,
  })
  assert.equal(brokerage.body.code, 'consortium_source_invalid', 'an interest is not a brokerage meeting')
})

test('my consortia: led and invited ones, with their rule check; dissolving ends the forming', async () => {
  const c = ok(await create(lead, { name: 'Listed one' }), 201)
  ok(await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: outsiderTeam.org.id }), 201)
  const mine = ok(await lead.get('/api/v1/consortia?pageSize=100'))
  assert.ok(mine.items.some((i: Json) => i.id === c.id && i.pending === 1 && i.rulesPass === false))
  const theirs = ok(await outsider.get('/api/v1/consortia?pageSize=100'))
  const entry = theirs.items.find((i: Json) => i.id === c.id)
  assert.equal(entry.invitedMe, true)
  assert.ok(!ok(await big.get('/api/v1/consortia')).items.some((i: Json) => i.id === c.id))

  assert.equal((await outsider.post(`/api/v1/consortia/${c.id}/dissolve`, {})).status, 403)
  const gone = ok(await lead.post(`/api/v1/consortia/${c.id}/dissolve`, {}))
  assert.equal(gone.status, 'dissolved')
  const late = await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: smeTeam.org.id })
  assert.equal(late.body.code, 'consortium_not_forming')
  const invitation = gone.members[0]
  const answer = await outsider.post(`/api/v1/consortia/${c.id}/members/${invitation.id}/accept`, {})
  assert.equal(answer.body.code, 'consortium_not_forming')
})
