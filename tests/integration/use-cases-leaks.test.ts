/**
 * Confidential use cases must not leak: a restricted draft and a restricted accepted use case of one
 * organisation are invisible to everyone outside it (and the draft to staff), through every route.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { insertUseCase } from '../factories/use-cases.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type TestClient } from '../support/app.ts'

const t = await createTestApp()
const a = await createTeam(t.db, t.programmeId, { type: 'public_authority' })
const b = await createTeam(t.db, t.programmeId, { type: 'integrator' })
const base = { programmeId: t.programmeId, organisationId: a.org.id, authorId: a.member.id }
const draft = await insertUseCase(t.db, { ...base, title: 'Zanzibarquartz draft', status: 'draft' })
const accepted = await insertUseCase(t.db, { ...base, title: 'Xylophonequasar accepted', status: 'accepted' })
const programmeOnly = await insertUseCase(t.db, {
  ...base,
  title: 'Wombatprogramme accepted',
  status: 'accepted',
  confidentiality: 'programme',
})
const publicDraft = await insertUseCase(t.db, {
  ...base,
  title: 'Vortexpublic draft',
  status: 'submitted',
  confidentiality: 'public',
})
const publicAccepted = await insertUseCase(t.db, {
  ...base,
  title: 'Umbrellapublic accepted',
  status: 'accepted',
  confidentiality: 'public',
})
const secret = [draft, accepted, programmeOnly, publicDraft]
const words = ['Zanzibarquartz', 'Xylophonequasar', 'Wombatprogramme', 'Vortexpublic']

const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const opClient = await signedIn(t, operator)
const noScope = await opClient.post('/api/v1/me/tokens', { name: 'no use-case scope', scopes: ['profile:read'] })
const readOnly = await opClient.post('/api/v1/me/tokens', { name: 'read', scopes: ['use_cases:read'] })
const bearer = (token: string) => {
  const c = t.client()
  c.headers = { authorization: `Bearer ${token}` }
  return c
}

const outsiders: [string, TestClient][] = [
  ['member of org B', await signedIn(t, b.owner)],
  ['plain user', await signedIn(t, await createUser(t.db, t.programmeId))],
  ['expert', await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'expert' }))],
  ['anonymous', t.client()],
  ['token without scope', bearer(noScope.body.token)],
]

/** Nothing in the answer may name a hidden use case (`instance` only echoes the caller's own URL). */
function assertSilent(label: string, res: { status: number; body: unknown }) {
  const text = JSON.stringify(res.body, (k, v) => (k === 'instance' ? undefined : v))
  for (const w of words) assert.ok(!text.includes(w), `${label}: leaked ${w}`)
  for (const uc of secret) {
    assert.ok(!text.includes(uc.id), `${label}: leaked ${uc.id}`)
    assert.ok(!text.includes(uc.reference), `${label}: leaked ${uc.reference}`)
  }
}

test('outsiders see no confidential use case through any route', async () => {
  for (const [who, c] of outsiders) {
    const denied = who === 'anonymous' ? 401 : who === 'token without scope' ? 403 : null
    const list = await c.get('/api/v1/use-cases?pageSize=100')
    assertSilent(`${who} list`, list)
    if (denied) assert.equal(list.status, denied, who)
    else assert.deepEqual([list.body.total, list.body.items.map((u: { id: string }) => u.id)], [1, [publicAccepted.id]])
    for (const w of words) {
      const search = await c.get(`/api/v1/use-cases?q=${w}`)
      assertSilent(`${who} search ${w}`, search)
      if (!denied) assert.equal(search.body.total, 0, `${who} search ${w}`)
    }
    const filtered = await c.get(`/api/v1/use-cases?organisation=${a.org.id}&confidentiality=restricted`)
    if (!denied) assert.equal(filtered.body.total, 0)
    for (const uc of [...secret, { id: randomUUID() }]) {
      for (const path of ['', '/comments', '/revisions/1']) {
        const res = await c.get(`/api/v1/use-cases/${uc.id}${path}`)
        assertSilent(`${who} GET ${path}`, res)
        assert.equal(res.status, denied ?? 404, `${who} GET ${uc.id}${path}`)
        if (!denied) assert.equal(res.body.code, 'use_case_not_found')
      }
      for (const [path, body] of [
        ['/comments', { body: 'hello' }],
        ['/transitions', { action: 'archive' }],
      ] as const) {
        const res = await c.post(`/api/v1/use-cases/${uc.id}${path}`, body)
        assertSilent(`${who} POST ${path}`, res)
        assert.equal(res.status, denied ?? 404, `${who} POST ${uc.id}${path}`)
      }
      const patch = await c.patch(`/api/v1/use-cases/${uc.id}`, { expectedRevision: 1, title: 'Hijacked' })
      assert.equal(patch.status, denied ?? 404, `${who} PATCH`)
    }
  }
  const titles = await t.db.selectFrom('use_cases').select('title').where('organisation_id', '=', a.org.id).execute()
  assert.ok(!titles.some((r) => r.title === 'Hijacked'))
})

test('a public accepted use case is readable by outsiders, but not its thread nor its revisions', async () => {
  const [who, c] = outsiders[0]!
  const res = await c.get(`/api/v1/use-cases/${publicAccepted.id}`)
  assert.equal(res.status, 200, who)
  assert.deepEqual([res.body.comments, res.body.revisions, res.body.transitions], [[], [], []])
  assert.deepEqual(res.body.abilities.comment, { allowed: false, reason: 'not_a_member' })
  assert.equal((await c.get(`/api/v1/use-cases/${publicAccepted.id}/comments`)).status, 403)
  assert.equal((await c.get(`/api/v1/use-cases/${publicAccepted.id}/revisions/1`)).status, 403)
})

test('cluster staff see all but drafts; operators and the owner organisation see all', async () => {
  const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
  const ids = async (c: TestClient) =>
    ((await c.get(`/api/v1/use-cases?organisation=${a.org.id}&pageSize=100`)).body.items as { id: string }[])
      .map((u) => u.id)
      .sort()
  const all = [...secret, publicAccepted].map((u) => u.id).sort()
  assert.deepEqual(
    await ids(staff),
    all.filter((id) => id !== draft.id),
  )
  assert.equal((await staff.get(`/api/v1/use-cases/${draft.id}`)).status, 404)
  assert.equal((await staff.get(`/api/v1/use-cases/${accepted.id}/comments`)).body.items.length, 1)
  assert.deepEqual(await ids(opClient), all)
  assert.deepEqual(await ids(await signedIn(t, a.member)), all)
  const token = bearer(readOnly.body.token)
  assert.deepEqual(await ids(token), all)
  assert.equal((await token.post(`/api/v1/use-cases/${accepted.id}/comments`, { body: 'x' })).status, 403)
})
