/**
 * The solution catalogue: multilingual search (words inflected unlike the text, in three languages),
 * filters, facet counts (precomputed and live, both exact), paging, sort, export and import through the
 * same rule — and leaks: no other organisation's draft, no members-only solution for outsiders, and no
 * hidden owner's identity in lists, searches, counts, snippets, exports, server-rendered pages or OG tags.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { identityVisible } from '../../server/modules/organisations/domain/disclosure.ts'
import { solutionsForChallenge } from '../../server/modules/solutions/queries/catalogue/challenge-solutions.ts'
import { ownerShownSql } from '../../server/modules/solutions/queries/catalogue/disclosure-sql.ts'
import { type Actor, anonymousActor } from '../../server/platform/authz/actor.ts'
import { readTable, toXlsx } from '../../server/platform/export/index.ts'
import type { ProgrammeRole } from '../../shared/authz.ts'
import { catalogueOrg, catalogueSolution, termIds } from '../factories/catalogue.ts'
import { signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type TestClient } from '../support/app.ts'

const t = await createTestApp({ renderer: 'built' })
const db = t.db
const anon = t.client()

const tags = await termIds(db, ['Ransomware', 'Fire', 'Intrusion detection and honeypots', 'Water'])

// Owners: public, anonymous, members-only, and a few more.
const thermo = await catalogueOrg(db, {
  legalName: 'Thermovision Industries SAS',
  shortName: 'Thermovision',
  country: 'FR',
  smeStatus: 'small',
  website: 'https://thermovision.example',
})
const hidden = await catalogueOrg(db, {
  legalName: 'Stealthwave Detection BV',
  shortName: 'Stealthwave',
  country: 'NL',
  visibility: 'anonymous',
  smeStatus: 'micro',
  website: 'https://www.stealthwave.example',
  registrationNumber: 'NL-KVK-77331',
})
const membersOrg = await catalogueOrg(db, {
  legalName: 'Rheinflut Analytik GmbH',
  country: 'DE',
  visibility: 'members',
  smeStatus: 'medium',
})
const other = await catalogueOrg(db, { legalName: 'Brabant Secure NV', country: 'BE', smeStatus: 'not_sme' })
const nebula = await catalogueOrg(db, {
  legalName: 'Nebula Shield OÜ',
  shortName: 'Nebula Shield',
  country: 'EE',
  visibility: 'anonymous',
  smeStatus: 'medium',
})
const aardvark = await catalogueOrg(db, { legalName: 'Aardvark Anonymous Ltd', country: 'IE', visibility: 'anonymous' })
const zebra = await catalogueOrg(db, { legalName: 'Zebra Hidden Oy', country: 'FI', visibility: 'anonymous' })

const s1 = await catalogueSolution(db, {
  organisationId: thermo.id,
  name: 'Vigie thermique',
  pitch: 'Caméra thermique qui distingue les personnes des animaux le long des clôtures industrielles',
  description: 'Notre caméra thermique détecte les intrusions la nuit et envoie des alertes localisées.',
  language: 'fr',
  type: 'hardware',
  trl: 7,
  targetTrl: 8,
  domains: ['D1'],
  challenges: ['D1-C2'],
  tags: [tags['Intrusion detection and honeypots']!],
})
const s2 = await catalogueSolution(db, {
  organisationId: hidden.id,
  name: 'Havenradar',
  pitch: 'Radar voor de detectie van drones boven havens en luchthavens',
  description: 'De detectie van kleine drones gebeurt met radar en akoestische sensoren, ook bij slecht weer.',
  language: 'nl',
  type: 'hardware',
  trl: 6,
  domains: ['D1'],
  challenges: ['D1-C3'],
})
const s3 = await catalogueSolution(db, {
  organisationId: membersOrg.id,
  name: 'FloodCast river model',
  pitch: 'Forecasting floods hours ahead for municipalities',
  description: 'Flood forecasting from river gauges and rain radar, with warnings sent to the crisis team.',
  type: 'software',
  trl: 5,
  domains: ['D2'],
  challenges: ['D2-C1'],
  tags: [tags.Water!],
})
const s4 = await catalogueSolution(db, {
  organisationId: thermo.id,
  name: 'Stadium crowd analytics',
  pitch: 'Crowd monitoring for stadium operators',
  description: 'Counts and flows of spectators at every gate.',
  type: 'service',
  trl: 8,
  visibility: 'members',
  domains: ['D3'],
  challenges: ['D3-C3'],
})
const s5 = await catalogueSolution(db, {
  organisationId: thermo.id,
  name: 'Ransomware tripwire',
  pitch: 'Catches ransomware before it encrypts a file server',
  description: 'Decoy files raise an alert as soon as something starts encrypting them.',
  type: 'software',
  trl: 9,
  visibility: 'anonymous',
  domains: ['D1'],
  tags: [tags.Ransomware!],
})
const s6 = await catalogueSolution(db, {
  organisationId: other.id,
  name: 'Secret thermal draft',
  pitch: 'Unreleased thermal camera',
  status: 'draft',
  type: 'hardware',
  trl: 4,
})
const s7 = await catalogueSolution(db, {
  organisationId: other.id,
  name: 'Old archived sensor',
  pitch: 'A retired acoustic sensor',
  status: 'archived',
  trl: 9,
})
const s8 = await catalogueSolution(db, {
  organisationId: nebula.id,
  name: 'Crisis drill kit',
  pitch: 'Tabletop exercises for crisis teams',
  description: 'Nebula Shield designed these drills with fire brigades and city crisis teams.',
  type: 'methodology',
  trl: 4,
  domains: ['D2'],
  tags: [tags.Fire!],
})
const s9 = await catalogueSolution(db, {
  organisationId: other.id,
  name: 'Acoustic gunshot locator',
  pitch: 'Locates gunshots in squares and streets within seconds',
  type: 'hardware',
  trl: 6,
  domains: ['D3'],
})
const s10 = await catalogueSolution(db, {
  organisationId: other.id,
  name: 'badge access gateway',
  pitch: 'Visitor badges for town halls',
  type: 'software',
  trl: null,
})
const s11 = await catalogueSolution(db, {
  organisationId: other.id,
  name: 'Citizen alert app',
  pitch: 'Warns residents of floods and fires on their phones',
  type: 'software',
  trl: 7,
  domains: ['D2'],
})
const s12 = await catalogueSolution(db, {
  organisationId: aardvark.id,
  name: 'Zulu tunnel monitor',
  pitch: 'Watches road tunnels for smoke and stopped vehicles',
  type: 'service',
  trl: 6,
  domains: ['D1'],
  challenges: ['D1-C2'],
})
const s13 = await catalogueSolution(db, {
  organisationId: zebra.id,
  name: 'Alpha tunnel monitor',
  pitch: 'Counts vehicles in tunnels and spots wrong-way drivers',
  type: 'service',
  trl: 6,
  domains: ['D1'],
  challenges: ['D1-C2'],
})
const s14 = await catalogueSolution(db, {
  organisationId: other.id,
  name: 'Fence vibration prototype',
  pitch: 'Vibration sensors on fences, still in the lab',
  type: 'hardware',
  trl: 3,
  challenges: ['D1-C2'],
})

const anonymousSet = [s1, s2, s3, s5, s8, s9, s10, s11, s12, s13, s14]
const memberSet = [...anonymousSet, s4]

// People.
const thermoMember = await createUser(db, t.programmeId, { name: 'Théo Member' })
await db
  .insertInto('memberships')
  .values({ organisation_id: thermo.id, user_id: thermoMember.id, role: 'member' })
  .execute()
const otherMember = await createUser(db, t.programmeId, { name: 'Bram Other' })
await db
  .insertInto('memberships')
  .values({ organisation_id: other.id, user_id: otherMember.id, role: 'owner' })
  .execute()
const plainUser = await createUser(db, t.programmeId, { name: 'Pat Plain' })
const operatorUser = await createUser(db, t.programmeId, { programmeRole: 'operator' })
const staffUser = await createUser(db, t.programmeId, { programmeRole: 'cluster_staff' })
const member = await signedIn(t, thermoMember)
const otherOrgMember = await signedIn(t, otherMember)
const plain = await signedIn(t, plainUser)
const operator = await signedIn(t, operatorUser)
const staff = await signedIn(t, staffUser)

type Item = {
  id: string
  reference: string
  name: string
  owner: {
    disclosed: boolean
    name: string | null
    publicRef: string | null
    country: string
    smeStatus: string | null
  }
  snippet: { text: string; hit: boolean }[] | null
}
const refs = (res: { body: { items: Item[] } }) => res.body.items.map((i) => i.reference)
const sorted = (xs: { reference: string }[]) => xs.map((x) => x.reference).sort()

/** Every item of a search, all pages. */
async function all(client: TestClient, query = ''): Promise<Item[]> {
  const out: Item[] = []
  for (let page = 1; page < 20; page++) {
    const res = await client.get(`/api/v1/solutions?pageSize=50&page=${page}${query ? `&${query}` : ''}`)
    assert.equal(res.status, 200, JSON.stringify(res.body))
    out.push(...res.body.items)
    if (out.length >= res.body.total) break
  }
  return out
}

