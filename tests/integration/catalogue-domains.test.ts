/** Public domain pages: programme → domains → domain → challenge, real HTML without JavaScript, published only. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seedId } from '../../server/seed/ids.ts'
import { publishCalls } from '../factories/calls.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp({ renderer: 'built' })
// The programme seed leaves OC1 and OC2 as drafts; these public pages show them published.
await publishCalls(t.db, t.programmeId)
const anon = t.client()
const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const op = t.client()
await op.signIn(operator.email, PASSWORD)

function meta(html: string, attr: 'name' | 'property', key: string): string | undefined {
  const re = new RegExp(`<meta[^>]*${attr}="${key.replace('.', '\\.')}"[^>]*content="([^"]*)"`, 'i')
  return re.exec(html)?.[1]
}
const decodeEntities = (s: string) =>
  s.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<')
/** The challenge pages a page links to, in order. */
const challengeLinks = (html: string) => [...html.matchAll(/href="\/challenges\/([a-z0-9-]+)"/g)].map((m) => m[1])
/** The breadcrumb trail: the labels and links inside the breadcrumb navigation. */
function breadcrumbs(html: string): string[] {
  // The first navigation of the main content, whatever its label's language.
  const nav = /<nav aria-label="[^"]*"><ol[^>]*>([\s\S]*?)<\/ol><\/nav>/.exec(html)?.[1] ?? ''
  return [...nav.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => {
    const href = /href="([^"]*)"/.exec(m[1]!)?.[1]
    const label = decodeEntities(m[1]!.replace(/<[^>]+>/g, '').trim())
    return href ? `${label} <${href}>` : `${label} (current)`
  })
}

type Summary = { code: string; slug: string; trlMin: number; trlMax: number; calls: { code: string }[] }
const published = async (domain: string): Promise<Summary[]> =>
  (await anon.get(`/api/v1/challenges?domain=${domain}&pageSize=50`)).body.items

test('the domains API: each domain with its published challenges counted, their calls and TRL span', async () => {
  const res = await anon.get('/api/v1/domains')
  assert.equal(res.status, 200)
  const items = res.body.items as {
    code: string
    name: { en: string; fr: string }
    challengeCount: number
    calls: { code: string; challengeCount: number }[]
    trlMin: number
    trlMax: number
  }[]
  assert.deepEqual(
    items.map((d) => [d.code, d.challengeCount]),
    [
      ['D1', 4],
      ['D2', 4],
      ['D3', 3],
    ],
  )
  for (const d of items) {
    const list = await published(d.code)
    assert.equal(d.trlMin, Math.min(...list.map((c) => c.trlMin)), d.code)
    assert.equal(d.trlMax, Math.max(...list.map((c) => c.trlMax)), d.code)
    for (const call of d.calls) {
      assert.equal(call.challengeCount, list.filter((c) => c.calls.some((k) => k.code === call.code)).length)
    }
  }
  assert.equal(items[1]!.name.fr, 'Résilience face aux catastrophes')
  const one = await anon.get('/api/v1/domains/D3')
  assert.deepEqual([one.status, one.body.code, one.body.challengeCount], [200, 'D3', 3])
  assert.equal((await anon.get('/api/v1/domains/D9')).status, 404)
})

