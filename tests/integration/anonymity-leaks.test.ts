/**
 * An anonymous profile's identity cannot be found through any route. An anonymous SME with a
 * distinctive name, short name, website, registration number, region, logo and members (and a
 * members-only one) is seeded; then, as an anonymous caller, a plain signed-in user, a member of
 * another organisation, an expert and an API token, every GET route of the API (taken from the running
 * app, with every path parameter filled with the hidden organisation's ids and a search for each hidden
 * string), the OpenAPI document, the exports, the public pages (HTML and Open Graph tags) and the logo
 * URLs are called, and no response may carry any of the hidden strings. Brokers (operators, cluster
 * staff) and the organisation's own members do see them.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { termId } from '../../server/seed/taxonomies/index.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res, type TestClient } from '../support/app.ts'

const t = await createTestApp({ renderer: 'built' })

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

// ---- The hidden organisation (anonymous) and its people.
const zyxOwner = await createUser(t.db, t.programmeId, {
  name: 'Orvokki Zyxmember',
  email: 'orvokki.zyx@zyxquorbit-secret.example',
})
const anon = await createTeam(t.db, t.programmeId, {
  legalName: 'Zyxquorbit Defence Labs Oy',
  country: 'FI',
  members: [{ user: zyxOwner, role: 'admin' }],
})
const anonOwner = await signedIn(t, anon.owner)
const profileBody = {
  headcount: 14,
  annualTurnoverCents: 180_000_000,
  balanceSheetCents: 150_000_000,
  financialYear: 2024,
  foundedYear: 1987,
  region: 'Kainuu-Zyxvale',
  publicBodyControl: false,
  visibility: 'anonymous',
  description: 'Radar analytics that watch port perimeters and warn operators of unusual movements at night.',
  descriptionLanguage: 'auto',
  tagIds: [termId('nis-sectors', (await firstTerm('nis-sectors')).code)],
}
async function firstTerm(taxonomy: string) {
  return t.db
    .selectFrom('taxonomy_terms')
    .select(['code', 'name'])
    .where('taxonomy_id', '=', taxonomy)
    .orderBy('position')
    .executeTakeFirstOrThrow()
}
{
  const patch = await anonOwner.patch(`/api/v1/organisations/${anon.org.id}`, {
    shortName: 'ZyxqLabs',
    website: 'https://zyxquorbit-secret.example',
    registrationNumber: 'FI99887766',
    legalForm: 'Zyxform Oy',
  })
  assert.equal(patch.status, 200, JSON.stringify(patch.body))
  const put = await anonOwner.request('PUT', `/api/v1/organisations/${anon.org.id}/applicant-profile`, profileBody)
  assert.equal(put.status, 200, JSON.stringify(put.body))
  const logo = await anonOwner.request('PUT', `/api/v1/organisations/${anon.org.id}/applicant-profile/logo`, {
    filename: 'zyxquorbit-logo.png',
    data: PNG.toString('base64'),
  })
  assert.equal(logo.status, 200, JSON.stringify(logo.body))
}
const anonRow = await t.db
  .selectFrom('organisations as o')
  .innerJoin('files as f', 'f.id', 'o.logo_file_id')
  .select(['o.public_ref', 'f.id as file_id', 'f.sha256'])
  .where('o.id', '=', anon.org.id)
  .executeTakeFirstOrThrow()
const anonRef = anonRow.public_ref

// ---- A members-only organisation: hidden from the public and from accounts that joined nothing.
const membersOnly = await createTeam(t.db, t.programmeId, { legalName: 'Quorvexmembers Sentinel AB', country: 'SE' })
await (await signedIn(t, membersOnly.owner)).request(
  'PUT',
  `/api/v1/organisations/${membersOnly.org.id}/applicant-profile`,
  { ...profileBody, visibility: 'members', region: 'Quorvexregion', description: 'Sensors for tunnels.' },
)
const membersRef = (
  await t.db
    .selectFrom('organisations')
    .select('public_ref')
    .where('id', '=', membersOnly.org.id)
    .executeTakeFirstOrThrow()
).public_ref

// ---- Solutions of the hidden organisation (written straight to the table: this is about the owner).
async function insertSolution(organisationId: string, reference: string, name: string, visibility: string) {
  return t.db
    .insertInto('solutions')
    .values({
      organisation_id: organisationId,
      reference,
      status: 'published',
      visibility,
      type: 'software',
      name,
      pitch: 'Watches harbour perimeters at night.',
      content: JSON.stringify({ description: 'Radar analytics for ports.' }),
      language: 'en',
      ip_status: 'proprietary',
      assessed_trl: 6,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow()
}
const publicSolution = await insertSolution(anon.org.id, 'SOL-9901', 'Harbourwatch radar analytics', 'public')
const anonSolution = await insertSolution(anon.org.id, 'SOL-9902', 'Nightquay anomaly finder', 'anonymous')
// A public organisation's anonymous solution must not be tied to it either.
const openOrg = await createTeam(t.db, t.programmeId, { legalName: 'Openly Known Oy', country: 'FI' })
await (await signedIn(t, openOrg.owner)).request('PUT', `/api/v1/organisations/${openOrg.org.id}/applicant-profile`, {
  ...profileBody,
  visibility: 'public',
  region: 'Uusimaa',
})
const openRef = (
  await t.db.selectFrom('organisations').select('public_ref').where('id', '=', openOrg.org.id).executeTakeFirstOrThrow()
).public_ref
const openAnonSolution = await insertSolution(openOrg.org.id, 'SOL-9903', 'Wharfwatch hidden sensor', 'anonymous')

/** What must never reach someone the disclosure rule refuses. */
const HIDDEN = [
  'Zyxquorbit',
  'ZyxqLabs',
  'zyxquorbit-secret',
  'FI99887766',
  'Kainuu-Zyxvale',
  'Zyxform',
  'Orvokki',
  'Zyxmember',
  anon.org.id,
  anonRow.file_id,
  anonRow.sha256,
  anonRow.sha256.slice(0, 12),
  anon.owner.email,
  anon.owner.name,
]
const MEMBERS_ONLY = ['Quorvexmembers', 'Quorvexregion', membersOnly.org.id]

