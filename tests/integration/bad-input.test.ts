/** Bad input gets a clear problem+json answer with a stable code, and nothing is written. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const u = await createUser(t.db, t.programmeId)
const c = t.client()
await c.signIn(u.email, PASSWORD)

const count = async (table: 'organisations' | 'audit_events') =>
  Number((await t.db.selectFrom(table).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n)

test('a body over 1 MiB is refused with 413 payload_too_large', async () => {
  const before = await count('organisations')
  const res = await c.post('/api/v1/organisations', { legalName: 'x'.repeat(1_100_000), country: 'BE', type: 'sme' })
  assert.equal(res.status, 413)
  assert.equal(res.body.code, 'payload_too_large')
  assert.equal(await count('organisations'), before)
})

test('malformed JSON is refused with 400 bad_request', async () => {
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const raw = await t.app.http.inject({
    method: 'POST',
    url: '/api/v1/organisations',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie },
    payload: '{"legalName": "unterminated',
  })
  assert.equal(raw.statusCode, 400)
  const body = JSON.parse(raw.body)
  assert.equal(body.code, 'bad_request')
  assert.equal(raw.headers['content-type'], 'application/problem+json; charset=utf-8')
})

test('wrong types, unknown enum values and empty strings are named field by field; nothing is written', async () => {
  const before = await count('organisations')
  const events = await count('audit_events')
  const res = await c.post('/api/v1/organisations', { legalName: '   ', country: 'XX', type: 42, website: 'not a url' })
  assert.equal(res.status, 400)
  assert.equal(res.body.code, 'validation_failed')
  assert.deepEqual(res.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(), [
    'country:invalid_value',
    'legalName:too_small',
    'type:invalid_value',
    'website:invalid_url',
  ])
  assert.equal(await count('organisations'), before)
  assert.equal(await count('audit_events'), events)
})

test('a malformed id in a path is a 404 of the object, not a server error', async () => {
  const res = await c.get('/api/v1/organisations/not-a-uuid')
  assert.equal(res.status, 404)
  assert.equal(res.body.code, 'organisation_not_found')
})
