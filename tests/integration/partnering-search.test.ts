/**
 * The partner search marketplace: full-text search in several languages, filters, sort and paging,
 * and the route × role refusals of the partnering API.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { insertCall } from '../factories/calls.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { aChallenge, inDays, NOW, postBody, publishedPost, someTerms } from '../factories/partnering.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock(NOW)
const t = await createTestApp({ clock })

const nl = await createTeam(t.db, t.programmeId, { legalName: 'Nederlandse Sensoren BV', country: 'NL' })
const fr = await createTeam(t.db, t.programmeId, { legalName: 'Caméras Lyonnaises SAS', country: 'FR' })
const reader = await createTeam(t.db, t.programmeId, { legalName: 'Reader Org', country: 'BE' })
const nlClient = await signedIn(t, nl.owner)
const frClient = await signedIn(t, fr.owner)
const readerClient = await signedIn(t, reader.member)
const [tagA, tagB] = await someTerms(t.db, 2)
const challenge = await aChallenge(t.db)
const call = await insertCall(t.db, { programmeId: t.programmeId })

/** Published a minute apart, in this order. */
const later = <T>(v: T) => {
  clock.advance(60_000)
  return v
}
const ids = {
  thermal: await publishedPost(nlClient, nl.org.id, {
    title: 'Thermal cameras for crowd safety',
    description: 'Thermal imaging cameras with edge analytics that estimate crowd density at large public events.',
    tags: [tagA!.id],
    challengeId: challenge.id,
    expiresAt: inDays(10),
  }),
  drones: await later(publishedPost)(nlClient, nl.org.id, {
    kind: 'technology_request',
    title: 'Looking for drone detection radar',
    description: 'We seek a partner with radar technology to detect small drones around critical infrastructure.',
    countriesWanted: ['DE', 'FR'],
    tags: [tagB!.id],
    expiresAt: inDays(20),
  }),
  french: await later(publishedPost)(frClient, fr.org.id, {
    kind: 'partner_sought_for_call',
    callId: call.id,
    title: 'Caméras thermiques pour la sécurité des foules',
    description:
      'Nous cherchons une ville partenaire pour tester nos caméras thermiques lors de grands événements publics.',
    expiresAt: inDays(30),
  }),
}
// Not listed: a draft, a closed post, an expired one.
await nlClient.post('/api/v1/partnering/posts', postBody(nl.org.id, { title: 'Draft about thermal cameras' }))
const closed = await publishedPost(nlClient, nl.org.id, { title: 'Closed thermal camera offer' })
await nlClient.post(`/api/v1/partnering/posts/${closed}/close`)
await publishedPost(nlClient, nl.org.id, { title: 'Expired thermal camera offer', expiresAt: inDays(1) })
clock.set(inDays(2))

async function titles(query: string): Promise<string[]> {
  const res = await readerClient.get(`/api/v1/partnering/posts${query}`)
  assert.equal(res.status, 200, JSON.stringify(res.body))
  return res.body.items.map((p: { title: string }) => p.title)
}
const byId = (id: keyof typeof ids) => ids[id]

test('the marketplace lists published, unexpired posts only, newest first', async () => {
  const res = await readerClient.get('/api/v1/partnering/posts')
  assert.equal(res.body.total, 3)
  assert.deepEqual(
    res.body.items.map((p: { id: string }) => p.id),
    [byId('french'), byId('drones'), byId('thermal')],
  )
})

test('full-text search finds stemmed words across languages, not organisation names', async () => {
  // "camera" finds the English "cameras" and the French "caméras" (each stemmed in its language).
  assert.deepEqual(
    new Set(await titles('?q=thermal%20camera')),
    new Set(['Thermal cameras for crowd safety', 'Caméras thermiques pour la sécurité des foules']),
  )
  assert.deepEqual(await titles('?q=cam%C3%A9ra%20thermique'), ['Caméras thermiques pour la sécurité des foules'])
  assert.deepEqual(await titles('?q=detecting%20drones'), ['Looking for drone detection radar'])
  assert.deepEqual(await titles('?q=Lyonnaises'), [], 'an organisation name is not indexed')
  assert.deepEqual(await titles('?q=crowd&sort=relevance'), ['Thermal cameras for crowd safety'])
})

