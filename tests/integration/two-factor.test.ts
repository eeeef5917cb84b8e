import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'
import { totpFromUri } from '../support/totp.ts'

const t = await createTestApp()

test('when the programme requires it, an operator without two-factor sign-in holds no operator rights until set up', async () => {
  await t.db
    .updateTable('programmes')
    .set({ require_operator_two_factor: true })
    .where('id', '=', t.programmeId)
    .execute()
  const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
  const c = t.client()
  await c.signIn(operator.email, PASSWORD)

  const me = await c.get('/api/v1/me')
  assert.equal(me.body.twoFactorRequired, true)
  assert.equal(me.body.programmeRoles[0].effective, false)
  assert.deepEqual(me.body.abilities['admin.users.view'], { allowed: false, reason: 'two_factor_required' })
  const denied = await c.get('/api/v1/admin/users')
  assert.equal(denied.status, 403)
  assert.equal(denied.body.code, 'two_factor_required')

  // Set up TOTP as the UI does: enable with the password, then confirm with a first code.
  const enable = await c.post('/api/auth/two-factor/enable', { password: PASSWORD })
  assert.equal(enable.status, 200, JSON.stringify(enable.body))
  assert.match(enable.body.totpURI, /^otpauth:\/\/totp\//)
  assert.equal(enable.body.backupCodes.length, 10)
  const confirm = await c.post('/api/auth/two-factor/verify-totp', { code: totpFromUri(enable.body.totpURI) })
  assert.equal(confirm.status, 200, JSON.stringify(confirm.body))

  const after = await c.get('/api/v1/me')
  assert.equal(after.body.user.twoFactorEnabled, true)
  assert.equal(after.body.twoFactorRequired, false)
  assert.equal((await c.get('/api/v1/admin/users')).status, 200)

  // Signing in again now asks for a code; a wrong one is refused, the right one opens the session.
  const fresh = t.client()
  const first = await fresh.post('/api/auth/sign-in/email', { email: operator.email, password: PASSWORD })
  assert.equal(first.status, 200)
  assert.equal(first.body.twoFactorRedirect, true)
  assert.equal((await fresh.get('/api/v1/me')).status, 401)
  const wrong = await fresh.post('/api/auth/two-factor/verify-totp', { code: '000000' })
  assert.equal(wrong.status, 401)
  const right = await fresh.post('/api/auth/two-factor/verify-totp', { code: totpFromUri(enable.body.totpURI) })
  assert.equal(right.status, 200, JSON.stringify(right.body))
  assert.equal((await fresh.get('/api/v1/me')).status, 200)
  await t.db
    .updateTable('programmes')
    .set({ require_operator_two_factor: false })
    .where('id', '=', t.programmeId)
    .execute()
})

test('two-factor secrets never appear in the activity log', async () => {
  const rows = await t.db.selectFrom('audit_events').select('change').execute()
  const text = JSON.stringify(rows)
  assert.equal(/otpauth|backupCodes"\s*:\s*"[^[]/.test(text), false)
})

test('an operator can require two-factor sign-in of operators only once they use it themselves', async () => {
  const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
  const c = t.client()
  await c.signIn(operator.email, PASSWORD)
  const refused = await c.patch('/api/v1/programme', { requireOperatorTwoFactor: true })
  assert.equal(refused.status, 403)
  assert.equal(refused.body.code, 'two_factor_required')
  const enable = await c.post('/api/auth/two-factor/enable', { password: PASSWORD })
  await c.post('/api/auth/two-factor/verify-totp', { code: totpFromUri(enable.body.totpURI) })
  const on = await c.patch('/api/v1/programme', { requireOperatorTwoFactor: true })
  assert.equal(on.status, 200)
  assert.equal(on.body.requireOperatorTwoFactor, true)
  const ev = await t.db
    .selectFrom('audit_events')
    .select(['change', 'actor_id'])
    .where('action', '=', 'programme.settings_updated')
    .executeTakeFirstOrThrow()
  assert.deepEqual(ev.change, { requireOperatorTwoFactor: { from: false, to: true } })
  assert.equal(ev.actor_id, operator.id)
  const off = await c.patch('/api/v1/programme', { requireOperatorTwoFactor: false })
  assert.equal(off.body.requireOperatorTwoFactor, false)
})