// ---- Who asks.
const otherTeam = await createTeam(t.db, t.programmeId, { legalName: 'Bystander Systems NV' })
const plainUser = await createUser(t.db, t.programmeId)
const plainClient = await signedIn(t, plainUser)
const tokenRes = await plainClient.post('/api/v1/me/tokens', {
  name: 'leak probe',
  scopes: ['profile:read', 'organisations:read', 'use_cases:read', 'workshops:read', 'solutions:read'],
})
assert.equal(tokenRes.status, 201, JSON.stringify(tokenRes.body))
const tokenClient = t.client()
tokenClient.headers = { authorization: `Bearer ${tokenRes.body.token}` }
interface Caller {
  who: string
  client: TestClient
  /** Platform members see members-only identities (not anonymous ones). */
  platformMember: boolean
}
const outsiders: Caller[] = [
  { who: 'anonymous', client: t.client(), platformMember: false },
  { who: 'plain user', client: plainClient, platformMember: false },
  { who: 'API token of a plain user', client: tokenClient, platformMember: false },
  { who: 'member of another organisation', client: await signedIn(t, otherTeam.member), platformMember: true },
  {
    who: 'expert',
    client: await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'expert' })),
    platformMember: true,
  },
]

function hiddenFor(c: Caller): string[] {
  return c.platformMember ? HIDDEN : [...HIDDEN, ...MEMBERS_ONLY]
}

/** The body as text, without `instance` (a problem's echo of the caller's own request URL). */
function bodyText(res: Res): string {
  if (typeof res.body === 'string') return res.body
  if (Buffer.isBuffer(res.body)) return res.body.toString('latin1')
  return JSON.stringify(res.body, (k, v) => (k === 'instance' ? undefined : v))
}

/** `echo`: the caller's own search words, which a search page shows back in its form (not a leak). */
function assertSilent(c: Caller, label: string, res: Res, echo?: string) {
  let text = bodyText(res).toLowerCase()
  if (echo) text = text.replaceAll(echo.toLowerCase(), '')
  for (const s of hiddenFor(c)) {
    assert.ok(!text.includes(s.toLowerCase()), `${c.who} — ${label} (${res.status}): leaked "${s}"`)
  }
}

const searchTerms = ['Zyxquorbit', 'ZyxqLabs', 'FI99887766', 'Kainuu-Zyxvale', 'zyxquorbit-secret', 'Orvokki']