test('/domains/:code is real HTML: the domain, its published challenges as cards, Open Graph, breadcrumbs', async () => {
  const res = await anon.get('/domains/D1', { 'accept-language': 'en' })
  assert.equal(res.status, 200)
  assert.match(String(res.headers['content-type']), /^text\/html/)
  const html = String(res.body)
  assert.match(html, /<html[^>]*lang="en"/)
  assert.match(html, /<title>D1 · Sensitive infrastructure protection · SecurIT · Cascade<\/title>/)
  assert.equal(meta(html, 'property', 'og:title'), 'Sensitive infrastructure protection — SecurIT')
  assert.equal(meta(html, 'property', 'og:url'), 'http://localhost:3000/domains/D1')
  assert.equal(meta(html, 'property', 'og:type'), 'website')
  const description = meta(html, 'name', 'description')
  assert.ok(description && description.length > 40, description)
  assert.equal(meta(html, 'property', 'og:description'), description)
  assert.equal((html.match(/<h1/g) ?? []).length, 1)
  assert.match(html, /<h1[^>]*>Sensitive infrastructure protection<\/h1>/)
  assert.ok(html.includes('<nav aria-label="Breadcrumb">'))
  assert.deepEqual(breadcrumbs(html), [
    'SecurIT </>',
    'Domains </domains>',
    'D1 · Sensitive infrastructure protection (current)',
  ])
  // Exactly the domain's published challenges, in code order, each a card with its TRL range and calls.
  const d1 = await published('D1')
  assert.deepEqual(
    d1.map((c) => c.code),
    ['D1-C1', 'D1-C2', 'D1-C3', 'D1-C4'],
  )
  assert.deepEqual(
    challengeLinks(html),
    d1.map((c) => c.slug),
  )
  for (const c of d1) {
    assert.ok(html.includes(`TRL ${c.trlMin}–${c.trlMax}`), `${c.code} TRL`)
    assert.ok(html.includes(`In: ${c.calls.map((k) => k.code).join(', ')}`), `${c.code} calls`)
  }
  for (const other of [...(await published('D2')), ...(await published('D3'))]) {
    assert.equal(html.includes(other.slug), false, `${other.code} is not on D1's page`)
  }
  // Counts, the way to the filtered search, and the other domains.
  assert.match(html, /Published challenges<\/dt><dd[^>]*>4<\/dd>/)
  assert.ok(html.includes('href="/challenges?domain=D1"'))
  assert.ok(html.includes('href="/domains/D2"') && html.includes('href="/domains/D3"'))
})

test('the domain page speaks the reader’s language; the challenge texts keep theirs', async () => {
  const fr = String((await anon.get('/domains/D2?lang=fr')).body)
  assert.match(fr, /<html[^>]*lang="fr"/)
  assert.match(fr, /<h1[^>]*>Résilience face aux catastrophes<\/h1>/)
  assert.ok(fr.includes('Défis de ce domaine'))
  assert.deepEqual(breadcrumbs(fr).slice(1), ['Domaines </domains>', 'D2 · Résilience face aux catastrophes (current)'])
  const programme = await anon.get('/api/v1/programme')
  const d2 = programme.body.domains.find((d: { code: string }) => d.code === 'D2')
  assert.ok(decodeEntities(fr).includes(d2.description.fr.split('\n')[0].trim()), 'the French description')
  assert.match(fr, /<h3[^>]*lang="en"/)
  const nl = String((await anon.get('/domains/D2', { 'accept-language': 'nl-BE' })).body)
  assert.match(nl, /<h1[^>]*>Weerbaarheid bij rampen<\/h1>/)
})

test('/domains lists the three domains with their counts; the programme home and /challenges link to them', async () => {
  const html = String((await anon.get('/domains?lang=en')).body)
  assert.match(html, /<title>Domains of SecurIT · Cascade<\/title>/)
  assert.equal(meta(html, 'property', 'og:title'), 'Domains of SecurIT')
  assert.deepEqual(breadcrumbs(html), ['SecurIT </>', 'Domains (current)'])
  for (const [code, n] of [
    ['D1', 4],
    ['D2', 4],
    ['D3', 3],
  ] as const) {
    assert.ok(html.includes(`href="/domains/${code}"`), code)
    assert.ok(html.includes(`Published challenges: ${n}`), `${code} count`)
  }
  const home = String((await anon.get('/?lang=en')).body)
  for (const code of ['D1', 'D2', 'D3']) assert.ok(home.includes(`href="/domains/${code}"`), `home → ${code}`)
  assert.ok(home.includes('href="/domains"'))
  const list = String((await anon.get('/challenges?lang=en')).body)
  for (const code of ['D1', 'D2', 'D3']) assert.ok(list.includes(`href="/domains/${code}"`), `catalogue → ${code}`)
  assert.deepEqual(breadcrumbs(list), ['SecurIT </>', 'Challenges (current)'])
})

test('a challenge page leads back up: programme → domains → its domain', async () => {
  const html = String((await anon.get('/challenges/optimisation-of-disaster-prediction-and-warning-systems')).body)
  assert.deepEqual(breadcrumbs(html), [
    'SecurIT </>',
    'Domains </domains>',
    'D2 · Disaster resilience </domains/D2>',
    'D2-C1 (current)',
  ])
})

