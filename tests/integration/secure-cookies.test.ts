import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const origin = 'https://cascade.example.org'
const t = await createTestApp({ env: { PUBLIC_URL: origin } })

test('behind HTTPS the session cookie is Secure (and __Secure- prefixed), httpOnly and SameSite=Lax', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  c.headers = { origin }
  const res = await c.signIn(u.email, PASSWORD)
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.includes('session_token='))
  assert.ok(cookie, 'a session cookie is set')
  assert.match(cookie, /^__Secure-cascade\.session_token=/)
  assert.match(cookie, /;\s*Secure/i)
  assert.match(cookie, /;\s*HttpOnly/i)
  assert.match(cookie, /;\s*SameSite=Lax/i)
  assert.equal((await c.get('/api/v1/me')).status, 200)
  // A write must come from the HTTPS origin itself.
  const plain = await c.patch('/api/v1/me', { name: 'X' }, { origin: 'http://cascade.example.org' })
  assert.equal(plain.body.code, 'csrf_rejected')
})
