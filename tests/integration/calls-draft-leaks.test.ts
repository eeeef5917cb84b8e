/**
 * A draft call never leaks: linked to a published challenge, it is absent from every public endpoint and
 * server-rendered page (programme home, challenge page and list, the catalogue's call filter, domain
 * pages, /calls, /calls/:code is a 404 page) and from cluster staff's dashboard; its programme's operators
 * see it in their own views only. Published, it is everywhere. Cancelled, it is listed nowhere, but its
 * own address still says it was cancelled.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import type { PageRenderer } from '../../server/platform/ssr/types.ts'
import { callBody } from '../factories/calls.ts'
import { signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res, type TestClient } from '../support/app.ts'

/** `npm test` builds dist/; CASCADE_TEST_SSR_ROOT points at another build (a checkout shared with others). */
async function renderer(): Promise<PageRenderer | 'built'> {
  const root = process.env.CASCADE_TEST_SSR_ROOT
  if (!root) return 'built'
  const { createRenderer } = await import('../../server/platform/ssr/index.ts')
  return createRenderer({ root })
}

const clock = new FixedClock('2026-03-20T12:00:00Z')
const t = await createTestApp({ clock, renderer: await renderer() })
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
const applicant = await signedIn(t, await createUser(t.db, t.programmeId))
const anonymous = t.client()
const outsiders: [string, TestClient][] = [
  ['anonymous', anonymous],
  ['a signed-in applicant', applicant],
  ['cluster staff', staff],
]

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

const challenge = await t.db
  .selectFrom('challenges as c')
  .innerJoin('domains as d', 'd.id', 'c.domain_id')
  .select(['c.id', 'c.slug', 'd.code as domain'])
  .where('c.code', '=', 'D2-C1')
  .where('c.status', '=', 'published')
  .executeTakeFirstOrThrow()

const CODE = 'HUSH1'
const title = { en: 'Quietwater lagoon sensors', fr: 'Capteurs de la lagune Eaucalme', nl: 'Sensoren Stilwaterlagune' }
// Open on the test's clock once published (10 March – 14 April 2026, Brussels).
const draft = ok(
  await operator.post('/api/v1/calls', callBody({ code: CODE, title, challengeIds: [challenge.id] })),
  201,
)
assert.equal(draft.phase, 'draft')

/** What must not be found in a body: the call's id, code and titles. */
function secrets(withCode = true) {
  return [draft.id as string, ...(withCode ? [CODE] : []), title.en, title.fr, title.nl]
}

function text(res: Res): string {
  return typeof res.body === 'string' ? res.body : JSON.stringify(res.body)
}

function hidden(res: Res, where: string, withCode = true) {
  const body = text(res)
  for (const s of secrets(withCode)) assert.ok(!body.includes(s), `${where} mentions ${s}`)
}

function shown(res: Res, where: string, what: string) {
  assert.equal(res.status, 200, where)
  assert.ok(text(res).includes(what), `${where} does not mention ${what}`)
}

/** Public pages: rendered for an anonymous caller whoever asks. */
const pages = [
  '/',
  '/programme',
  '/challenges',
  `/challenges/${challenge.slug}`,
  '/domains',
  `/domains/${challenge.domain}`,
]
/** Public endpoints that list calls or carry a challenge's calls. */
const endpoints = [
  '/api/v1/programme',
  '/api/v1/challenges?pageSize=50',
  `/api/v1/challenges/${challenge.slug}`,
  '/api/v1/domains',
  `/api/v1/domains/${challenge.domain}`,
  '/api/v1/calls?pageSize=100',
  `/api/v1/calls?q=${CODE}`,
]

