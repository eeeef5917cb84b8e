import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()

test('the OpenAPI document is valid OpenAPI 3.1 and lists every API route', async () => {
  const res = await t.client().get('/api/v1/openapi.json')
  assert.equal(res.status, 200)
  const doc = res.body
  assert.equal(doc.openapi, '3.1.0')
  const validator = new Validator()
  const result = await validator.validate(doc)
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2))
  const documented = new Set<string>()
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`)
  }
  for (const r of t.app.http.apiRoutes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}')
    assert.ok(documented.has(`${r.method} ${path}`), `${r.method} ${path} is missing from the OpenAPI document`)
  }
})

test('the API reference is browsable at /api/docs', async () => {
  const res = await t.client().get('/api/docs/')
  assert.equal(res.status, 200)
  assert.match(String(res.headers['content-type']), /text\/html/)
})

test('health: /healthz is alive and /readyz checks the database', async () => {
  const c = t.client()
  assert.deepEqual((await c.get('/healthz')).body, { status: 'ok' })
  assert.deepEqual((await c.get('/readyz')).body, { status: 'ready' })
})

test('unknown API paths answer problem+json 404 with a request id', async () => {
  const res = await t.client().get('/api/v1/nothing-here', { 'x-request-id': 'req-12345678' })
  assert.equal(res.status, 404)
  assert.equal(res.body.code, 'not_found')
  assert.equal(res.body.requestId, 'req-12345678')
  assert.equal(res.headers['x-request-id'], 'req-12345678')
})