test('an unknown domain or challenge is a 404 page (HTML, with the ways back); a lower-case code redirects', async () => {
  for (const path of ['/domains/D9', '/domains/%3Cscript%3E', '/challenges/no-such-challenge']) {
    const res = await anon.get(path, { 'accept-language': 'en' })
    assert.equal(res.status, 404, path)
    assert.match(String(res.headers['content-type']), /^text\/html/, path)
    const html = String(res.body)
    assert.match(html, /<h1[^>]*>Page not found<\/h1>/, path)
    assert.match(html, /<title>Page not found · Cascade<\/title>/)
    assert.ok(html.includes('href="/domains"') && html.includes('href="/challenges"'), path)
    assert.equal(html.includes('<script>'), false)
  }
  const lower = await anon.get('/domains/d2?lang=fr')
  assert.equal(lower.status, 301)
  assert.equal(lower.headers.location, '/domains/D2?lang=fr')
})

test('only published challenges: a draft and an unpublished one are neither listed nor counted', async () => {
  const draft = await op.post('/api/v1/challenges', {
    domainId: seedId('domain:securit:D1'),
    code: 'D1-C77',
    title: 'Secret draft about fence vibration sensors',
    summary: 'A draft that must not reach the public domain page.',
    content: {
      problem: 'Fences are long.',
      expectedOutcome: 'Cuts are found.',
      requirements: ['Works in rain'],
      endUserOffers: { testBed: '', data: '', validation: '' },
    },
    trlMin: 1,
    trlMax: 2,
  })
  assert.equal(draft.status, 201, JSON.stringify(draft.body))
  const intruders = (await published('D1')).find((c) => c.code === 'D1-C2')!
  const id = seedId('challenge:securit:D1-C2')
  assert.equal((await op.post(`/api/v1/challenges/${id}/unpublish`)).status, 200)
  try {
    const html = String((await anon.get('/domains/D1')).body)
    assert.equal(html.includes('fence vibration'), false)
    assert.equal(html.includes(draft.body.slug), false)
    assert.equal(html.includes(intruders.slug), false)
    assert.equal(challengeLinks(html).length, 3)
    assert.match(html, /Published challenges<\/dt><dd[^>]*>3<\/dd>/)
    // The TRL span ignores the draft's TRL 1–2.
    const api = (await anon.get('/api/v1/domains/D1')).body
    assert.deepEqual([api.challengeCount, api.trlMin > 2], [3, true])
    assert.ok(String((await anon.get('/domains')).body).includes('Published challenges: 3'))
  } finally {
    await op.post(`/api/v1/challenges/${id}/publish`)
  }
  assert.equal((await anon.get('/api/v1/domains/D1')).body.challengeCount, 4)
})

test('a domain with many challenges is paged with plain links', async () => {
  const D3 = seedId('domain:securit:D3')
  for (let n = 10; n < 28; n++) {
    const res = await op.post('/api/v1/challenges', {
      domainId: D3,
      code: `D3-C${n}`,
      title: `Crowd sensing challenge number ${n}`,
      summary: 'One of many published challenges of a crowded domain.',
      content: {
        problem: 'Crowds move.',
        expectedOutcome: 'Stewards know where.',
        requirements: ['Privacy by design'],
        endUserOffers: { testBed: '', data: '', validation: '' },
      },
      trlMin: 6,
      trlMax: 8,
    })
    assert.equal(res.status, 201, JSON.stringify(res.body))
    assert.equal((await op.post(`/api/v1/challenges/${res.body.id}/publish`)).status, 200)
  }
  const first = String((await anon.get('/domains/D3?lang=en')).body)
  assert.equal(challengeLinks(first).length, 20)
  assert.ok(first.includes('Page 1 of 2'))
  assert.ok(first.includes('href="/domains/D3?page=2"'))
  const second = String((await anon.get('/domains/D3?page=2&lang=en')).body)
  assert.equal(challengeLinks(second).length, 1)
  assert.ok(second.includes('href="/domains/D3"'), 'a link back to the first page')
  assert.equal(new Set([...challengeLinks(first), ...challengeLinks(second)]).size, 21)
  assert.equal(meta(second, 'property', 'og:url'), 'http://localhost:3000/domains/D3?page=2')
  assert.match(first, /Published challenges<\/dt><dd[^>]*>21<\/dd>/)
  // A page number that does not parse shows the first page.
  assert.equal(challengeLinks(String((await anon.get('/domains/D3?page=zero')).body)).length, 20)
})
