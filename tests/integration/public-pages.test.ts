/** Public pages are real HTML: what curl sees, without JavaScript, has the content and the link-preview tags. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { publishCalls } from '../factories/calls.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp({ renderer: 'built' })
// The programme seed leaves OC1 and OC2 as drafts; the home lists published calls only.
await publishCalls(t.db, t.programmeId)

function meta(html: string, attr: 'name' | 'property', key: string): string | undefined {
  const re = new RegExp(`<meta[^>]*${attr}="${key.replace('.', '\\.')}"[^>]*content="([^"]*)"`, 'i')
  const alt = new RegExp(`<meta[^>]*content="([^"]*)"[^>]*${attr}="${key.replace('.', '\\.')}"`, 'i')
  return re.exec(html)?.[1] ?? alt.exec(html)?.[1]
}

test('the programme home is server-rendered: title, description, clusters, domains, calls and Open Graph tags', async () => {
  const res = await t.client().get('/', { 'accept-language': 'en' })
  assert.equal(res.status, 200)
  assert.match(String(res.headers['content-type']), /^text\/html/)
  const html = String(res.body)
  assert.match(html, /<html[^>]*lang="en"/)
  assert.match(html, /<title>[^<]*SecurIT[^<]*<\/title>/)
  assert.ok(meta(html, 'name', 'description')?.includes('security clusters'))
  assert.ok(meta(html, 'property', 'og:title')?.includes('SecurIT'))
  assert.ok(meta(html, 'property', 'og:description'))
  assert.equal(meta(html, 'property', 'og:type'), 'website')
  assert.ok(meta(html, 'property', 'og:url')?.startsWith('http://localhost:3000/'))
  for (const name of ['Safe Cluster', 'SCS', 'LSEC', 'L3CE', 'HSD', 'Systematic', 'CenSec', 'FundingBox']) {
    assert.ok(html.includes(name), `${name} is on the page`)
  }
  for (const d of [
    'Sensitive infrastructure protection',
    'Disaster resilience',
    'Public spaces protection and major events',
  ]) {
    assert.ok(html.includes(d), `${d} is on the page`)
  }
  assert.ok(html.includes('Open call 1') && html.includes('Open call 2'))
  assert.match(html, /<h1[^>]*>/)
})

test('the page speaks the visitor’s language: French and Dutch', async () => {
  const fr = String((await t.client().get('/?lang=fr')).body)
  assert.match(fr, /<html[^>]*lang="fr"/)
  assert.ok(fr.includes('Résilience face aux catastrophes'))
  const nl = String((await t.client().get('/', { 'accept-language': 'nl-BE,nl;q=0.9' })).body)
  assert.match(nl, /<html[^>]*lang="nl"/)
  assert.ok(nl.includes('Weerbaarheid bij rampen'))
})

test('embedded props cannot break out of the document', async () => {
  await t.db
    .updateTable('programmes')
    .set({ summary: JSON.stringify({ en: '</script><script>alert(1)</script>' }) })
    .where('id', '=', t.programmeId)
    .execute()
  const html = String((await t.client().get('/?lang=en')).body)
  assert.equal(html.includes('</script><script>alert(1)'), false)
})

test('the built client is served: hashed assets with long caching, the app shell for every /app route', async () => {
  const c = t.client()
  const html = String((await c.get('/?lang=en')).body)
  const css = /<link rel="stylesheet" href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1]
  assert.ok(css, 'the page links its stylesheet')
  const asset = await c.get(css)
  assert.equal(asset.status, 200)
  assert.match(String(asset.headers['content-type']), /text\/css/)
  assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable')
  for (const path of ['/app', '/app/sign-in', '/app/organisations/123/members']) {
    const page = await c.get(path)
    assert.equal(page.status, 200, path)
    assert.match(String(page.body), /<div id="root">/)
  }
  assert.equal((await c.get('/assets/does-not-exist.js')).status, 404)
})

test('pages are sent with a Content-Security-Policy that forbids inline and foreign scripts', async () => {
  const res = await t.client().get('/?lang=en')
  const csp = String(res.headers['content-security-policy'])
  assert.match(csp, /script-src 'self'(;|$)/)
  assert.match(csp, /frame-ancestors 'none'/)
  const html = String(res.body)
  // Every <script> is either an external file of ours or non-executable JSON.
  for (const tag of html.match(/<script[^>]*>/g) ?? []) {
    assert.ok(/src="\/assets\//.test(tag) || /type="application\/json"/.test(tag), tag)
  }
})