const hiddenIdentity = [
  'Stealthwave',
  'stealthwave.example',
  'NL-KVK-77331',
  'Nebula Shield',
  'Aardvark',
  'Zebra Hidden',
  'Rheinflut',
]

test('who sees what: published solutions only, members-only ones for platform members', async () => {
  assert.deepEqual(sorted(await all(anon)), sorted(anonymousSet))
  assert.deepEqual(
    sorted(await all(plain)),
    sorted(anonymousSet),
    'an account without organisation or role is no member',
  )
  assert.deepEqual(sorted(await all(member)), sorted(memberSet))
  assert.deepEqual(sorted(await all(otherOrgMember)), sorted(memberSet), 'its own draft stays out of the catalogue')
  assert.deepEqual(sorted(await all(operator)), sorted(memberSet))
  for (const c of [anon, member, operator]) {
    const found = await all(c)
    assert.ok(!found.some((i) => [s6.reference, s7.reference].includes(i.reference)))
  }
})

test('French, Dutch and English queries find texts whose words are inflected differently', async () => {
  // "caméras thermiques" (plural) finds "caméra thermique" (singular) in a French text.
  const fr = await anon.get(`/api/v1/solutions?q=${encodeURIComponent('caméras thermiques')}`)
  assert.deepEqual(refs(fr), [s1.reference])
  assert.equal(fr.body.total, 1)
  const snippet = fr.body.items[0].snippet as Item['snippet']
  assert.ok(
    snippet?.some((p) => p.hit && /caméra thermique/i.test(p.text)),
    JSON.stringify(snippet),
  )
  // "detecties" (plural, left alone by the Dutch stemmer) finds "detectie" — first — and, through its
  // French stem, the solution tagged "Intrusion detection…" (its tag names are part of its text).
  const nl = await anon.get('/api/v1/solutions?q=detecties')
  assert.deepEqual(refs(nl), [s2.reference, s1.reference])
  assert.ok((nl.body.items[0].snippet as Item['snippet'])?.some((p) => p.hit && /detectie/i.test(p.text)))
  // "forecasts floods" finds "flood forecasting".
  assert.deepEqual(refs(await anon.get('/api/v1/solutions?q=forecasts%20floods')), [s3.reference])
  // With its language declared, and detected when the query is long enough.
  const declared = await anon.get(`/api/v1/solutions?lang=fr&q=${encodeURIComponent('caméras thermiques')}`)
  assert.deepEqual([refs(declared), declared.body.queryLanguage], [[s1.reference], 'fr'])
  const detected = await anon.get(
    `/api/v1/solutions?q=${encodeURIComponent('caméras thermiques le long des clôtures industrielles')}`,
  )
  assert.deepEqual([refs(detected), detected.body.queryLanguage], [[s1.reference], 'fr'])
  assert.equal(fr.body.queryLanguage, null, 'two words are too few to tell the language')
  // Websearch syntax: a phrase, and a word left out.
  assert.deepEqual(refs(await anon.get(`/api/v1/solutions?q=${encodeURIComponent('"tunnel monitor" -zulu')}`)), [
    s13.reference,
  ])
  // Relevance: the name weighs more than the text.
  const tunnel = await anon.get('/api/v1/solutions?q=tunnels')
  assert.deepEqual(tunnel.body.total, 2)
  assert.equal(tunnel.body.sort, 'relevance')
})

