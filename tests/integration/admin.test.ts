import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seedId } from '../../server/seed/ids.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator', name: 'Olga Operator' })
const op = t.client()
await op.signIn(operator.email, PASSWORD)
const hsd = seedId('cluster:securit:hsd')

test('an operator gives someone cluster-staff rights; the person then holds them', async () => {
  const person = await createUser(t.db, t.programmeId, { name: 'Carla Cluster' })
  const list = await op.get(`/api/v1/admin/users?q=${encodeURIComponent('carla')}`)
  assert.equal(list.status, 200)
  assert.equal(list.body.total, 1)
  assert.equal(list.body.items[0].id, person.id)
  assert.deepEqual(list.body.items[0].programmeRoles, [])

  const missingCluster = await op.post('/api/v1/admin/programme-roles', { userId: person.id, role: 'cluster_staff' })
  assert.equal(missingCluster.status, 400)
  assert.deepEqual(missingCluster.body.errors, [
    { path: 'clusterId', code: 'cluster_required_for_cluster_staff', message: 'cluster_required_for_cluster_staff' },
  ])

  const granted = await op.post('/api/v1/admin/programme-roles', {
    userId: person.id,
    role: 'cluster_staff',
    clusterId: hsd,
  })
  assert.equal(granted.status, 201)
  const again = await op.post('/api/v1/admin/programme-roles', {
    userId: person.id,
    role: 'cluster_staff',
    clusterId: hsd,
  })
  assert.equal(again.status, 409)
  assert.equal(again.body.code, 'role_already_granted')

  const c = t.client()
  await c.signIn(person.email, PASSWORD)
  const me = await c.get('/api/v1/me')
  assert.deepEqual(
    me.body.programmeRoles.map((r: { role: string; clusterName: string }) => [r.role, r.clusterName]),
    [['cluster_staff', 'HSD']],
  )
  assert.equal(me.body.abilities['organisation.list'].allowed, true)
  assert.equal(me.body.abilities['admin.users.view'].allowed, false)

  const ev = await t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'programme_role.granted')
    .where('subject_id', '=', person.id)
    .executeTakeFirstOrThrow()
  assert.equal(ev.actor_id, operator.id)
  assert.deepEqual(ev.change, { grantId: granted.body.id, role: 'cluster_staff', clusterId: hsd, email: person.email })

  const revoked = await op.delete(`/api/v1/admin/programme-roles/${granted.body.id}`)
  assert.equal(revoked.status, 204)
  const me2 = await c.get('/api/v1/me')
  assert.deepEqual(me2.body.programmeRoles, [])
})

test('the last operator cannot be revoked', async () => {
  const grants = await t.db.selectFrom('programme_roles').select('id').where('role', '=', 'operator').execute()
  assert.equal(grants.length, 1)
  const res = await op.delete(`/api/v1/admin/programme-roles/${grants[0]!.id}`)
  assert.equal(res.status, 409)
  assert.equal(res.body.code, 'last_operator')
  assert.equal(
    (await t.db.selectFrom('programme_roles').select('id').where('role', '=', 'operator').execute()).length,
    1,
  )
})

test('granting to an unknown user or cluster answers 404 with the field named', async () => {
  const person = await createUser(t.db, t.programmeId)
  const noUser = await op.post('/api/v1/admin/programme-roles', {
    userId: '00000000-0000-4000-8000-000000000000',
    role: 'expert',
  })
  assert.equal(noUser.status, 404)
  assert.equal(noUser.body.code, 'user_not_found')
  const noCluster = await op.post('/api/v1/admin/programme-roles', {
    userId: person.id,
    role: 'cluster_staff',
    clusterId: '00000000-0000-4000-8000-000000000000',
  })
  assert.equal(noCluster.status, 404)
  assert.deepEqual(
    noCluster.body.errors.map((e: { path: string }) => e.path),
    ['clusterId'],
  )
})

test('a disabled account is signed out and cannot sign in again; operators cannot disable themselves', async () => {
  const person = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(person.email, PASSWORD)
  const off = await op.patch(`/api/v1/admin/users/${person.id}`, { disabled: true })
  assert.equal(off.status, 200)
  assert.equal((await c.get('/api/v1/me')).status, 401)
  const again = await t.client().post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD })
  assert.notEqual(again.status, 200)
  const self = await op.patch(`/api/v1/admin/users/${operator.id}`, { disabled: true })
  assert.equal(self.status, 409)
  assert.equal(self.body.code, 'self_change_refused')
  const on = await op.patch(`/api/v1/admin/users/${person.id}`, { disabled: false })
  assert.equal(on.status, 200)
  await t.client().signIn(person.email, PASSWORD)
})

test('users list: filter by role, sort and page with exact totals', async () => {
  for (let i = 0; i < 3; i++) await createUser(t.db, t.programmeId, { programmeRole: 'expert', name: `Expert ${i}` })
  const experts = await op.get('/api/v1/admin/users?role=expert&sort=name&pageSize=2')
  assert.equal(experts.status, 200)
  assert.equal(experts.body.total, 3)
  assert.deepEqual(
    experts.body.items.map((u: { name: string }) => u.name),
    ['Expert 0', 'Expert 1'],
  )
  const page2 = await op.get('/api/v1/admin/users?role=expert&sort=name&pageSize=2&page=2')
  assert.deepEqual(
    page2.body.items.map((u: { name: string }) => u.name),
    ['Expert 2'],
  )
  const bad = await op.get('/api/v1/admin/users?pageSize=1000&sort=password')
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['pageSize', 'sort'])
})

test('activity log: filter by actor, subject and time', async () => {
  const person = await createUser(t.db, t.programmeId)
  await op.post('/api/v1/admin/programme-roles', { userId: person.id, role: 'expert' })
  const byActor = await op.get(
    `/api/v1/admin/audit-events?actor=${encodeURIComponent(operator.email)}&subjectId=${person.id}`,
  )
  assert.equal(byActor.status, 200)
  assert.equal(byActor.body.total, 1)
  assert.equal(byActor.body.items[0].action, 'programme_role.granted')
  assert.equal(byActor.body.items[0].actorLabel, operator.email)
  const future = await op.get(`/api/v1/admin/audit-events?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)
  assert.equal(future.body.total, 0)
  const seeded = await op.get('/api/v1/admin/audit-events?subjectType=programme&sort=seq')
  assert.equal(seeded.body.items[0].action, 'programme.seeded')
  assert.equal(seeded.body.items[0].actorType, 'system')
})

test('the development mailbox shows kept messages to operators only', async () => {
  const email = 'mailbox.check@example.test'
  await t.client().post('/api/auth/sign-up/email', { name: 'Mailbox Check', email, password: 'a-long-password-2' })
  const list = await op.get(`/api/v1/admin/mailbox?to=${encodeURIComponent(email)}`)
  assert.equal(list.status, 200)
  assert.equal(list.body.total, 1)
  const msg = await op.get(`/api/v1/admin/mailbox/${list.body.items[0].id}`)
  assert.equal(msg.body.to, email)
  assert.equal(msg.body.transport, 'mailbox')
  assert.match(msg.body.textBody, /\/api\/auth\/verify-email\?token=/)
  const person = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(person.email, PASSWORD)
  const denied = await c.get('/api/v1/admin/mailbox')
  assert.equal(denied.status, 403)
  assert.equal(denied.body.reason, 'missing_role')
})