/** Fills a route's path parameters with the hidden organisation's identifiers (several variants). */
function concreteUrls(url: string): string[] {
  const variants = [
    { organisation: anon.org.id, ref: anonRef, solution: publicSolution.id },
    { organisation: anon.org.id, ref: anon.org.id, solution: anonSolution.id },
    { organisation: membersOnly.org.id, ref: membersRef, solution: openAnonSolution.id },
  ]
  const out = new Set<string>()
  for (const v of variants) {
    out.add(
      url.replace(/:(\w+)/g, (_, name: string) => {
        const n = name.toLowerCase()
        if (n.includes('organisation')) return v.organisation
        if (n === 'ref' || n === 'publicref') return v.ref
        if (n.includes('solution')) return v.solution
        if (n === 'reference') return publicSolution.reference
        if (n === 'userid') return anon.owner.id
        if (n === 'fileid') return anonRow.file_id
        if (n === 'token') return 'not-a-real-invitation-token'
        if (n === 'taxonomyid') return 'nis-sectors'
        if (n === 'type') return 'software'
        if (n === 'revision') return '1'
        return randomUUID()
      }),
    )
  }
  return [...out]
}

test('no GET route of the API names the hidden organisation to outsiders; searches for it find nothing', async () => {
  const doc = (await t.client().get('/api/v1/openapi.json')).body
  const gets = t.app.http.apiRoutes.filter((r) => r.method === 'GET')
  assert.ok(gets.length > 20)
  let calls = 0
  let searches = 0
  for (const c of outsiders) {
    for (const route of gets) {
      const params = (doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? []) as {
        name: string
        in: string
      }[]
      const takesQ = params.some((p) => p.in === 'query' && p.name === 'q')
      for (const url of concreteUrls(route.url)) {
        const res = await c.client.get(url)
        assertSilent(c, `GET ${url}`, res)
        calls++
        if (!takesQ) continue
        for (const q of searchTerms) {
          const sep = url.includes('?') ? '&' : '?'
          const found = await c.client.get(`${url}${sep}q=${encodeURIComponent(q)}&pageSize=100`)
          assertSilent(c, `GET ${url} q=${q}`, found)
          searches++
          if (found.status === 200 && typeof found.body === 'object' && found.body && 'total' in found.body) {
            assert.equal(
              found.body.total,
              0,
              `${c.who} — ${url}?q=${q}: a search for a hidden string counts ${found.body.total}`,
            )
          }
          for (const facetish of ['facets', 'counts']) {
            if (found.body && typeof found.body === 'object' && facetish in found.body) {
              assertSilent(c, `facets of ${url}?q=${q}`, found)
            }
          }
        }
      }
    }
  }
  assert.ok(calls > 100, `only ${calls} calls`)
  assert.ok(searches > 0, 'at least one route takes q=')
})

test('the OpenAPI document and its examples name no hidden organisation', async () => {
  const c = outsiders[0]!
  assertSilent(c, 'openapi.json', await c.client.get('/api/v1/openapi.json'))
})

test('the logo is unreachable by id, by reference and by file id; the public profile is anonymised', async () => {
  for (const c of outsiders) {
    for (const ref of [anonRef, anon.org.id, anon.org.id.toUpperCase(), anonRow.file_id]) {
      const res = await c.client.get(`/api/v1/organisations/${ref}/logo?v=${anonRow.sha256.slice(0, 12)}`)
      assert.ok(res.status === 404 || res.status === 400, `${c.who}: logo by ${ref} answered ${res.status}`)
      assert.ok(!String(res.headers['content-type']).startsWith('image/'), `${c.who}: an image was served`)
      assertSilent(c, `logo by ${ref}`, res)
    }
    const profile = await c.client.get(`/api/v1/profiles/${anonRef}`)
    assert.equal(profile.status, 200, c.who)
    assert.equal(profile.body.identity, null, c.who)
    assert.equal(profile.body.smeStatus, 'small')
    // The public solution is listed under the anonymous reference; the anonymous one is not.
    assert.equal(profile.body.solutionCount, 1)
    assertSilent(c, 'profile', profile)
    const members = await c.client.get(`/api/v1/profiles/${membersRef}`)
    if (c.platformMember) assert.equal(members.body.identity.name, 'Quorvexmembers Sentinel AB')
    else {
      assert.equal(members.status, 404, c.who)
      assertSilent(c, 'members-only profile', members)
    }
    // A public organisation's anonymous solution is not listed on its profile.
    const open = await c.client.get(`/api/v1/profiles/${openRef}`)
    assert.equal(open.body.identity.name, 'Openly Known Oy')
    assert.equal(open.body.solutionCount, 0, `${c.who}: the anonymous solution is tied to its owner`)
  }
})