test('filters: type, TRL range on the effective TRL, country and SME status of the owner, domain, challenge, tag', async () => {
  const q = async (query: string) => sorted(await all(anon, query))
  assert.deepEqual(await q('type=hardware'), sorted([s1, s2, s9, s14]))
  assert.deepEqual(await q('trlMin=6&trlMax=8'), sorted([s1, s2, s9, s11, s12, s13]))
  assert.deepEqual(await q('trlMin=9'), sorted([s5]))
  assert.deepEqual(await q('country=FR'), sorted([s1, s5]))
  assert.deepEqual(await q('country=fr'), sorted([s1, s5]))
  assert.deepEqual(await q('sme=micro'), sorted([s2]))
  assert.deepEqual(await q('domain=D2'), sorted([s3, s8, s11]))
  assert.deepEqual(await q('challenge=D1-C2'), sorted([s1, s12, s13, s14]))
  assert.deepEqual(await q(`tag=${tags.Ransomware}`), sorted([s5]))
  assert.deepEqual(await q('domain=D1&type=service&trlMin=6'), sorted([s12, s13]))
  assert.deepEqual(await q('domain=D9'), [], 'an unknown code matches nothing')
  // Empty fields are no filter (the no-JavaScript form sends them all); bad values are refused.
  assert.equal((await anon.get('/api/v1/solutions?q=&domain=&type=&trlMin=&sort=')).body.total, anonymousSet.length)
  const bad = await anon.get('/api/v1/solutions?trlMin=12&type=rocket&pageSize=500')
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['pageSize', 'trlMin', 'type'])
})

