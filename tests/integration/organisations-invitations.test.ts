import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { auditEvents, createInvitation, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, PUBLIC_URL } from '../support/app.ts'

const clock = new FixedClock('2026-03-02T10:00:00Z')
const t = await createTestApp({ clock })
const DAY = 86_400_000

async function mailTo(email: string) {
  return t.db.selectFrom('mail_messages').selectAll().where('to_address', '=', email).execute()
}

/** The token in the link of the only invitation mail sent to `email`. */
async function tokenMailedTo(email: string): Promise<string> {
  const mails = await mailTo(email)
  assert.equal(mails.length, 1)
  assert.equal(mails[0]!.template, 'invitation')
  const link = new RegExp(`${PUBLIC_URL}/app/invitations/([\\w-]{43})`).exec(mails[0]!.text_body)
  assert.ok(link, `a link in: ${mails[0]!.text_body}`)
  return link[1]!
}

test('invite → mail with link → preview → the invited person accepts once', async () => {
  const team = await createTeam(t.db, t.programmeId, { legalName: 'Invite Corp' })
  const invitee = await createUser(t.db, t.programmeId, { email: 'nina.new@example.test' })
  const owner = await signedIn(t, team.owner)
  const res = await owner.post(`/api/v1/organisations/${team.org.id}/invitations`, {
    email: ' NINA.new@example.test ',
    role: 'admin',
  })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  const { id, ...rest } = res.body
  assert.deepEqual(rest, {
    email: 'nina.new@example.test',
    role: 'admin',
    status: 'pending',
    invitedBy: 'Olivia Owner',
    createdAt: '2026-03-02T10:00:00.000Z',
    expiresAt: '2026-03-16T10:00:00.000Z',
  })
  const token = await tokenMailedTo('nina.new@example.test')
  // Only the hash is stored, and no response shows the token.
  const row = await t.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  assert.equal(row.token_hash, createHash('sha256').update(token).digest('hex'))
  const list = await owner.get(`/api/v1/organisations/${team.org.id}/invitations`)
  assert.deepEqual(
    list.body.items.map((i: { id: string }) => i.id),
    [id],
  )
  for (const body of [res.body, list.body]) {
    assert.equal(JSON.stringify(body).includes(token), false)
    assert.equal(JSON.stringify(body).includes(row.token_hash), false)
  }
  const [created] = await auditEvents(t.db, 'invitation.created', id)
  assert.deepEqual(created!.change, {
    organisationId: team.org.id,
    email: 'nina.new@example.test',
    role: 'admin',
    expiresAt: '2026-03-16T10:00:00.000Z',
  })

  const preview = await t.client().get(`/api/v1/invitations/${token}`)
  assert.equal(preview.status, 200)
  assert.deepEqual(preview.body, {
    organisation: { id: team.org.id, legalName: 'Invite Corp', country: 'BE' },
    email: 'nina.new@example.test',
    role: 'admin',
    status: 'pending',
    expiresAt: '2026-03-16T10:00:00.000Z',
  })

  clock.advance(DAY)
  const c = await signedIn(t, invitee)
  const accepted = await c.post(`/api/v1/invitations/${token}/accept`)
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
  assert.equal(accepted.body.id, team.org.id)
  assert.equal(accepted.body.myRole, 'admin')
  assert.equal(accepted.body.memberCount, 4)
  assert.deepEqual(accepted.body.abilities['members.manage'], { allowed: true })
  const m = await t.db
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', team.org.id)
    .where('user_id', '=', invitee.id)
    .executeTakeFirst()
  assert.equal(m?.role, 'admin')
  const [ev] = await auditEvents(t.db, 'invitation.accepted', id)
  assert.equal(ev!.actor_id, invitee.id)
  assert.deepEqual(ev!.change, {
    organisationId: team.org.id,
    email: 'nina.new@example.test',
    role: 'admin',
    userId: invitee.id,
  })

  const again = await c.post(`/api/v1/invitations/${token}/accept`)
  assert.equal(again.status, 410)
  assert.equal(again.body.code, 'invitation_used')
  assert.equal((await t.client().get(`/api/v1/invitations/${token}`)).body.status, 'accepted')
  assert.equal((await auditEvents(t.db, 'invitation.accepted', id)).length, 1)
})