test('exports answer outsiders nothing about the hidden organisation', async () => {
  for (const c of outsiders) {
    for (const path of [
      '/api/v1/organisations/export.csv',
      '/api/v1/organisations/export.xlsx',
      '/api/v1/organisations/export.csv?q=Zyxquorbit',
      '/api/v1/use-cases/export.csv',
      '/api/v1/solutions/export.csv',
      '/api/v1/solutions/export.csv?q=Zyxquorbit',
      '/api/v1/solutions/export.xlsx',
    ]) {
      const res = await c.client.get(path)
      assertSilent(c, path, res)
      if (res.status === 200 && /xlsx|spreadsheet/.test(String(res.headers['content-type']))) {
        // The XLSX is a ZIP: look into its sheets.
        const ExcelJS = (await import('exceljs')).default
        const wb = new ExcelJS.Workbook()
        await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
        const cells: string[] = []
        wb.eachSheet((ws) => ws.eachRow((row) => cells.push(JSON.stringify(row.values))))
        assertSilent(c, `${path} (cells)`, { ...res, body: cells.join('\n') })
      }
    }
  }
})

test('public pages: the profile page, its head and Open Graph tags, the catalogue pages, carry no hidden data', async () => {
  const c = outsiders[0]!
  const page = await c.client.get(`/organisations/${anonRef}`, { 'accept-language': 'en' })
  assert.equal(page.status, 200)
  const html = String(page.body)
  assert.ok(html.includes('Anonymous SME from Finland'), 'the heading names the country only')
  assert.match(html, /<meta property="og:title" content="Anonymous SME from Finland">/)
  assert.ok(html.includes('Harbourwatch radar analytics'), 'the public solution is listed')
  assert.ok(!html.includes('Nightquay'), 'the anonymous solution is not tied to the profile')
  assertSilent(c, 'profile page', page)
  for (const lang of ['fr', 'nl']) {
    assertSilent(c, `profile page ${lang}`, await c.client.get(`/organisations/${anonRef}?lang=${lang}`))
  }
  for (const path of [
    `/organisations/${membersRef}`,
    `/organisations/${anon.org.id}`,
    '/',
    '/challenges',
    '/solutions',
    `/solutions/${publicSolution.reference}`,
    `/solutions/${anonSolution.reference}`,
    '/app/',
  ]) {
    assertSilent(c, path, await c.client.get(path))
  }
  for (const base of ['/challenges', '/solutions']) {
    for (const q of searchTerms) {
      assertSilent(c, `${base}?q=${q}`, await c.client.get(`${base}?q=${encodeURIComponent(q)}`), q)
    }
  }
  assert.equal((await c.client.get(`/organisations/${membersRef}`)).status, 404)
  const open = String((await c.client.get(`/organisations/${openRef}`)).body)
  assert.ok(open.includes('Openly Known Oy'))
  assert.ok(!open.includes('Wharfwatch'))
})

test('brokers and the organisation’s own members do see who it is', async () => {
  const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
  const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
  const member = await signedIn(t, anon.member)
  for (const [who, c] of [
    ['operator', operator],
    ['cluster staff', staff],
    ['own member', member],
  ] as const) {
    const org = await c.get(`/api/v1/organisations/${anon.org.id}`)
    assert.equal(org.body.legalName, 'Zyxquorbit Defence Labs Oy', who)
    assert.equal(org.body.registrationNumber, 'FI99887766', who)
    const profile = await c.get(`/api/v1/profiles/${anonRef}`)
    assert.equal(profile.body.identity.name, 'Zyxquorbit Defence Labs Oy', who)
    assert.equal(profile.body.identity.website, 'https://zyxquorbit-secret.example', who)
    assert.equal(profile.body.identity.region, 'Kainuu-Zyxvale', who)
    assert.equal(profile.body.solutionCount, 2, `${who}: sees the anonymous solution too`)
    const logo = await c.get(`/api/v1/organisations/${anonRef}/logo`)
    assert.equal(logo.status, 200, who)
    assert.equal(logo.headers['content-type'], 'image/png')
    const people = await c.get(`/api/v1/organisations/${anon.org.id}/members`)
    assert.ok(
      people.body.items.some((m: { name: string }) => m.name === 'Orvokki Zyxmember'),
      who,
    )
  }
  for (const c of [operator, staff]) {
    const list = await c.get('/api/v1/organisations?q=Zyxquorbit')
    assert.equal(list.body.total, 1)
    const csv = await c.get('/api/v1/organisations/export.csv?q=Zyxquorbit')
    assert.ok(String(csv.raw.rawPayload).includes('FI99887766'))
  }
})