test('facet counts are exact and each is counted without its own filter', async () => {
  const f = await anon.get('/api/v1/solutions/facets')
  assert.equal(f.status, 200)
  assert.equal(f.body.total, anonymousSet.length)
  assert.deepEqual(f.body.type, [
    { value: 'hardware', count: 4 },
    { value: 'software', count: 4 },
    { value: 'service', count: 2 },
    { value: 'methodology', count: 1 },
  ])
  assert.deepEqual(f.body.trl, [
    { value: '3', count: 1 },
    { value: '4', count: 1 },
    { value: '5', count: 1 },
    { value: '6', count: 4 },
    { value: '7', count: 2 },
    { value: '9', count: 1 },
  ])
  assert.deepEqual(
    f.body.domain.map((d: { value: string; count: number }) => [d.value, d.count]),
    [
      ['D1', 5],
      ['D2', 3],
      ['D3', 1],
    ],
  )
  assert.deepEqual(f.body.sme, [
    { value: 'micro', count: 1 },
    { value: 'small', count: 4 },
    { value: 'medium', count: 2 },
    { value: 'not_sme', count: 4 },
  ])
  // With type=hardware: the type facet still shows every type; the others count hardware only.
  const hw = await anon.get('/api/v1/solutions/facets?type=hardware')
  assert.equal(hw.body.total, 4)
  assert.deepEqual(hw.body.type, f.body.type)
  assert.deepEqual(hw.body.country, [
    { value: 'BE', count: 2 },
    { value: 'FR', count: 1 },
    { value: 'NL', count: 1 },
  ])
  // Members count the members-only solution too.
  const m = await member.get('/api/v1/solutions/facets?type=service')
  assert.equal(m.body.total, 3)
  assert.deepEqual(
    m.body.type.find((x: { value: string }) => x.value === 'service'),
    { value: 'service', count: 3 },
  )
})

test('facet counts match the list for every combination (precomputed and live counts agree)', async () => {
  const combos = [
    '',
    'type=hardware',
    'trlMin=6&trlMax=8',
    'country=BE',
    'sme=small',
    'domain=D1',
    'challenge=D1-C2',
    `tag=${tags.Fire}`,
    'domain=D1&type=service',
    'trlMin=5&country=FR',
    'q=tunnel',
    'q=tunnel&trlMin=6',
    'sme=not_sme&domain=D3&type=hardware',
  ]
  const dimensions = {
    type: (i: Item & Record<string, unknown>) => [String(i.type)],
    trl: (i: Item & Record<string, unknown>) => (i.trl === null ? [] : [String(i.trl)]),
    country: (i: Item) => [i.owner.country],
    sme: (i: Item) => (i.owner.smeStatus ? [i.owner.smeStatus] : []),
    domain: (i: Item & Record<string, unknown>) => (i.domains as { code: string }[]).map((d) => d.code),
  } as const
  const filterOf: Record<keyof typeof dimensions, string[]> = {
    type: ['type'],
    trl: ['trlMin', 'trlMax'],
    country: ['country'],
    sme: ['sme'],
    domain: ['domain'],
  }
  for (const client of [anon, member]) {
    for (const combo of combos) {
      const facets = (await client.get(`/api/v1/solutions/facets?${combo}`)).body
      const listed = await all(client, combo)
      assert.equal(facets.total, listed.length, `total for ${combo}`)
      assert.equal((await client.get(`/api/v1/solutions?${combo}`)).body.total, listed.length)
      for (const [dim, values] of Object.entries(dimensions) as [keyof typeof dimensions, (i: Item) => string[]][]) {
        const params = new URLSearchParams(combo)
        for (const k of filterOf[dim]) params.delete(k)
        const base = await all(client, params.toString())
        const expected = new Map<string, number>()
        for (const i of base) for (const v of values(i)) expected.set(v, (expected.get(v) ?? 0) + 1)
        const got = new Map<string, number>(
          (facets[dim] as { value: string; count: number }[]).filter((x) => x.count > 0).map((x) => [x.value, x.count]),
        )
        assert.deepEqual(
          [...got].sort(),
          [...expected].sort(),
          `${dim} facet for "${combo}" (${client === anon ? 'anonymous' : 'member'})`,
        )
      }
    }
  }
})

