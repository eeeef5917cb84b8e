/** Operators list every challenge, drafts included; nobody else can, nor read a draft through it. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seedId } from '../../server/seed/ids.ts'
import { termId } from '../factories/use-cases.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator', name: 'Olga Operator' })
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

type Change = {
  field: string
  before: string | null
  after: string | null
  segments?: unknown[]
  added?: string[]
  removed?: string[]
}
type Entry = {
  kind: string
  version: number | null
  actor: { id: string | null; name: string }
  subjects: string[]
  changes: Change[]
  at: string
}
const render = (c: Change) =>
  (c.segments as { op: string; text: string }[])
    .map((x) => (x.op === 'same' ? x.text : x.op === 'added' ? `[+${x.text}]` : `[-${x.text}]`))
    .join('')

test('history: each version with author, time and a field-by-field diff; publication, call and link events', async () => {
  const id = draft.body.id as string
  const phishing = termId('enisa-threats', 'nefarious-activity-abuse:phishing-attacks')
  const v2 = await op.patch(`/api/v1/challenges/${id}`, {
    expectedVersion: 1,
    code: 'D2-C8',
    title: 'Quiet draft about tunnel fire sensors',
    trlMax: 7,
    content: {
      problem: 'Tunnels are long and hard to watch.',
      expectedOutcome: 'Operators see incidents early.',
      requirements: ['Works underground', 'Survives 800 °C'],
      endUserOffers: { testBed: 'The Łódź tunnel', data: '', validation: '' },
    },
    tagIds: [phishing],
  })
  assert.equal(v2.status, 200, JSON.stringify(v2.body))
  assert.equal((await op.post(`/api/v1/challenges/${id}/publish`)).status, 200)
  assert.equal((await op.request('PUT', `/api/v1/challenges/${id}/calls/${seedId('call:securit:OC2')}`)).status, 200)
  const v3 = await op.patch(`/api/v1/challenges/${id}`, {
    expectedVersion: 2,
    summary: 'A published challenge that only operators may trace.',
    language: 'fr',
    tagIds: [],
  })
  assert.equal(v3.status, 200, JSON.stringify(v3.body))
  assert.equal((await op.post(`/api/v1/challenges/${id}/unpublish`)).status, 200)

  const res = await op.get(`/api/v1/challenges/${id}/history`)
  assert.equal(res.status, 200, JSON.stringify(res.body))
  const items = res.body.items as Entry[]
  assert.deepEqual(
    items.map((e) => [e.kind, e.version, e.subjects]),
    [
      ['unpublished', 3, []],
      ['edited', 3, []],
      ['call_linked', 2, ['OC2']],
      ['published', 2, []],
      ['edited', 2, []],
      ['created', 1, []],
    ],
  )
  assert.equal(res.body.total, 6)
  assert.ok(items.every((e) => e.actor.id === operator.id && e.actor.name === 'Olga Operator'))
  const times = items.map((e) => Date.parse(e.at))
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
    'newest first',
  )

  const second = Object.fromEntries(items[4]!.changes.map((c) => [c.field, c]))
  assert.deepEqual(Object.keys(second), ['code', 'title', 'problem', 'requirements', 'testBed', 'trl', 'tags'])
  assert.deepEqual([second.code!.before, second.code!.after], ['D2-C9', 'D2-C8'])
  assert.equal(render(second.title!), 'Quiet draft about tunnel [+fire ]sensors')
  assert.equal(render(second.problem!), 'Tunnels are [+long and ]hard to watch.')
  assert.deepEqual([second.requirements!.added, second.requirements!.removed], [['Survives 800 °C'], []])
  assert.deepEqual([second.testBed!.before, second.testBed!.after], [null, 'The Łódź tunnel'])
  assert.deepEqual([second.trl!.before, second.trl!.after], ['4–6', '4–7'])
  assert.deepEqual([second.tags!.added, second.tags!.removed], [['Phishing attacks'], []])

  const third = Object.fromEntries(items[1]!.changes.map((c) => [c.field, c]))
  assert.deepEqual(Object.keys(third), ['summary', 'language', 'tags'])
  assert.deepEqual([third.language!.before, third.language!.after], ['en', 'fr'])
  assert.deepEqual([third.tags!.added, third.tags!.removed], [[], ['Phishing attacks']])

  // Paged like every list.
  const page2 = await op.get(`/api/v1/challenges/${id}/history?pageSize=4&page=2`)
  assert.deepEqual(
    [page2.body.total, page2.body.page, page2.body.items.map((e: Entry) => e.kind)],
    [6, 2, ['edited', 'created']],
  )
  assert.equal((await op.get(`/api/v1/challenges/${id}/history?pageSize=500`)).status, 400)
})

test('history of a seeded challenge: version 1 by the system; a later edit shows its tags as set', async () => {
  const id = seedId('challenge:securit:D1-C1')
  const before = await op.get(`/api/v1/challenges/${id}/history`)
  assert.deepEqual(
    before.body.items.map((e: Entry) => [e.kind, e.version, e.actor.id, e.actor.name]),
    [['created', 1, null, 'system']],
  )
  const current = (await op.get(`/api/v1/challenges/manage/${id}`)).body
  const saved = await op.patch(`/api/v1/challenges/${id}`, {
    expectedVersion: current.version,
    tagIds: [termId('nis-sectors', 'eu-nis-oes:energy')],
  })
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  const after = await op.get(`/api/v1/challenges/${id}/history`)
  const [edited] = after.body.items as Entry[]
  assert.equal(edited!.kind, 'edited')
  assert.deepEqual(edited!.changes, [{ field: 'tags', before: null, after: 'Energy' }])
})

test('history is for operators only; an unknown challenge is 404', async () => {
  const id = draft.body.id as string
  assert.equal((await anon.get(`/api/v1/challenges/${id}/history`)).status, 401)
  assert.equal((await other.get(`/api/v1/challenges/${id}/history`)).status, 403)
  assert.equal((await op.get(`/api/v1/challenges/${seedId('nothing')}/history`)).status, 404)
})
