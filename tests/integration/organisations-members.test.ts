import assert from 'node:assert/strict'
import { test } from 'node:test'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()

const rolesOf = async (organisationId: string) =>
  Object.fromEntries(
    (
      await t.db
        .selectFrom('memberships')
        .select(['user_id', 'role'])
        .where('organisation_id', '=', organisationId)
        .execute()
    ).map((m) => [m.user_id, m.role]),
  )

const allowed = { allowed: true }
const tooLow = { allowed: false, reason: 'organisation_role_too_low' }

test('the member list carries per-member abilities: an admin may not touch the owner', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const admin = await signedIn(t, team.admin)
  const res = await admin.get(`/api/v1/organisations/${team.org.id}/members`)
  assert.equal(res.status, 200)
  assert.deepEqual(
    res.body.items.map((m: { userId: string; role: string; name: string; abilities: unknown }) => [
      m.userId,
      m.role,
      m.name,
      m.abilities,
    ]),
    [
      [team.owner.id, 'owner', 'Olivia Owner', { changeRole: tooLow, remove: tooLow }],
      [team.admin.id, 'admin', 'Adam Admin', { changeRole: allowed, remove: allowed }],
      [team.member.id, 'member', 'Mia Member', { changeRole: allowed, remove: allowed }],
    ],
  )
  const owner = await signedIn(t, team.owner)
  const asOwner = await owner.get(`/api/v1/organisations/${team.org.id}/members`)
  assert.deepEqual(asOwner.body.items[0].abilities, {
    changeRole: { allowed: false, reason: 'last_owner' },
    remove: { allowed: false, reason: 'last_owner' },
  })
  const member = await signedIn(t, team.member)
  const asMember = await member.get(`/api/v1/organisations/${team.org.id}/members`)
  assert.deepEqual(asMember.body.items[2].abilities, { changeRole: tooLow, remove: tooLow })
})

test('an admin changes and removes members but cannot demote, promote to or remove an owner', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const base = `/api/v1/organisations/${team.org.id}/members`
  const admin = await signedIn(t, team.admin)
  const promoted = await admin.patch(`${base}/${team.member.id}`, { role: 'admin' })
  assert.equal(promoted.status, 200, JSON.stringify(promoted.body))
  assert.deepEqual(
    { userId: promoted.body.userId, role: promoted.body.role },
    { userId: team.member.id, role: 'admin' },
  )
  const [ev] = await auditEvents(t.db, 'membership.role_changed', team.org.id)
  assert.deepEqual(ev!.change, { userId: team.member.id, role: { before: 'member', after: 'admin' } })
  assert.equal(ev!.actor_id, team.admin.id)

  for (const r of [
    await admin.patch(`${base}/${team.owner.id}`, { role: 'member' }),
    await admin.patch(`${base}/${team.member.id}`, { role: 'owner' }),
    await admin.delete(`${base}/${team.owner.id}`),
  ]) {
    assert.equal(r.status, 403)
    assert.equal(r.body.reason, 'organisation_role_too_low')
  }
  const removed = await admin.delete(`${base}/${team.member.id}`)
  assert.equal(removed.status, 204)
  assert.deepEqual(await rolesOf(team.org.id), { [team.owner.id]: 'owner', [team.admin.id]: 'admin' })
  const [rm] = await auditEvents(t.db, 'membership.removed', team.org.id)
  assert.deepEqual(rm!.change, { userId: team.member.id, role: 'admin' })
  const gone = await admin.delete(`${base}/${team.member.id}`)
  assert.equal(gone.status, 404)
  assert.equal(gone.body.code, 'member_not_found')
  assert.equal((await auditEvents(t.db, 'membership.role_changed', team.org.id)).length, 1)

  const owner = await signedIn(t, team.owner)
  const coOwner = await owner.patch(`${base}/${team.admin.id}`, { role: 'owner' })
  assert.equal(coOwner.status, 200)
  assert.deepEqual(await rolesOf(team.org.id), { [team.owner.id]: 'owner', [team.admin.id]: 'owner' })
})

test('the last owner cannot be demoted, removed or leave: 409 last_owner and nothing changes', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const base = `/api/v1/organisations/${team.org.id}`
  const before = await rolesOf(team.org.id)
  const owner = await signedIn(t, team.owner)
  const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
  const attempts = [
    await owner.patch(`${base}/members/${team.owner.id}`, { role: 'admin' }),
    await owner.delete(`${base}/members/${team.owner.id}`),
    await owner.post(`${base}/leave`),
    await operator.patch(`${base}/members/${team.owner.id}`, { role: 'member' }),
    await operator.delete(`${base}/members/${team.owner.id}`),
  ]
  for (const r of attempts) {
    assert.equal(r.status, 409)
    assert.equal(r.body.code, 'last_owner')
  }
  assert.match(attempts[2]!.body.detail, /transfer ownership/)
  assert.deepEqual(await rolesOf(team.org.id), before)
  for (const action of ['membership.role_changed', 'membership.removed', 'membership.left']) {
    assert.equal((await auditEvents(t.db, action, team.org.id)).length, 0, action)
  }
})