test('paging and sort: name, newest, TRL, and the owner as the caller sees it', async () => {
  const pages = []
  for (const page of [1, 2, 3]) {
    const res = await anon.get(`/api/v1/solutions?pageSize=4&page=${page}&sort=name`)
    assert.deepEqual([res.body.total, res.body.page, res.body.pageSize], [anonymousSet.length, page, 4])
    pages.push(...res.body.items.map((i: Item) => i.name))
  }
  assert.equal(new Set(pages).size, anonymousSet.length)
  assert.deepEqual(
    pages,
    anonymousSet.map((s) => s.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
  )
  const newest = await all(anon, 'sort=newest')
  assert.deepEqual(
    newest.map((i) => i.reference),
    [...anonymousSet].reverse().map((s) => s.reference),
  )
  const byTrl = await all(anon, 'sort=trl')
  const levels = byTrl.map((i) => (i as unknown as { trl: number | null }).trl)
  assert.deepEqual(levels, [9, 7, 7, 6, 6, 6, 6, 5, 4, 3, null])
  // Owner: disclosed names A–Z, then the solutions whose owner is hidden, by their own name — never by
  // the hidden name (Aardvark's "Zulu…" would otherwise come before Zebra's "Alpha…").
  const byOwner = await all(anon, 'sort=owner')
  assert.deepEqual(
    byOwner.map((i) => i.name),
    [
      'Acoustic gunshot locator',
      'badge access gateway',
      'Citizen alert app',
      'Fence vibration prototype',
      'Vigie thermique',
      'Alpha tunnel monitor',
      'Crisis drill kit',
      'FloodCast river model',
      'Havenradar',
      'Ransomware tripwire',
      'Zulu tunnel monitor',
    ],
  )
  // The operator knows every owner: Aardvark's solution comes first.
  const operatorOrder = (await all(operator, 'sort=owner')).map((i) => i.name)
  assert.equal(operatorOrder[0], 'Zulu tunnel monitor')
})

test('owners: disclosed, or hidden with or without their public reference, with country and size', async () => {
  const items = new Map((await all(anon)).map((i) => [i.reference, i]))
  assert.deepEqual(items.get(s1.reference)?.owner, {
    disclosed: true,
    id: thermo.id,
    name: 'Thermovision',
    country: 'FR',
    publicRef: thermo.publicRef,
    smeStatus: 'small',
  })
  assert.deepEqual(items.get(s2.reference)?.owner, {
    disclosed: false,
    id: null,
    name: null,
    country: 'NL',
    publicRef: hidden.publicRef,
    smeStatus: 'micro',
  })
  // An anonymous solution of a public organisation: not even the reference (it would name the profile).
  assert.deepEqual(items.get(s5.reference)?.owner, {
    disclosed: false,
    id: null,
    name: null,
    country: 'FR',
    publicRef: null,
    smeStatus: 'small',
  })
  // A members-only profile: hidden from outsiders, disclosed to members; its own members see their anonymous solution's owner.
  assert.equal(items.get(s3.reference)?.owner.disclosed, false)
  const asMember = new Map((await all(member)).map((i) => [i.reference, i]))
  assert.equal(asMember.get(s3.reference)?.owner.name, 'Rheinflut Analytik GmbH')
  assert.equal(asMember.get(s5.reference)?.owner.name, 'Thermovision')
  assert.equal(asMember.get(s2.reference)?.owner.disclosed, false)
  const asOperator = new Map((await all(operator)).map((i) => [i.reference, i]))
  assert.equal(asOperator.get(s2.reference)?.owner.name, 'Stealthwave')
})

test('leaks: another organisation’s draft and members-only solutions stay out of lists, searches, counts and pages', async () => {
  for (const c of [anon, member, plain]) {
    const r = await c.get(`/api/v1/solutions?q=${encodeURIComponent('Unreleased thermal')}`)
    assert.deepEqual([r.body.total, r.body.items.length], [0, 0])
    assert.equal((await c.get(`/api/v1/solutions/facets?q=${encodeURIComponent('Unreleased thermal')}`)).body.total, 0)
  }
  for (const c of [anon, plain]) {
    const r = await c.get(`/api/v1/solutions?q=${encodeURIComponent('stadium crowd analytics')}`)
    assert.deepEqual([r.body.total, r.body.items.length], [0, 0])
    assert.equal((await c.get('/api/v1/solutions/facets?type=service')).body.total, 2)
    assert.ok(!JSON.stringify(await all(c)).includes('Stadium crowd analytics'))
  }
  assert.deepEqual(refs(await member.get(`/api/v1/solutions?q=${encodeURIComponent('stadium crowd analytics')}`)), [
    s4.reference,
  ])
  for (const ref of [s4.reference, s6.reference, s7.reference]) {
    const page = await anon.get(`/solutions/${ref}`)
    assert.equal(page.status, 404)
    assert.ok(!String(page.body).includes(ref))
  }
  const list = String((await anon.get('/solutions?pageSize=50')).body)
  for (const name of ['Stadium crowd analytics', 'Secret thermal draft', 'Old archived sensor']) {
    assert.ok(!list.includes(name), name)
  }
})

test('leaks: a hidden owner is never named — lists, searches by its name, counts, snippets', async () => {
  for (const c of [anon, plain, otherOrgMember]) {
    const json = JSON.stringify(await all(c)) + JSON.stringify((await c.get('/api/v1/solutions/facets')).body)
    for (const secret of hiddenIdentity) {
      if (secret === 'Rheinflut' && c === otherOrgMember) continue // a members-only profile: members see it
      assert.ok(!json.includes(secret), `${secret} leaked`)
    }
    for (const name of [
      'Stealthwave',
      'Stealthwave Detection BV',
      'stealthwave.example',
      'NL-KVK-77331',
      'Nebula Shield',
    ]) {
      const r = await c.get(`/api/v1/solutions?q=${encodeURIComponent(name)}`)
      assert.deepEqual([name, r.body.total, r.body.items.length], [name, 0, 0])
      assert.equal((await c.get(`/api/v1/solutions/facets?q=${encodeURIComponent(name)}`)).body.total, 0)
    }
    for (const sort of ['owner', 'name', 'relevance']) {
      const r = JSON.stringify((await c.get(`/api/v1/solutions?q=detecties&sort=${sort}`)).body)
      assert.ok(!r.includes('Stealthwave'))
    }
  }
  // A solution whose own text names its hidden owner: the name is blanked out of what is shown.
  const crisis = (await anon.get('/api/v1/solutions?q=drills')).body.items as Item[]
  assert.deepEqual(
    crisis.map((i) => i.reference),
    [s8.reference],
  )
  assert.ok(!JSON.stringify(crisis).includes('Nebula'))
  assert.ok(
    crisis[0]!.snippet
      ?.map((p) => p.text)
      .join('')
      .includes('… designed these drills'),
  )
  const page = String((await anon.get(`/solutions/${s8.reference}`)).body)
  assert.ok(!page.includes('Nebula'))
  assert.ok(page.includes('… designed these drills with fire brigades'))
})

test('export: the filtered list as CSV and XLSX, through the same rule', async () => {
  assert.equal((await anon.get('/api/v1/solutions/export.csv')).status, 401)
  const csv = await plain.get('/api/v1/solutions/export.csv?sort=name')
  assert.equal(csv.status, 200)
  assert.match(String(csv.headers['content-type']), /^text\/csv/)
  assert.match(String(csv.headers['content-disposition']), /solutions-\d{4}-\d{2}-\d{2}\.csv/)
  const table = await readTable(csv.raw.rawPayload)
  const [header, ...rows] = table.rows
  assert.deepEqual(header?.slice(0, 4), ['Reference', 'Name', 'Pitch', 'Type'])
  assert.deepEqual(rows.map((r) => r[0]).sort(), sorted(anonymousSet))
  const text = csv.raw.rawPayload.toString('utf8')
  for (const secret of hiddenIdentity) assert.ok(!text.includes(secret), `${secret} in the export`)
  const ownerCol = header!.indexOf('Organisation')
  const refCol = header!.indexOf('Organisation reference')
  const hiddenRow = rows.find((r) => r[0] === s2.reference)!
  assert.deepEqual([hiddenRow[ownerCol], hiddenRow[refCol]], ['', hidden.publicRef])
  assert.equal(rows.find((r) => r[0] === s5.reference)![ownerCol], '')
  // Filters apply; a member's export has the members-only solution and the owners disclosed to members.
  const filtered = await readTable((await plain.get('/api/v1/solutions/export.csv?type=hardware')).raw.rawPayload)
  assert.deepEqual(
    filtered.rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
    sorted([s1, s2, s9, s14]),
  )
  const xlsx = await member.get('/api/v1/solutions/export.xlsx?domain=D3')
  assert.equal(xlsx.status, 200)
  const x = await readTable(xlsx.raw.rawPayload)
  assert.equal(x.format, 'xlsx')
  assert.deepEqual(
    x.rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
    sorted([s4, s9]),
  )
  const memberCsv = (await member.get('/api/v1/solutions/export.csv')).raw.rawPayload.toString('utf8')
  assert.ok(memberCsv.includes('Rheinflut Analytik GmbH') && !memberCsv.includes('Stealthwave'))
})

test('import: column mapping, a report row by row, all-or-nothing or the valid rows', async () => {
  const csv = [
    'Name;Pitch;Type;Organisation;Country;Status;Language;Domains;Tags;Description',
    'Détecteur de fumée connecté;Capteurs de fumée reliés aux sapeurs-pompiers;matériel;Thermovision Industries SAS;FR;published;fr;D2;Fire;Des détecteurs de fumée qui préviennent les sapeurs-pompiers.',
    'Broken row;A pitch;spaceship;Thermovision Industries SAS;FR;published;;;;',
    'Ghost;A pitch;software;Nobody Ltd;IE;draft;;;;',
  ].join('\r\n')
  const file = Buffer.from(csv, 'utf8').toString('base64')
  assert.equal((await anon.post('/api/v1/solutions/import/preview', { file })).status, 401)
  assert.equal((await plain.post('/api/v1/solutions/import/preview', { file })).status, 403)
  const preview = await staff.post('/api/v1/solutions/import/preview', { file })
  assert.equal(preview.status, 200)
  assert.equal(preview.body.rowCount, 3)
  const mapping = preview.body.suggestedMapping
  assert.deepEqual(mapping, {
    name: 0,
    pitch: 1,
    type: 2,
    organisationName: 3,
    organisationCountry: 4,
    status: 5,
    language: 6,
    domains: 7,
    tags: 8,
    description: 9,
  })

  const refused = await operator.post('/api/v1/solutions/import', { file, mapping, mode: 'all_or_nothing' })
  assert.equal(refused.status, 200)
  assert.deepEqual(
    [refused.body.written, refused.body.valid, refused.body.invalid, refused.body.created],
    [false, 1, 2, 0],
  )
  assert.deepEqual(
    refused.body.rows.map((r: { row: number; ok: boolean; errors: { field: string; code: string }[] }) => [
      r.row,
      r.ok,
      r.errors.map((e) => `${e.field}:${e.code}`),
    ]),
    [
      [2, true, []],
      [3, false, ['type:invalid_type']],
      [4, false, ['organisationName:organisation_not_found']],
    ],
  )
  assert.equal(refused.body.rows[0].organisation, 'Thermovision Industries SAS')

  const done = await operator.post('/api/v1/solutions/import', { file, mapping, mode: 'valid_rows' })
  assert.deepEqual([done.body.written, done.body.created], [true, 1])
  const created = done.body.rows[0].created as { id: string; reference: string }
  assert.match(created.reference, /^SOL-\d+$/)
  const audit = await db
    .selectFrom('audit_events')
    .select(['change'])
    .where('action', '=', 'solution.created')
    .where('subject_id', '=', created.id)
    .executeTakeFirstOrThrow()
  assert.equal((audit.change as { source: string }).source, 'import')
  // Published, in French: found with other inflections, counted, filtered by the imported domain and tag.
  const found = await anon.get(`/api/v1/solutions?q=${encodeURIComponent('détecteurs de fumées')}`)
  assert.deepEqual(refs(found), [created.reference])
  assert.equal((await anon.get('/api/v1/solutions/facets?domain=D2')).body.total, 4)
  assert.deepEqual(refs(await anon.get(`/api/v1/solutions?tag=${tags.Fire}&sort=name`)), [
    s8.reference,
    created.reference,
  ])
  // The same rows from an XLSX file: same columns and mapping, same report.
  const header = csv.split('\r\n')[0]!.split(';')
  const xlsxRows = csv
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(';'))
  const xlsx = await toXlsx({
    columns: header.map((h, i) => ({ header: h, value: (r: string[]) => r[i] })),
    rows: xlsxRows,
  })
  const xlsxFile = xlsx.toString('base64')
  const xlsxPreview = await staff.post('/api/v1/solutions/import/preview', { file: xlsxFile })
  assert.deepEqual(
    [xlsxPreview.body.format, xlsxPreview.body.rowCount, xlsxPreview.body.suggestedMapping],
    ['xlsx', 3, mapping],
  )
  const xlsxCheck = await staff.post('/api/v1/solutions/import', { file: xlsxFile, mapping, mode: 'all_or_nothing' })
  assert.deepEqual([xlsxCheck.body.written, xlsxCheck.body.valid, xlsxCheck.body.invalid], [false, 1, 2])
  // A mapping without an owner column reads no row.
  const noOwner = await operator.post('/api/v1/solutions/import', {
    file,
    mapping: { name: 0, pitch: 1, type: 2 },
    mode: 'valid_rows',
  })
  assert.deepEqual(
    [noOwner.body.written, noOwner.body.mappingErrors],
    [false, [{ field: 'organisation', code: 'field_not_mapped' }]],
  )
  await db.deleteFrom('solutions').where('id', '=', created.id).execute()
})