test('a draft call linked to a challenge is on no public page and no public endpoint', async () => {
  for (const url of [...pages, '/calls']) {
    const res = await anonymous.get(url, { 'accept-language': 'en' })
    assert.equal(res.status, 200, url)
    hidden(res, url)
  }
  const page = await anonymous.get(`/calls/${CODE}`)
  assert.equal(page.status, 404)
  hidden(page, `/calls/${CODE}`)
  // The search form echoes what was asked for, but finds nothing.
  const filtered = await anonymous.get(`/challenges?call=${CODE}`)
  hidden(filtered, '/challenges?call=', false)
  for (const [who, client] of outsiders) {
    for (const url of endpoints) hidden(await client.get(url), `${url} for ${who}`)
    assert.equal(ok(await client.get(`/api/v1/challenges?call=${CODE}`)).total, 0, `call filter for ${who}`)
    assert.equal((await client.get(`/api/v1/calls/${draft.id}`)).body.code, 'call_not_found', who)
  }
  for (const url of [`/api/v1/calls/${draft.id}/dashboard`, `/api/v1/calls/${draft.id}/applications`]) {
    const res = await staff.get(url)
    assert.equal(res.status, 404, url)
    assert.equal(res.body.code, 'call_not_found')
  }
})

test("the programme's operators see the draft in their own views only", async () => {
  const list = ok(await operator.get('/api/v1/calls?pageSize=100'))
  assert.ok(list.items.some((c: { id: string }) => c.id === draft.id))
  ok(await operator.get(`/api/v1/calls/${draft.id}/dashboard`))
  const managed = ok(await operator.get(`/api/v1/challenges/manage/${challenge.id}`))
  assert.ok(managed.calls.some((c: { code: string }) => c.code === CODE))
  // The programme and the public pages are the same for them as for anyone.
  hidden(await operator.get('/api/v1/programme'), 'programme for the operator')
  hidden(await operator.get(`/challenges/${challenge.slug}`), 'challenge page for the operator')
  hidden(await operator.get(`/api/v1/domains/${challenge.domain}`), 'domain for the operator')
})

test('published, the call is on every page and endpoint; cancelled, it is listed nowhere but keeps its page', async () => {
  ok(await operator.post(`/api/v1/calls/${draft.id}/publish`))
  shown(await anonymous.get('/', { 'accept-language': 'en' }), 'programme home', title.en)
  shown(await anonymous.get(`/challenges/${challenge.slug}`), 'challenge page', CODE)
  shown(await anonymous.get('/domains'), '/domains', CODE)
  shown(await anonymous.get(`/domains/${challenge.domain}`), 'domain page', CODE)
  shown(await anonymous.get('/calls'), '/calls', title.en)
  shown(await anonymous.get(`/calls/${CODE}`), `/calls/${CODE}`, title.en)
  for (const [who, client] of outsiders) {
    for (const url of endpoints) shown(await client.get(url), `${url} for ${who}`, CODE)
    const filtered = ok(await client.get(`/api/v1/challenges?call=${CODE}`))
    assert.deepEqual(
      filtered.items.map((c: { id: string }) => c.id),
      [challenge.id],
    )
    assert.equal(ok(await client.get(`/api/v1/calls/${draft.id}`)).phase, 'open')
  }
  ok(await staff.get(`/api/v1/calls/${draft.id}/dashboard`))

  ok(await operator.post(`/api/v1/calls/${draft.id}/cancel`))
  for (const url of [...pages, '/calls']) hidden(await anonymous.get(url), `${url} once cancelled`)
  for (const [who, client] of outsiders) {
    for (const url of endpoints) hidden(await client.get(url), `${url} for ${who} once cancelled`)
    assert.equal(ok(await client.get(`/api/v1/challenges?call=${CODE}`)).total, 0)
    // Its own address says it was cancelled.
    assert.equal(ok(await client.get(`/api/v1/calls/${draft.id}`)).phase, 'cancelled')
  }
  shown(await anonymous.get(`/calls/${CODE}`), `/calls/${CODE} once cancelled`, title.en)
  const all = ok(await operator.get('/api/v1/calls?pageSize=100'))
  assert.equal(all.items.find((c: { id: string }) => c.id === draft.id)?.phase, 'cancelled')
})
