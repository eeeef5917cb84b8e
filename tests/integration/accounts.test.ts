import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()

async function lastMailTo(email: string) {
  return t.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
}

test('sign up, verify through the mailbox link, then sign in and read /me', async () => {
  const c = t.client()
  const email = 'new.person@example.test'
  const up = await c.post('/api/auth/sign-up/email', { name: 'New Person', email, password: 'a-long-password-1' })
  assert.equal(up.status, 200, JSON.stringify(up.body))
  // Not verified yet: sign-in is refused with a clear code.
  const early = await c.post('/api/auth/sign-in/email', { email, password: 'a-long-password-1' })
  assert.equal(early.status, 403)
  assert.equal(early.body.code, 'EMAIL_NOT_VERIFIED')

  const mail = await lastMailTo(email)
  assert.equal(mail.transport, 'mailbox')
  assert.equal(mail.template, 'verify')
  const link = /https?:\/\/\S+/.exec(mail.text_body)?.[0]
  assert.ok(link, `a link in: ${mail.text_body}`)
  const url = new URL(link)
  const verified = await c.get(url.pathname + url.search)
  assert.ok([200, 302].includes(verified.status), `verify answered ${verified.status}`)

  await c.signIn(email, 'a-long-password-1')
  const me = await c.get('/api/v1/me')
  assert.equal(me.status, 200)
  assert.equal(me.body.user.email, email)
  assert.equal(me.body.user.emailVerified, true)
  assert.deepEqual(me.body.programmeRoles, [])
  assert.equal(me.body.abilities['organisation.create'].allowed, true)
  assert.deepEqual(me.body.abilities['admin.users.view'], { allowed: false, reason: 'missing_role' })
})

test('a wrong password answers 401 with a stable code, and nothing about whether the account exists', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  const wrong = await c.post('/api/auth/sign-in/email', { email: u.email, password: 'not-the-password' })
  assert.equal(wrong.status, 401)
  assert.equal(wrong.body.code, 'INVALID_EMAIL_OR_PASSWORD')
  const unknown = await c.post('/api/auth/sign-in/email', {
    email: 'nobody@example.test',
    password: 'not-the-password',
  })
  assert.equal(unknown.status, 401)
  assert.equal(unknown.body.code, 'INVALID_EMAIL_OR_PASSWORD')
})

test('sign-in is throttled after five failures for one account, even with the right password', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  c.ip = '10.0.0.5'
  for (let i = 0; i < 5; i++) {
    const r = await c.post('/api/auth/sign-in/email', { email: u.email, password: 'wrong-password-x' })
    assert.equal(r.status, 401)
  }
  const blocked = await c.post('/api/auth/sign-in/email', { email: u.email, password: PASSWORD })
  assert.equal(blocked.status, 429)
  assert.equal(blocked.body.code, 'sign_in_throttled')
  assert.equal(blocked.body.scope, 'account')
  assert.ok(blocked.body.retryAfterSeconds > 0 && blocked.body.retryAfterSeconds <= 900)
  assert.equal(blocked.headers['retry-after'], String(blocked.body.retryAfterSeconds))
  assert.equal(blocked.headers['content-type'], 'application/problem+json; charset=utf-8')
  // Another account from another address is not affected.
  const other = await createUser(t.db, t.programmeId)
  const c2 = t.client()
  c2.ip = '10.0.0.6'
  await c2.signIn(other.email, PASSWORD)
})

test('sign-in is throttled per address after twenty failures across accounts', async () => {
  const c = t.client()
  c.ip = '10.0.0.9'
  for (let i = 0; i < 20; i++) {
    const r = await c.post('/api/auth/sign-in/email', { email: `probe${i}@example.test`, password: 'whatever-pass' })
    assert.equal(r.status, 401)
  }
  const u = await createUser(t.db, t.programmeId)
  const blocked = await c.post('/api/auth/sign-in/email', { email: u.email, password: PASSWORD })
  assert.equal(blocked.status, 429)
  assert.equal(blocked.body.scope, 'address')
})

test('the session cookie is httpOnly and SameSite=Lax; signing out ends the session', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  const res = await c.signIn(u.email, PASSWORD)
  const setCookie = String(res.headers['set-cookie'])
  assert.match(setCookie, /cascade\.session_token=/)
  assert.match(setCookie, /HttpOnly/i)
  assert.match(setCookie, /SameSite=Lax/i)
  assert.equal((await c.get('/api/v1/me')).status, 200)
  const out = await c.post('/api/auth/sign-out', {})
  assert.equal(out.status, 200)
  const after = await c.get('/api/v1/me')
  assert.equal(after.status, 401)
  assert.equal(after.body.code, 'not_signed_in')
})

