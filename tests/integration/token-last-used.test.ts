import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-03-14T12:00:00Z')
const t = await createTestApp({ clock })

test('an API token records when it was last used, to the minute, without a write per request', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(u.email, PASSWORD)
  const created = await c.post('/api/v1/me/tokens', { name: 'CI', scopes: ['profile:read'], expiresInDays: 30 })
  assert.equal(created.status, 201)
  const bearer = t.client()
  bearer.headers = {}
  const auth = { authorization: `Bearer ${created.body.token}` }
  const lastUsed = async () => {
    const list = await c.get('/api/v1/me/tokens')
    return list.body.items[0].lastUsedAt as string | null
  }
  assert.equal(await lastUsed(), null)

  const me = await bearer.get('/api/v1/me', auth)
  assert.equal(me.status, 200)
  assert.equal(me.body.user.id, u.id)
  assert.equal(await lastUsed(), '2026-03-14T12:00:00.000Z')

  // Used again within the minute: not written again.
  clock.advance(59_000)
  assert.equal((await bearer.get('/api/v1/me', auth)).status, 200)
  assert.equal(await lastUsed(), '2026-03-14T12:00:00.000Z')

  // A minute later, it is.
  clock.advance(2_000)
  assert.equal((await bearer.get('/api/v1/me', auth)).status, 200)
  assert.equal(await lastUsed(), '2026-03-14T12:01:01.000Z')
})