test('someone signed in with another email is refused, and nothing is written', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const { id, token } = await createInvitation(t.db, {
    organisationId: team.org.id,
    email: 'intended@example.test',
    expiresAt: new Date(clock.now().getTime() + DAY),
  })
  const wrong = await signedIn(t, await createUser(t.db, t.programmeId))
  const res = await wrong.post(`/api/v1/invitations/${token}/accept`)
  assert.equal(res.status, 403)
  assert.equal(res.body.code, 'invitation_email_mismatch')
  const row = await t.db.selectFrom('invitations').select('accepted_at').where('id', '=', id).executeTakeFirst()
  assert.equal(row!.accepted_at, null)
  assert.equal((await auditEvents(t.db, 'invitation.accepted', id)).length, 0)
  assert.equal((await t.client().post(`/api/v1/invitations/${token}/accept`)).status, 401)
  const unknown = await wrong.get('/api/v1/invitations/this-token-does-not-exist-anywhere')
  assert.equal(unknown.status, 404)
  assert.equal(unknown.body.code, 'invitation_not_found')
})

test('an invitation expires after fourteen days: 410 invitation_expired', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const invitee = await createUser(t.db, t.programmeId)
  const owner = await signedIn(t, team.owner)
  const res = await owner.post(`/api/v1/organisations/${team.org.id}/invitations`, { email: invitee.email })
  assert.equal(res.status, 201)
  assert.equal(res.body.role, 'member')
  const token = await tokenMailedTo(invitee.email)
  clock.advance(14 * DAY)
  assert.equal((await t.client().get(`/api/v1/invitations/${token}`)).body.status, 'expired')
  const c = await signedIn(t, invitee)
  const late = await c.post(`/api/v1/invitations/${token}/accept`)
  assert.equal(late.status, 410)
  assert.equal(late.body.code, 'invitation_expired')
  const list = await owner.get(`/api/v1/organisations/${team.org.id}/invitations`)
  assert.equal(list.body.items[0].status, 'expired')
  // An expired invitation no longer blocks a new one.
  const again = await owner.post(`/api/v1/organisations/${team.org.id}/invitations`, { email: invitee.email })
  assert.equal(again.status, 201)
})

test('revoking an invitation stops its link; members and pending addresses are refused', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const base = `/api/v1/organisations/${team.org.id}/invitations`
  const admin = await signedIn(t, team.admin)
  const res = await admin.post(base, { email: 'later@example.test' })
  assert.equal(res.status, 201)
  const token = await tokenMailedTo('later@example.test')

  const pending = await admin.post(base, { email: 'LATER@example.test', role: 'admin' })
  assert.equal(pending.status, 409)
  assert.equal(pending.body.code, 'invitation_pending')
  const member = await admin.post(base, { email: team.member.email.toUpperCase() })
  assert.equal(member.status, 409)
  assert.equal(member.body.code, 'already_member')
  const asMember = await signedIn(t, team.member)
  const refused = await asMember.post(base, { email: 'x@example.test' })
  assert.equal(refused.status, 403)
  assert.equal(refused.body.reason, 'organisation_role_too_low')
  const bad = await admin.post(base, { email: 'not-an-email', role: 'owner' })
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['email', 'role'])
  assert.equal((await mailTo('later@example.test')).length, 1)

  const revoked = await admin.delete(`${base}/${res.body.id}`)
  assert.equal(revoked.status, 204)
  const [ev] = await auditEvents(t.db, 'invitation.revoked', res.body.id)
  assert.deepEqual(ev!.change, { organisationId: team.org.id, email: 'later@example.test', role: 'member' })
  assert.equal((await t.client().get(`/api/v1/invitations/${token}`)).body.status, 'revoked')
  const invitee = await createUser(t.db, t.programmeId, { email: 'later@example.test' })
  const c = await signedIn(t, invitee)
  const used = await c.post(`/api/v1/invitations/${token}/accept`)
  assert.equal(used.status, 410)
  assert.equal(used.body.code, 'invitation_used')
  const twice = await admin.delete(`${base}/${res.body.id}`)
  assert.equal(twice.status, 410)
  const other = await createTeam(t.db, t.programmeId)
  const elsewhere = await signedIn(t, other.owner)
  const foreign = await elsewhere.delete(`/api/v1/organisations/${other.org.id}/invitations/${res.body.id}`)
  assert.equal(foreign.status, 404)
  assert.equal(foreign.body.code, 'invitation_not_found')
})