test('filters: kind, call, challenge, publisher country, wanted country, tag', async () => {
  assert.deepEqual(await titles('?kind=technology_request'), ['Looking for drone detection radar'])
  assert.deepEqual(await titles(`?call=${call.id}`), ['Caméras thermiques pour la sécurité des foules'])
  assert.deepEqual(await titles(`?challenge=${challenge.id}`), ['Thermal cameras for crowd safety'])
  assert.deepEqual(await titles('?country=fr'), ['Caméras thermiques pour la sécurité des foules'])
  // A post naming no wanted country accepts any; the drone request wants DE or FR only.
  assert.deepEqual(
    new Set(await titles('?wanted=BE')),
    new Set(['Thermal cameras for crowd safety', 'Caméras thermiques pour la sécurité des foules']),
  )
  assert.equal((await titles('?wanted=DE')).length, 3)
  assert.deepEqual(await titles(`?tag=${tagB!.id}`), ['Looking for drone detection radar'])
  assert.deepEqual(await titles(`?tag=${tagA!.id}&kind=technology_request`), [])
  const bad = await readerClient.get('/api/v1/partnering/posts?kind=nonsense')
  assert.equal(bad.status, 400)
})

test('sort and paging', async () => {
  assert.deepEqual(await titles('?sort=expiry'), [
    'Thermal cameras for crowd safety',
    'Looking for drone detection radar',
    'Caméras thermiques pour la sécurité des foules',
  ])
  assert.deepEqual(await titles('?sort=title'), [
    'Caméras thermiques pour la sécurité des foules',
    'Looking for drone detection radar',
    'Thermal cameras for crowd safety',
  ])
  const page2 = await readerClient.get('/api/v1/partnering/posts?sort=title&pageSize=2&page=2')
  assert.deepEqual(
    { total: page2.body.total, page: page2.body.page, pageSize: page2.body.pageSize, n: page2.body.items.length },
    { total: 3, page: 2, pageSize: 2, n: 1 },
  )
  assert.equal(page2.body.items[0].title, 'Thermal cameras for crowd safety')
})

test('authorisation: visitors are refused, members write only for their organisation', async () => {
  const visitor = t.client()
  assert.equal((await visitor.get('/api/v1/partnering/posts')).status, 401)
  assert.equal((await visitor.post('/api/v1/partnering/posts', postBody(nl.org.id))).status, 401)
  // Someone signed in without an organisation browses but writes nothing.
  const loner = await signedIn(t, await createUser(t.db, t.programmeId))
  assert.equal((await loner.get('/api/v1/partnering/posts')).body.total, 3)
  const detail = await loner.get(`/api/v1/partnering/posts/${byId('thermal')}`)
  assert.deepEqual(detail.body.abilities.expressInterest, { allowed: false, reason: 'not_a_member' })
  assert.equal((await loner.post('/api/v1/partnering/posts', postBody(nl.org.id))).status, 403)
  const express = await loner.post(`/api/v1/partnering/posts/${byId('thermal')}/interests`, {
    organisationId: reader.org.id,
    message: 'Not my organisation at all.',
  })
  assert.equal(express.status, 403)
  assert.equal(express.body.reason, 'not_a_member')
  // Another organisation's member may not change, publish or close a post.
  for (const [method, url] of [
    ['PATCH', `/api/v1/partnering/posts/${byId('thermal')}`],
    ['POST', `/api/v1/partnering/posts/${byId('thermal')}/close`],
  ] as const) {
    const res = await frClient.request(method, url, method === 'PATCH' ? { title: 'Taken over' } : {})
    assert.equal(res.status, 403, `${method} ${url}`)
    assert.equal(res.body.reason, 'not_a_member')
  }
  // An API token without the matchmaking scopes is refused; with them it works.
  const tokenRes = await readerClient.post('/api/v1/me/tokens', { name: 'read only', scopes: ['profile:read'] })
  const tokenClient = t.client()
  const noScope = await tokenClient.get('/api/v1/partnering/posts', { authorization: `Bearer ${tokenRes.body.token}` })
  assert.equal(noScope.status, 403)
  assert.equal(noScope.body.reason, 'token_scope_missing')
  const scoped = await readerClient.post('/api/v1/me/tokens', { name: 'partner search', scopes: ['matchmaking:read'] })
  const ok = await tokenClient.get('/api/v1/partnering/posts', { authorization: `Bearer ${scoped.body.token}` })
  assert.equal(ok.status, 200)
  const write = await tokenClient.post('/api/v1/partnering/posts', postBody(reader.org.id), {
    authorization: `Bearer ${scoped.body.token}`,
  })
  assert.equal(write.status, 403)
})