function meta(html: string, attr: 'name' | 'property', key: string): string | undefined {
  const re = new RegExp(`<meta[^>]*${attr}="${key.replace('.', '\\.')}"[^>]*content="([^"]*)"`, 'i')
  return re.exec(html)?.[1]
}

test('/solutions is server-rendered: a GET search form, facet counts, results, paging; no hidden name', async () => {
  const res = await anon.get(`/solutions?q=${encodeURIComponent('caméras thermiques')}&type=hardware`, {
    'accept-language': 'fr',
  })
  assert.equal(res.status, 200)
  const html = String(res.body)
  assert.match(html, /<html lang="fr"/)
  assert.match(html, /<form(?=[^>]*method="get")(?=[^>]*action="\/solutions")[^>]*>/)
  assert.ok(html.includes('Vigie thermique'))
  assert.ok(html.includes('Solutions trouvées : 1'))
  assert.ok(html.includes('<mark>caméra thermique</mark>') || html.includes('<mark>Caméra thermique</mark>'))
  assert.equal((html.match(/<h1/g) ?? []).length, 1)
  // Facet counts in the filters, counted without their own filter.
  assert.ok(html.includes('>Matériel (1)<'))
  const landing = String((await anon.get('/solutions?pageSize=4&sort=name', { 'accept-language': 'en' })).body)
  assert.ok(landing.includes('Solutions found: 11'))
  assert.ok(landing.includes('rel="next"'))
  assert.ok(landing.includes('Hardware (4)'))
  for (const secret of hiddenIdentity) assert.ok(!landing.includes(secret), secret)
  const dutch = String((await anon.get('/solutions?q=detecties')).body)
  assert.ok(dutch.includes('Havenradar'))
  for (const secret of hiddenIdentity) assert.ok(!dutch.includes(secret), secret)
  // The query's language is `qlang` on pages (`lang` is the page's language there).
  const french = String((await anon.get(`/solutions?lang=en&qlang=fr&q=${encodeURIComponent('caméras')}`)).body)
  assert.match(french, /<html lang="en"/)
  assert.ok(french.includes('Your words were read as French.'))
})