test('a cookie-authenticated write from another origin is refused (CSRF)', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(u.email, PASSWORD)
  const cross = await c.patch('/api/v1/me', { name: 'Evil' }, { origin: 'https://evil.example' })
  assert.equal(cross.status, 403)
  assert.equal(cross.body.code, 'csrf_rejected')
  c.headers = {}
  const noOrigin = await c.patch('/api/v1/me', { name: 'Evil' })
  assert.equal(noOrigin.status, 403)
  const sameSite = await c.patch('/api/v1/me', { name: 'Fine Name' }, { 'sec-fetch-site': 'same-origin' })
  assert.equal(sameSite.status, 200)
  assert.equal(sameSite.body.user.name, 'Fine Name')
  const row = await t.db.selectFrom('users').select('name').where('id', '=', u.id).executeTakeFirstOrThrow()
  assert.equal(row.name, 'Fine Name')
})

test('profile changes are validated field by field and audited', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(u.email, PASSWORD)
  const bad = await c.patch('/api/v1/me', { name: '', locale: 'de' })
  assert.equal(bad.status, 400)
  assert.equal(bad.body.code, 'validation_failed')
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['locale', 'name'])
  const ok = await c.patch('/api/v1/me', { locale: 'fr' })
  assert.equal(ok.body.user.locale, 'fr')
  const ev = await t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'user.profile_updated')
    .where('actor_id', '=', u.id)
    .executeTakeFirstOrThrow()
  assert.deepEqual(ev.change, { locale: 'fr' })
})

test('personal API tokens authenticate with their scopes only, and stop working when revoked', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(u.email, PASSWORD)
  const created = await c.post('/api/v1/me/tokens', { name: 'CI', scopes: ['profile:read'], expiresInDays: 30 })
  assert.equal(created.status, 201)
  assert.match(created.body.token, /^cas_/)
  const bearer = t.client()
  bearer.headers = {}
  const auth = { authorization: `Bearer ${created.body.token}` }
  const me = await bearer.get('/api/v1/me', auth)
  assert.equal(me.status, 200)
  assert.equal(me.body.user.id, u.id)
  const write = await bearer.patch('/api/v1/me', { name: 'x' }, auth)
  assert.equal(write.status, 403)
  assert.equal(write.body.reason, 'token_scope_missing')
  const list = await c.get('/api/v1/me/tokens')
  assert.equal(list.body.items.length, 1)
  assert.equal(list.body.items[0].prefix, created.body.token.slice(0, 10))
  assert.equal(JSON.stringify(list.body).includes(created.body.token), false)
  const del = await c.delete(`/api/v1/me/tokens/${created.body.id}`)
  assert.equal(del.status, 204)
  const after = await bearer.get('/api/v1/me', auth)
  assert.equal(after.status, 401)
  assert.equal(after.body.code, 'invalid_token')
})

function linkIn(text: string): URL {
  const link = /https?:\/\/\S+/.exec(text)?.[0]
  assert.ok(link, `a link in: ${text}`)
  return new URL(link)
}

test('password reset: the mailed link lets the person set a new password; old sessions end', async () => {
  const u = await createUser(t.db, t.programmeId)
  const old = t.client()
  await old.signIn(u.email, PASSWORD)
  const c = t.client()
  const asked = await c.post('/api/auth/request-password-reset', { email: u.email, redirectTo: '/app/reset-password' })
  assert.equal(asked.status, 200)
  // Asking for an unknown address answers the same, so nobody can probe for accounts.
  const unknown = await c.post('/api/auth/request-password-reset', {
    email: 'ghost@example.test',
    redirectTo: '/app/reset-password',
  })
  assert.equal(unknown.status, 200)
  const mail = await lastMailTo(u.email)
  assert.equal(mail.template, 'reset')
  const link = linkIn(mail.text_body)
  const token = /reset-password\/([^/?]+)/.exec(link.pathname)?.[1]
  assert.ok(token, link.href)
  const tooShort = await c.post('/api/auth/reset-password', { newPassword: 'short', token })
  assert.equal(tooShort.status, 400)
  const reset = await c.post('/api/auth/reset-password', { newPassword: 'a-brand-new-password', token })
  assert.equal(reset.status, 200, JSON.stringify(reset.body))
  assert.equal((await old.get('/api/v1/me')).status, 401)
  await t.client().signIn(u.email, 'a-brand-new-password')
  const reused = await c.post('/api/auth/reset-password', { newPassword: 'another-new-password', token })
  assert.equal(reused.status, 400)
})

test('change of email: the new address must be verified through the mailed link', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(u.email, PASSWORD)
  const newEmail = `changed-${u.email}`
  const asked = await c.post('/api/auth/change-email', { newEmail, callbackURL: '/app/profile' })
  assert.equal(asked.status, 200, JSON.stringify(asked.body))
  assert.equal((await c.get('/api/v1/me')).body.user.email, u.email)
  const mail = await lastMailTo(newEmail)
  const link = linkIn(mail.text_body)
  const verified = await c.get(link.pathname + link.search)
  assert.ok([200, 302].includes(verified.status), `verify answered ${verified.status}`)
  assert.equal((await c.get('/api/v1/me')).body.user.email, newEmail)
  await t.client().signIn(newEmail, PASSWORD)
})
