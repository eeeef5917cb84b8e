/** Operators write challenges: versions, stale writes, publication, calls and use cases, all audited. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { seedId } from '../../server/seed/ids.ts'
import { publishCalls } from '../factories/calls.ts'
import { createOrganisation, createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const started = new Date(Math.floor(Date.now() / 1000) * 1000)
const clock = new FixedClock(started)
const t = await createTestApp({ clock })
// The programme seed leaves OC1 and OC2 as drafts; these public pages show them published.
await publishCalls(t.db, t.programmeId)
const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const op = t.client()
await op.signIn(operator.email, PASSWORD)
const anon = t.client()
const D1 = seedId('domain:securit:D1')
const OC2 = seedId('call:securit:OC2')

const input = {
  domainId: D1,
  code: 'D1-C5',
  title: 'Securing river ports against an intruder',
  summary: 'Spot a lone intruder on quays and pontoons of inland ports at night.',
  content: {
    problem: 'Inland ports have long, open quays.',
    expectedOutcome: 'Security staff see where an intruder is.',
    requirements: ['Works at night'],
    endUserOffers: { testBed: 'A river port', data: '', validation: 'Night trials' },
  },
  trlMin: 5,
  trlMax: 7,
}

async function useCase(org: { id: string }, status: string, confidentiality: string, n: number) {
  const row = await t.db
    .insertInto('use_cases')
    .values({
      programme_id: t.programmeId,
      organisation_id: org.id,
      domain_id: D1,
      reference: `UC-TEST-${n}`,
      status,
      confidentiality,
      title: `Use case ${n}`,
      content: JSON.stringify({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

test('validation errors name the fields to fix', async () => {
  const res = await op.post('/api/v1/challenges', { ...input, code: 'D2-C9', trlMin: 8, trlMax: 5 })
  assert.equal(res.status, 400)
  assert.equal(res.body.code, 'validation_failed')
  assert.deepEqual(
    res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['code', 'code_domain_mismatch'],
      ['trlMax', 'trl_range'],
    ],
  )
  const bad = await op.post('/api/v1/challenges', {
    ...input,
    code: 'C5',
    trlMax: 10,
    content: { ...input.content, requirements: [] },
  })
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), [
    'code',
    'content.requirements',
    'trlMax',
  ])
})

test('create → versions → publish → public → unpublish → gone', async () => {
  const created = await op.post('/api/v1/challenges', input)
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const c = created.body
  assert.equal(c.status, 'draft')
  assert.equal(c.version, 1)
  assert.equal(c.slug, 'securing-river-ports-against-an-intruder')
  assert.equal(c.language, 'en')
  assert.equal(c.domain.code, 'D1')
  assert.deepEqual([c.calls, c.tags, c.useCaseIds, c.demo, c.publishedAt], [[], [], [], false, null])
  assert.equal(c.createdAt, started.toISOString())

  // A draft is nowhere in public: not in the list, the total, a search, nor by its slug.
  assert.equal((await anon.get('/api/v1/challenges')).body.total, 11)
  assert.equal((await anon.get('/api/v1/challenges?q=intruders')).body.total, 1)
  assert.equal((await anon.get(`/api/v1/challenges/${c.slug}`)).status, 404)

  const saved = await op.patch(`/api/v1/challenges/${c.id}`, {
    expectedVersion: 1,
    summary: 'Spot a lone intruder on the quays of inland ports.',
  })
  assert.equal(saved.status, 200)
  assert.equal(saved.body.version, 2)
  const stale = await op.patch(`/api/v1/challenges/${c.id}`, { expectedVersion: 1, title: 'Lost update' })
  assert.equal(stale.status, 409)
  assert.equal(stale.body.code, 'conflict')
  assert.deepEqual(stale.body.errors, [
    {
      path: 'expectedVersion',
      code: 'stale_version',
      message: 'The challenge was changed since you opened it: it is now at version 2.',
    },
  ])
  const versions = await op.get(`/api/v1/challenges/${c.id}/versions`)
  assert.deepEqual(
    versions.body.items.map((v: { version: number; summary: string; authorId: string }) => [
      v.version,
      v.summary,
      v.authorId,
    ]),
    [
      [2, 'Spot a lone intruder on the quays of inland ports.', operator.id],
      [1, input.summary, operator.id],
    ],
  )

  clock.advance(60_000)
  const published = await op.post(`/api/v1/challenges/${c.id}/publish`)
  assert.equal(published.status, 200)
  assert.equal(published.body.status, 'published')
  assert.equal(published.body.publishedAt, new Date(started.getTime() + 60_000).toISOString())
  assert.equal((await op.post(`/api/v1/challenges/${c.id}/publish`)).status, 409)

  const list = await anon.get('/api/v1/challenges?q=intruders')
  assert.equal(list.status, 200)
  assert.deepEqual(list.body.items.map((i: { code: string }) => i.code).sort(), ['D1-C2', 'D1-C5'])
  assert.equal(list.body.total, 2)
  assert.equal((await anon.get('/api/v1/challenges')).body.total, 12)
  const one = await anon.get(`/api/v1/challenges/${c.slug}`)
  assert.equal(one.status, 200)
  assert.deepEqual([one.body.code, one.body.version, one.body.askedBy], ['D1-C5', undefined, []])

  const unpublished = await op.post(`/api/v1/challenges/${c.id}/unpublish`)
  assert.equal(unpublished.body.status, 'unpublished')
  assert.equal((await anon.get(`/api/v1/challenges/${c.slug}`)).status, 404)
  assert.equal((await anon.get('/api/v1/challenges?q=intruders')).body.total, 1)

  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'actor_label'])
    .where('subject_id', '=', c.id)
    .orderBy('seq')
    .execute()
  assert.deepEqual(audit, [
    { action: 'challenge.created', actor_label: operator.email },
    { action: 'challenge.updated', actor_label: operator.email },
    { action: 'challenge.published', actor_label: operator.email },
    { action: 'challenge.unpublished', actor_label: operator.email },
  ])
})

test('calls and use cases: linked both ways, only public end-users are named', async () => {
  const c = (await op.post('/api/v1/challenges', { ...input, code: 'D1-C6', slug: 'port-watch' })).body
  await op.post(`/api/v1/challenges/${c.id}/publish`)
  const linked = await op.request('PUT', `/api/v1/challenges/${c.id}/calls/${OC2}`)
  assert.deepEqual(
    linked.body.calls.map((k: { code: string }) => k.code),
    ['OC2'],
  )
  assert.equal((await anon.get('/api/v1/challenges?call=OC2')).body.total, 9)

  const port = await createOrganisation(t.db, { legalName: 'Port de Démoville', country: 'FR' })
  const secret = await createOrganisation(t.db, { legalName: 'Hidden Utility BV', country: 'NL' })
  const open = await useCase(port, 'accepted', 'public', 1)
  const restricted = await useCase(secret, 'accepted', 'restricted', 2)
  const draft = await useCase(port, 'draft', 'public', 3)
  const refused = await op.post(`/api/v1/challenges/${c.id}/use-cases`, { useCaseIds: [open, draft, OC2] })
  assert.equal(refused.status, 400)
  assert.deepEqual(
    refused.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['useCaseIds.1', 'not_accepted'],
      ['useCaseIds.2', 'not_found'],
    ],
  )
  const ok = await op.post(`/api/v1/challenges/${c.id}/use-cases`, { useCaseIds: [open, restricted] })
  assert.equal(ok.status, 200)
  assert.deepEqual([...ok.body.useCaseIds].sort(), [open, restricted].sort())
  // Linking promotes the use cases, in the same transaction, with their own transition records.
  const statuses = await t.db
    .selectFrom('use_cases')
    .select(['id', 'status'])
    .where('id', 'in', [open, restricted])
    .execute()
  assert.deepEqual(
    statuses.map((u) => u.status),
    ['promoted', 'promoted'],
  )
  const moves = await t.db
    .selectFrom('use_case_transitions')
    .select(['to_status'])
    .where('use_case_id', '=', open)
    .execute()
  assert.deepEqual(
    moves.map((m) => m.to_status),
    ['promoted'],
  )
  const pub = await anon.get('/api/v1/challenges/port-watch')
  assert.deepEqual(pub.body.askedBy, [{ name: 'Port de Démoville', country: 'FR' }])
  assert.equal(JSON.stringify(pub.body).includes('Hidden Utility'), false)

  const unlinked = await op.delete(`/api/v1/challenges/${c.id}/use-cases/${open}`)
  assert.deepEqual(unlinked.body.useCaseIds, [restricted])
  assert.deepEqual((await anon.get('/api/v1/challenges/port-watch')).body.askedBy, [])
  const out = await op.delete(`/api/v1/challenges/${c.id}/calls/${OC2}`)
  assert.deepEqual(out.body.calls, [])
  assert.equal((await anon.get('/api/v1/challenges?call=OC2')).body.total, 8)
})

test('a code or slug already taken is a conflict; an unknown challenge is 404', async () => {
  const dup = await op.post('/api/v1/challenges', { ...input, code: 'D1-C1', slug: 'another-slug' })
  assert.deepEqual(
    [dup.status, dup.body.code, dup.body.errors[0].path, dup.body.errors[0].code],
    [409, 'conflict', 'code', 'taken'],
  )
  const slug = await op.post('/api/v1/challenges', { ...input, code: 'D1-C9', slug: 'port-watch' })
  assert.deepEqual([slug.status, slug.body.errors[0].path], [409, 'slug'])
  const reserved = await op.post('/api/v1/challenges', { ...input, code: 'D1-C9', slug: 'manage' })
  assert.deepEqual(
    [reserved.status, reserved.body.errors[0].path, reserved.body.errors[0].code],
    [400, 'slug', 'slug_reserved'],
  )
  const missing = await op.patch(`/api/v1/challenges/${seedId('nothing')}`, { expectedVersion: 1 })
  assert.equal(missing.status, 404)
})