test('/solutions/:reference: shareable page with Open Graph tags that never carry a hidden identity', async () => {
  const res = await anon.get(`/solutions/${s1.reference}`, { 'accept-language': 'en' })
  assert.equal(res.status, 200)
  const html = String(res.body)
  assert.equal(meta(html, 'property', 'og:title'), 'Vigie thermique')
  assert.equal(meta(html, 'property', 'og:url'), `http://localhost:3000/solutions/${s1.reference}`)
  assert.ok(meta(html, 'name', 'description')?.startsWith('Caméra thermique qui distingue'))
  assert.ok(html.includes('Thermovision'))
  assert.ok(html.includes(`/organisations/${thermo.publicRef}`))
  assert.ok(html.includes('D1-C2'))

  for (const s of [s2, s5, s8, s3]) {
    const page = String((await anon.get(`/solutions/${s.reference}`)).body)
    for (const secret of [...hiddenIdentity, 'Thermovision']) {
      assert.ok(!page.includes(secret), `${secret} on ${s.name}`)
    }
    const og = [
      meta(page, 'property', 'og:title'),
      meta(page, 'property', 'og:description'),
      meta(page, 'name', 'description'),
    ]
    assert.ok(og.every((x) => x && !/Stealthwave|Thermovision|Nebula|Rheinflut/.test(x)))
  }
  const anonymousOfPublic = String((await anon.get(`/solutions/${s5.reference}`)).body)
  assert.ok(!anonymousOfPublic.includes(thermo.publicRef))
  // One address per solution.
  const lower = await anon.get(`/solutions/${s1.reference.toLowerCase()}`)
  assert.equal(lower.status, 301)
  assert.equal(lower.headers.location, `/solutions/${s1.reference}`)
  assert.equal((await anon.get('/solutions/SOL-99999999')).status, 404)
})

