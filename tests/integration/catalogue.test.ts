/** The public catalogue: 11 seeded challenges, searchable and filterable, as JSON and as real HTML. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { publishCalls } from '../factories/calls.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp({ renderer: 'built' })
// The programme seed leaves OC1 and OC2 as drafts; these public pages show them published.
await publishCalls(t.db, t.programmeId)
const anon = t.client()
const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((i) => i.code)

function meta(html: string, attr: 'name' | 'property', key: string): string | undefined {
  const re = new RegExp(`<meta[^>]*${attr}="${key.replace('.', '\\.')}"[^>]*content="([^"]*)"`, 'i')
  return re.exec(html)?.[1]
}

test('the seeded catalogue: 11 published demo challenges in 3 domains, paged in code order', async () => {
  const all = await anon.get('/api/v1/challenges?pageSize=50')
  assert.equal(all.status, 200)
  assert.equal(all.body.total, 11)
  assert.deepEqual(codes(all), [
    'D1-C1',
    'D1-C2',
    'D1-C3',
    'D1-C4',
    'D2-C1',
    'D2-C2',
    'D2-C3',
    'D2-C4',
    'D3-C1',
    'D3-C2',
    'D3-C3',
  ])
  const page3 = await anon.get('/api/v1/challenges?pageSize=5&page=3')
  assert.deepEqual([page3.body.total, page3.body.page, page3.body.pageSize, codes(page3)], [11, 3, 5, ['D3-C3']])
  const rows = await t.db.selectFrom('challenges').select(['demo', 'status']).execute()
  assert.ok(rows.every((r) => r.demo && r.status === 'published'))
})

test('filters: domain, call, TRL range overlap, and full-text search with stemming, ranked', async () => {
  assert.deepEqual(codes(await anon.get('/api/v1/challenges?domain=D3')), ['D3-C1', 'D3-C2', 'D3-C3'])
  assert.equal((await anon.get('/api/v1/challenges?domain=D2')).body.total, 4)
  assert.equal((await anon.get('/api/v1/challenges?call=OC1')).body.total, 6)
  assert.equal((await anon.get('/api/v1/challenges?call=OC2')).body.total, 8)
  assert.deepEqual(codes(await anon.get('/api/v1/challenges?trlMax=4')), ['D1-C4'])
  assert.equal((await anon.get('/api/v1/challenges?trlMin=8&trlMax=9')).body.total, 7)
  assert.deepEqual(codes(await anon.get('/api/v1/challenges?q=intruder')), ['D1-C2'])
  assert.deepEqual(codes(await anon.get('/api/v1/challenges?q=wildfires')), ['D2-C2', 'D2-C1'])
  assert.deepEqual(codes(await anon.get('/api/v1/challenges?q=drone%20-festival&domain=D1')), ['D1-C3'])
  // Empty form fields mean "no filter" (the no-JavaScript form sends them all).
  assert.equal((await anon.get('/api/v1/challenges?q=&domain=&call=&trlMin=&trlMax=&tag=')).body.total, 11)
  const bad = await anon.get('/api/v1/challenges?trlMin=12&pageSize=500')
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['pageSize', 'trlMin'])
})

test('one challenge by slug: content, domain, calls; unknown slug 404', async () => {
  const one = await anon.get('/api/v1/challenges/detection-and-location-of-intruders-in-protected-perimeters')
  assert.equal(one.status, 200)
  assert.equal(one.body.code, 'D1-C2')
  assert.equal(one.body.domain.code, 'D1')
  assert.deepEqual([one.body.trlMin, one.body.trlMax], [5, 8])
  assert.deepEqual(
    one.body.calls.map((c: { code: string }) => c.code),
    ['OC1'],
  )
  assert.equal(one.body.content.requirements.length, 4)
  assert.deepEqual(one.body.askedBy, [])
  assert.equal((await anon.get('/api/v1/challenges/no-such-challenge')).status, 404)
})

test('/challenges is real HTML: title, description, Open Graph, the search form, 11 challenges over 2 pages', async () => {
  const res = await anon.get('/challenges', { 'accept-language': 'en' })
  assert.equal(res.status, 200)
  assert.match(String(res.headers['content-type']), /^text\/html/)
  const html = String(res.body)
  assert.match(html, /<title>Challenges of SecurIT · Cascade<\/title>/)
  assert.ok(meta(html, 'name', 'description')?.startsWith('The challenges of SecurIT'))
  assert.equal(meta(html, 'property', 'og:title'), 'Challenges of SecurIT')
  assert.equal(meta(html, 'property', 'og:url'), 'http://localhost:3000/challenges')
  assert.equal((html.match(/<h1/g) ?? []).length, 1)
  assert.match(html, /<form(?=[^>]*method="get")(?=[^>]*action="\/challenges")[^>]*>/)
  assert.match(html, /<input[^>]*name="q"/)
  assert.match(html, /<select[^>]*name="domain"/)
  assert.ok(html.includes('Challenges found: 11'))
  const page2 = String((await anon.get('/challenges?page=2')).body)
  const onPage = (h: string) => [...h.matchAll(/href="\/challenges\/([a-z0-9-]+)"/g)].map((m) => m[1])
  assert.equal(onPage(html).length, 10)
  assert.equal(onPage(page2).length, 1)
  assert.equal(new Set([...onPage(html), ...onPage(page2)]).size, 11)
  assert.ok(html.includes('href="/challenges?page=2"'))
  assert.ok(page2.includes('Page 2 of 2'))
})

test('the search form works without JavaScript: GET parameters filter the page', async () => {
  const html = String((await anon.get('/challenges?q=intruders&domain=D1&call=&trlMin=&trlMax=')).body)
  assert.ok(html.includes('Challenges found: 1'))
  assert.ok(html.includes('Detection and location of intruders in protected perimeters'))
  assert.match(html, /<input[^>]*name="q"[^>]*value="intruders"/)
  const none = String((await anon.get('/challenges?q=zzzunknownword')).body)
  assert.ok(none.includes('No published challenge matches your search'))
  // A field that does not parse is ignored, not an error page.
  assert.equal((await anon.get('/challenges?trlMin=99')).status, 200)
})

test('/challenges/:slug is real HTML in the visitor’s language; a draft’s slug is 404', async () => {
  const res = await anon.get('/challenges/optimisation-of-disaster-prediction-and-warning-systems?lang=fr')
  assert.equal(res.status, 200)
  const html = String(res.body)
  assert.match(html, /<html[^>]*lang="fr"/)
  assert.match(
    html,
    /<title>D2-C1 · Optimisation of disaster prediction and warning systems · SecurIT · Cascade<\/title>/,
  )
  assert.ok(meta(html, 'property', 'og:description')?.startsWith('Turn weather, river and sensor data'))
  assert.equal(
    meta(html, 'property', 'og:url'),
    'http://localhost:3000/challenges/optimisation-of-disaster-prediction-and-warning-systems',
  )
  for (const s of [
    'Le problème',
    'Exigences',
    'Ce que l’utilisateur final apporte',
    'Demandé par',
    'Résilience face aux catastrophes',
  ]) {
    assert.ok(html.includes(s), s)
  }
  assert.match(html, /<h1[^>]*lang="en"/)
  await t.db.updateTable('challenges').set({ status: 'draft' }).where('code', '=', 'D3-C3').execute()
  const draftSlug = 'crowd-monitoring-and-management-at-mass-gatherings'
  assert.equal((await anon.get(`/challenges/${draftSlug}`)).status, 404)
  assert.equal((await anon.get(`/api/v1/challenges/${draftSlug}`)).status, 404)
  assert.equal(String((await anon.get('/challenges?page=2')).body).includes(draftSlug), false)
  assert.equal((await anon.get('/api/v1/challenges')).body.total, 10)
})

test('the programme home links each domain to its challenges', async () => {
  const html = String((await anon.get('/?lang=en')).body)
  for (const d of ['D1', 'D2', 'D3']) assert.ok(html.includes(`href="/challenges?domain=${d}"`), d)
  assert.ok(html.includes('See all the challenges'))
})
