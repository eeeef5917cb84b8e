/** Operators list every challenge, drafts included; nobody else can, nor read a draft through it. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seedId } from '../../server/seed/ids.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const person = await createUser(t.db, t.programmeId)
const op = t.client()
await op.signIn(operator.email, PASSWORD)
const other = t.client()
await other.signIn(person.email, PASSWORD)
const anon = t.client()
const D2 = seedId('domain:securit:D2')

const draft = await op.post('/api/v1/challenges', {
  domainId: D2,
  code: 'D2-C9',
  title: 'Quiet draft about tunnel sensors',
  summary: 'A draft challenge that only operators may list.',
  content: {
    problem: 'Tunnels are hard to watch.',
    expectedOutcome: 'Operators see incidents early.',
    requirements: ['Works underground'],
    endUserOffers: { testBed: '', data: '', validation: '' },
  },
  trlMin: 4,
  trlMax: 6,
})
assert.equal(draft.status, 201, JSON.stringify(draft.body))

test('operators list every status, search, filter, sort and page', async () => {
  const all = await op.get('/api/v1/challenges/manage?pageSize=100')
  assert.equal(all.status, 200)
  assert.equal(all.body.total, 12)
  assert.ok(all.body.items.some((c: { id: string; status: string }) => c.id === draft.body.id && c.status === 'draft'))
  const drafts = await op.get('/api/v1/challenges/manage?status=draft')
  assert.deepEqual(
    drafts.body.items.map((c: { code: string }) => c.code),
    ['D2-C9'],
  )
  const found = await op.get('/api/v1/challenges/manage?q=tunnel%20sensors')
  assert.deepEqual([found.body.total, found.body.items[0].id], [1, draft.body.id])
  const byDomain = await op.get(`/api/v1/challenges/manage?domain=${D2}&sort=-title&pageSize=2&page=1`)
  assert.equal(byDomain.body.items.length, 2)
  assert.equal(byDomain.body.pageSize, 2)
  assert.ok(byDomain.body.items.every((c: { domain: { id: string } }) => c.domain.id === D2))
  const titles = byDomain.body.items.map((c: { title: string }) => c.title)
  assert.deepEqual(titles, [...titles].sort().reverse())
  assert.equal((await op.get('/api/v1/challenges/manage?sort=nonsense')).status, 400)
})

test('operators read one challenge of any status', async () => {
  const one = await op.get(`/api/v1/challenges/manage/${draft.body.id}`)
  assert.equal(one.status, 200)
  assert.deepEqual([one.body.code, one.body.status, one.body.version], ['D2-C9', 'draft', 1])
  assert.equal((await op.get(`/api/v1/challenges/manage/${seedId('nothing')}`)).status, 404)
})

test('nobody else lists or reads drafts through it', async () => {
  assert.equal((await anon.get('/api/v1/challenges/manage')).status, 401)
  assert.equal((await other.get('/api/v1/challenges/manage')).status, 403)
  assert.equal((await other.get(`/api/v1/challenges/manage/${draft.body.id}`)).status, 403)
  // The public list still shows only the published ones.
  assert.equal((await anon.get('/api/v1/challenges')).body.total, 11)
})