test('"Solutions for this challenge": visible ones, within the TRL range first, owners as anyone may see them', async () => {
  const d1c2 = await db
    .selectFrom('challenges')
    .select(['id', 'slug', 'trl_min', 'trl_max'])
    .where('code', '=', 'D1-C2')
    .executeTakeFirstOrThrow()
  const list = await solutionsForChallenge(db, anonymousActor, {
    id: d1c2.id,
    trlMin: d1c2.trl_min,
    trlMax: d1c2.trl_max,
  })
  assert.deepEqual(
    list.items.map((i) => [i.name, i.trl, i.fits]),
    [
      ['Alpha tunnel monitor', 6, true],
      ['Vigie thermique', 7, true],
      ['Zulu tunnel monitor', 6, true],
      ['Fence vibration prototype', 3, false],
    ],
  )
  const html = String((await anon.get(`/challenges/${d1c2.slug}`, { 'accept-language': 'en' })).body)
  assert.ok(html.includes('Solutions for this challenge'))
  assert.ok(html.indexOf('Vigie thermique') < html.indexOf('Fence vibration prototype'))
  for (const secret of hiddenIdentity) assert.ok(!html.includes(secret), secret)
  const crowd = await db.selectFrom('challenges').select('slug').where('code', '=', 'D3-C3').executeTakeFirstOrThrow()
  const crowdHtml = String((await anon.get(`/challenges/${crowd.slug}`, { 'accept-language': 'en' })).body)
  assert.ok(crowdHtml.includes('No published solution names this challenge yet.'))
  assert.ok(!crowdHtml.includes('Stadium crowd analytics'))
})

test('the SQL form of the disclosure rule agrees with identityVisible for every kind of caller and row', async () => {
  const actor = (over: Partial<Actor>): Actor => ({
    ...anonymousActor,
    memberships: new Map(),
    programmeRoles: [],
    ...over,
  })
  const grant = (role: ProgrammeRole, effective = true) => ({
    id: 'g',
    programmeId: t.programmeId,
    role,
    clusterId: null,
    effective,
  })
  const actors: [string, Actor][] = [
    ['anonymous', anonymousActor],
    ['account without organisation', actor({ kind: 'user', userId: plainUser.id })],
    [
      'member of Thermovision',
      actor({ kind: 'user', userId: thermoMember.id, memberships: new Map([[thermo.id, 'member']]) }),
    ],
    ['member of the anonymous org', actor({ kind: 'user', memberships: new Map([[hidden.id, 'owner']]) })],
    ['expert', actor({ kind: 'user', programmeRoles: [grant('expert')] })],
    ['operator without two-factor', actor({ kind: 'user', programmeRoles: [grant('operator', false)] })],
    ['cluster staff', actor({ kind: 'user', programmeRoles: [grant('cluster_staff')] })],
  ]
  const rows = await db
    .selectFrom('solutions as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.organisation_id', 's.visibility', 'o.visibility as org_visibility'])
    .execute()
  for (const [label, a] of actors) {
    const shown = ownerShownSql(a)
    const got = await db
      .selectFrom('solutions as s')
      .select(['s.id', (shown ?? sql<boolean>`true`).as('shown')])
      .execute()
    const bySql = new Map(got.map((g) => [g.id, Boolean(g.shown)]))
    for (const r of rows) {
      const expected = identityVisible(a, { id: r.organisation_id, visibility: r.org_visibility }, r)
      assert.equal(
        bySql.get(r.id),
        expected,
        `${label}: solution ${r.id} (${r.visibility} of a ${r.org_visibility} profile)`,
      )
    }
  }
})