test('a member leaves (audited) and then loses access', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const member = await signedIn(t, team.member)
  const res = await member.post(`/api/v1/organisations/${team.org.id}/leave`)
  assert.equal(res.status, 204)
  const [ev] = await auditEvents(t.db, 'membership.left', team.org.id)
  assert.deepEqual(ev!.change, { userId: team.member.id, role: 'member' })
  assert.equal(ev!.actor_id, team.member.id)
  const after = await member.get(`/api/v1/organisations/${team.org.id}`)
  assert.equal(after.status, 403)
  assert.equal(after.body.reason, 'not_a_member')
})

test('an owner transfers ownership to a member and becomes admin', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const url = `/api/v1/organisations/${team.org.id}/transfer-ownership`
  const admin = await signedIn(t, team.admin)
  const refused = await admin.post(url, { userId: team.member.id })
  assert.equal(refused.status, 403)
  assert.equal(refused.body.reason, 'organisation_role_too_low')
  const owner = await signedIn(t, team.owner)
  const stranger = await createUser(t.db, t.programmeId)
  const notMember = await owner.post(url, { userId: stranger.id })
  assert.equal(notMember.status, 400)
  assert.deepEqual(
    notMember.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['userId', 'not_a_member']],
  )
  const res = await owner.post(url, { userId: team.member.id })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.myRole, 'admin')
  assert.deepEqual(res.body.abilities['ownership.transfer'], tooLow)
  assert.deepEqual(res.body.abilities.leave, allowed)
  assert.deepEqual(await rolesOf(team.org.id), {
    [team.owner.id]: 'admin',
    [team.admin.id]: 'admin',
    [team.member.id]: 'owner',
  })
  const [ev] = await auditEvents(t.db, 'organisation.ownership_transferred', team.org.id)
  assert.deepEqual(ev!.change, {
    userId: team.member.id,
    changes: [
      { userId: team.member.id, from: 'member', to: 'owner' },
      { userId: team.owner.id, from: 'owner', to: 'admin' },
    ],
  })
})

test('an operator transferring ownership turns every previous owner into an admin', async () => {
  const second = await createUser(t.db, t.programmeId)
  const team = await createTeam(t.db, t.programmeId, { members: [{ user: second, role: 'owner' }] })
  const op = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
  const res = await op.post(`/api/v1/organisations/${team.org.id}/transfer-ownership`, { userId: team.admin.id })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.myRole, null)
  assert.deepEqual(await rolesOf(team.org.id), {
    [team.owner.id]: 'admin',
    [second.id]: 'admin',
    [team.admin.id]: 'owner',
    [team.member.id]: 'member',
  })
  assert.equal((await auditEvents(t.db, 'organisation.ownership_transferred', team.org.id)).length, 1)
})

test('two owners demoting each other at the same time leave exactly one owner', async () => {
  for (let round = 0; round < 3; round++) {
    const a = await createUser(t.db, t.programmeId)
    const b = await createUser(t.db, t.programmeId)
    const team = await createTeam(t.db, t.programmeId, { members: [{ user: a, role: 'owner' }] })
    // The team's own owner steps down first, so a and b are the only owners.
    await t.db.updateTable('memberships').set({ role: 'admin' }).where('user_id', '=', team.owner.id).execute()
    await t.db
      .insertInto('memberships')
      .values({ organisation_id: team.org.id, user_id: b.id, role: 'owner' })
      .execute()
    const [ca, cb] = [await signedIn(t, a), await signedIn(t, b)]
    const base = `/api/v1/organisations/${team.org.id}/members`
    const results = await Promise.all([
      ca.patch(`${base}/${b.id}`, { role: 'member' }),
      cb.patch(`${base}/${a.id}`, { role: 'member' }),
    ])
    // The loser's role is read again under the organisation's lock: it is no longer an owner.
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 403], JSON.stringify(results.map((r) => r.body)))
    assert.equal(results.find((r) => r.status === 403)!.body.reason, 'organisation_role_too_low')
    const roles = await rolesOf(team.org.id)
    assert.equal(Object.values(roles).filter((r) => r === 'owner').length, 1)
    assert.equal((await auditEvents(t.db, 'membership.role_changed', team.org.id)).length, 1)
  }
})
