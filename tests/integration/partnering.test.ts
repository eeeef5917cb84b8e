/**
 * Partner search: a post's lifecycle, expressions of interest and their decision, contact exchange,
 * the message thread and its unread counts, notifications and the audit trail.
 */
import assert from 'node:assert/strict'
import { beforeEach, test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { insertCall } from '../factories/calls.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { aChallenge, inDays, NOW, postBody, publishedPost, someTerms } from '../factories/partnering.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock(NOW)
const t = await createTestApp({ clock })
beforeEach(() => clock.set(NOW))

const sme = await createTeam(t.db, t.programmeId, { legalName: 'Thermal Eye BV', country: 'NL' })
const city = await createTeam(t.db, t.programmeId, {
  legalName: 'Ville de Testville',
  country: 'FR',
  type: 'public_authority',
})
const third = await createTeam(t.db, t.programmeId, { legalName: 'Drone Works Oy', country: 'FI' })
const smeOwner = await signedIn(t, sme.owner)
const smeMember = await signedIn(t, sme.member)
const cityOwner = await signedIn(t, city.owner)
const cityMember = await signedIn(t, city.member)
const thirdOwner = await signedIn(t, third.owner)

test('a member drafts, changes and publishes a post; a closed post is final', async () => {
  const [tag] = await someTerms(t.db, 1)
  const challenge = await aChallenge(t.db)
  const created = await smeMember.post(
    '/api/v1/partnering/posts',
    postBody(sme.org.id, { tags: [tag!.id], countriesWanted: ['fr', 'BE'], challengeId: challenge.id }),
  )
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const post = created.body
  assert.match(post.reference, /^PS-\d{4}$/)
  assert.equal(post.status, 'draft')
  assert.deepEqual(post.countriesWanted, ['FR', 'BE'])
  assert.deepEqual(post.tags, [{ id: tag!.id, name: tag!.name, taxonomyId: tag!.taxonomyId }])
  assert.equal(post.challenge.code, challenge.code)
  assert.deepEqual(post.organisation, {
    disclosed: true,
    id: sme.org.id,
    name: 'Thermal Eye BV',
    country: 'NL',
    type: 'sme',
  })
  assert.equal(post.mine, true)
  assert.deepEqual(post.interestCounts, { pending: 0, accepted: 0, declined: 0, withdrawn: 0 })

  // A draft is invisible outside its organisation.
  assert.equal((await cityOwner.get(`/api/v1/partnering/posts/${post.id}`)).body.code, 'partnering_post_not_found')
  assert.equal((await cityOwner.patch(`/api/v1/partnering/posts/${post.id}`, { title: 'Mine now' })).status, 404)

  const patched = await smeOwner.patch(`/api/v1/partnering/posts/${post.id}`, { title: 'Thermal cameras, edge AI' })
  assert.equal(patched.status, 200)
  assert.equal(patched.body.title, 'Thermal cameras, edge AI')
  assert.deepEqual(patched.body.tags, post.tags, 'tags not sent are kept')

  const published = await smeOwner.post(`/api/v1/partnering/posts/${post.id}/publish`)
  assert.equal(published.status, 200)
  assert.equal(published.body.status, 'published')
  assert.equal(published.body.publishedAt, NOW.replace('Z', '.000Z'))
  assert.equal(
    (await smeOwner.post(`/api/v1/partnering/posts/${post.id}/publish`)).body.code,
    'partnering_transition_refused',
  )
  const seen = await cityOwner.get(`/api/v1/partnering/posts/${post.id}`)
  assert.equal(seen.status, 200)
  assert.equal(seen.body.interestCounts, null, 'outsiders do not see the interest counts')
  assert.equal(seen.body.abilities.expressInterest.allowed, true)
  assert.equal(seen.body.abilities.update.allowed, false)

  const closed = await smeOwner.post(`/api/v1/partnering/posts/${post.id}/close`)
  assert.equal(closed.body.status, 'closed')
  assert.equal(
    (await smeOwner.patch(`/api/v1/partnering/posts/${post.id}`, { title: 'Again' })).body.code,
    'partnering_transition_refused',
  )
  const actions = ['created', 'updated', 'published', 'closed']
  for (const a of actions) assert.equal((await auditEvents(t.db, `partnering_post.${a}`, post.id)).length, 1, a)
})

test('content rules: a partner sought for a call names a published call; expiry within a year; known tags', async () => {
  const noCall = await smeOwner.post(
    '/api/v1/partnering/posts',
    postBody(sme.org.id, { kind: 'partner_sought_for_call' }),
  )
  assert.equal(noCall.status, 400)
  assert.deepEqual(
    noCall.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['callId', 'call_required']],
  )
  const draftCall = await insertCall(t.db, { programmeId: t.programmeId, draft: true })
  const hidden = await smeOwner.post(
    '/api/v1/partnering/posts',
    postBody(sme.org.id, { kind: 'partner_sought_for_call', callId: draftCall.id }),
  )
  assert.deepEqual(
    hidden.body.errors.map((e: { code: string }) => e.code),
    ['unknown_call'],
    'a draft call is not linkable',
  )
  const past = await smeOwner.post('/api/v1/partnering/posts', postBody(sme.org.id, { expiresAt: inDays(-1) }))
  assert.equal(past.body.errors[0].code, 'expiry_in_past')
  const far = await smeOwner.post('/api/v1/partnering/posts', postBody(sme.org.id, { expiresAt: inDays(400) }))
  assert.equal(far.body.errors[0].code, 'expiry_too_far')
  const tag = await smeOwner.post('/api/v1/partnering/posts', postBody(sme.org.id, { tags: [crypto.randomUUID()] }))
  assert.equal(tag.body.errors[0].code, 'unknown_term')
  const call = await insertCall(t.db, { programmeId: t.programmeId })
  const ok = await smeOwner.post(
    '/api/v1/partnering/posts',
    postBody(sme.org.id, { kind: 'partner_sought_for_call', callId: call.id }),
  )
  assert.equal(ok.status, 201)
  assert.deepEqual(ok.body.call, { id: call.id, code: call.code, title: { en: `Call ${call.code}` } })
  // Only members of the organisation write its posts.
  const foreign = await cityOwner.post('/api/v1/partnering/posts', postBody(sme.org.id))
  assert.equal(foreign.status, 403)
  assert.equal(foreign.body.reason, 'not_a_member')
})

test('interest: express, one pending per organisation, accept, contacts exchanged, thread opened', async () => {
  const postId = await publishedPost(smeMember, sme.org.id, { title: 'Edge analytics for thermal cameras' })
  const own = await smeOwner.post(`/api/v1/partnering/posts/${postId}/interests`, {
    organisationId: sme.org.id,
    message: 'We would like to work with ourselves.',
  })
  assert.equal(own.status, 409)
  assert.equal(own.body.code, 'interest_own_post')

  const sent = await cityMember.post(`/api/v1/partnering/posts/${postId}/interests`, {
    organisationId: city.org.id,
    message: 'Our city would test your cameras at the Christmas market.',
  })
  assert.equal(sent.status, 201, JSON.stringify(sent.body))
  assert.equal(sent.body.status, 'pending')
  assert.equal(sent.body.contacts, null)
  assert.equal(sent.body.abilities.withdraw.allowed, true)
  assert.equal(sent.body.abilities.accept.allowed, false)

  const again = await cityOwner.post(`/api/v1/partnering/posts/${postId}/interests`, {
    organisationId: city.org.id,
    message: 'Second try from the same city.',
  })
  assert.equal(again.status, 409)
  assert.equal(again.body.code, 'interest_already_pending')

  // The post's side: the member who wrote the post and the owner and admin are notified (the actor never).
  const notified = await t.db
    .selectFrom('notifications')
    .select(['user_id', 'params', 'link'])
    .where('kind', '=', 'partnering_interest_received')
    .where('subject_id', '=', postId)
    .execute()
  assert.deepEqual(notified.map((n) => n.user_id).sort(), [sme.owner.id, sme.admin.id, sme.member.id].sort())
  assert.equal((notified[0]!.params as Record<string, string>).country, 'FR')
  assert.equal(notified[0]!.link, `/app/partnering/posts/${postId}`)
  const receivedMail = await t.db
    .selectFrom('mail_messages')
    .select('text_body')
    .where('template', '=', 'partnering_interest_received')
    .where('to_address', '=', sme.owner.email.toLowerCase())
    .executeTakeFirstOrThrow()
  assert.ok(receivedMail.text_body.includes('An organisation from France expressed interest'), receivedMail.text_body)
  assert.ok(receivedMail.text_body.includes(`/app/partnering/posts/${postId}`))

  const received = await smeOwner.get(`/api/v1/partnering/posts/${postId}/interests`)
  assert.equal(received.body.items.length, 1)
  assert.equal(received.body.items[0].from.name, 'Ville de Testville')
  assert.equal((await thirdOwner.get(`/api/v1/partnering/posts/${postId}/interests`)).status, 403)
  assert.deepEqual((await smeOwner.get('/api/v1/partnering/unread')).body, {
    messages: 0,
    threads: 0,
    pendingInterests: 1,
  })

  // Only the post's side decides.
  assert.equal((await cityOwner.post(`/api/v1/partnering/interests/${sent.body.id}/accept`, {})).status, 403)
  assert.equal((await thirdOwner.post(`/api/v1/partnering/interests/${sent.body.id}/accept`, {})).status, 404)
  const accepted = await smeOwner.post(`/api/v1/partnering/interests/${sent.body.id}/accept`, {
    message: 'Gladly: let us talk next week.',
  })
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
  assert.equal(accepted.body.status, 'accepted')
  assert.deepEqual(accepted.body.contacts, {
    post: {
      organisationId: sme.org.id,
      organisationName: 'Thermal Eye BV',
      country: 'NL',
      contactName: sme.owner.name,
      contactEmail: sme.owner.email,
    },
    interested: {
      organisationId: city.org.id,
      organisationName: 'Ville de Testville',
      country: 'FR',
      contactName: city.member.name,
      contactEmail: city.member.email,
    },
  })
  assert.ok(accepted.body.threadId)
  const seenByCity = await cityOwner.get(`/api/v1/partnering/interests/${sent.body.id}`)
  assert.deepEqual(seenByCity.body.contacts, accepted.body.contacts)
  assert.equal(
    (await smeOwner.post(`/api/v1/partnering/interests/${sent.body.id}/decline`, {})).body.code,
    'interest_already_decided',
  )

  const mails = await t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject'])
    .where('template', '=', 'partnering_interest_accepted')
    .execute()
  assert.deepEqual(
    mails.map((m) => m.to_address).sort(),
    [city.owner.email, city.admin.email, city.member.email].map((e) => e.toLowerCase()).sort(),
  )

  // The thread starts with the interest and the answer; the city has one unread message (the answer).
  const threadId = accepted.body.threadId
  const cityThread = await cityMember.get(`/api/v1/partnering/threads/${threadId}`)
  assert.equal(cityThread.status, 200)
  assert.deepEqual(
    cityThread.body.messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine]),
    [
      ['Our city would test your cameras at the Christmas market.', true],
      ['Gladly: let us talk next week.', false],
    ],
  )
  assert.deepEqual(cityThread.body.participants, [{ id: sme.org.id, name: 'Thermal Eye BV', country: 'NL' }])
  assert.deepEqual((await cityMember.get('/api/v1/partnering/unread')).body, {
    messages: 1,
    threads: 1,
    pendingInterests: 0,
  })
  await cityMember.post(`/api/v1/partnering/threads/${threadId}/read`)
  assert.equal((await cityMember.get('/api/v1/partnering/unread')).body.messages, 0)

  const sentMessage = await cityMember.post(`/api/v1/partnering/threads/${threadId}/messages`, {
    body: 'Tuesday at 10?',
  })
  assert.equal(sentMessage.status, 201)
  assert.equal(sentMessage.body.mine, true)
  const smeThreads = await smeOwner.get('/api/v1/partnering/threads')
  assert.equal(smeThreads.body.items.length, 1)
  assert.equal(smeThreads.body.items[0].unread, 2, 'the interest and the new message; not the owner’s own answer')
  assert.equal(smeThreads.body.items[0].lastMessage, 'Tuesday at 10?')
  assert.deepEqual(smeThreads.body.items[0].participants, [
    { id: city.org.id, name: 'Ville de Testville', country: 'FR' },
  ])
  const messageNotices = await t.db
    .selectFrom('notifications')
    .select('user_id')
    .where('kind', '=', 'partnering_message')
    .where('subject_id', '=', threadId)
    .execute()
  assert.deepEqual(messageNotices.map((n) => n.user_id).sort(), [sme.owner.id, sme.admin.id].sort())

  // Messages stay between the two organisations: a third one, and brokers, get 404.
  const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
  for (const c of [thirdOwner, operator]) {
    assert.equal((await c.get(`/api/v1/partnering/threads/${threadId}`)).status, 404)
    assert.equal((await c.post(`/api/v1/partnering/threads/${threadId}/messages`, { body: 'Hello?' })).status, 404)
    assert.deepEqual((await c.get('/api/v1/partnering/threads')).body.items, [])
  }
  assert.equal((await auditEvents(t.db, 'partnering_interest.accepted', postId)).length, 1)
  assert.equal((await auditEvents(t.db, 'partnering_message.sent', threadId)).length, 1)
})

test('decline and withdraw; a new interest after a declined one is allowed', async () => {
  const postId = await publishedPost(smeOwner, sme.org.id, {
    kind: 'business_request',
    title: 'Distributor in Finland',
  })
  const first = await thirdOwner.post(`/api/v1/partnering/posts/${postId}/interests`, {
    organisationId: third.org.id,
    message: 'We distribute security products in Finland.',
  })
  const declined = await smeOwner.post(`/api/v1/partnering/interests/${first.body.id}/decline`, {
    message: 'Not now, thanks.',
  })
  assert.equal(declined.body.status, 'declined')
  assert.equal(declined.body.decisionMessage, 'Not now, thanks.')
  assert.equal(declined.body.contacts, null)
  assert.equal(declined.body.threadId, null)
  const notice = await t.db
    .selectFrom('notifications')
    .select(['user_id', 'link'])
    .where('kind', '=', 'partnering_interest_declined')
    .where('subject_id', '=', first.body.id)
    .execute()
  assert.deepEqual(notice.map((n) => n.user_id).sort(), [third.owner.id, third.admin.id].sort())
  assert.deepEqual([...new Set(notice.map((n) => n.link))], ['/app/partnering/interests'])

  clock.advance(60_000)
  const second = await thirdOwner.post(`/api/v1/partnering/posts/${postId}/interests`, {
    organisationId: third.org.id,
    message: 'We now also cover the Baltics.',
  })
  assert.equal(second.status, 201)
  assert.equal((await smeOwner.post(`/api/v1/partnering/interests/${second.body.id}/withdraw`, {})).status, 403)
  const withdrawn = await thirdOwner.post(`/api/v1/partnering/interests/${second.body.id}/withdraw`, {})
  assert.equal(withdrawn.body.status, 'withdrawn')
  const mine = await thirdOwner.get('/api/v1/partnering/my-interests')
  assert.deepEqual(
    mine.body.items
      .filter((i: { post: { id: string } }) => i.post.id === postId)
      .map((i: { status: string }) => i.status),
    ['withdrawn', 'declined'],
  )
})

test('expired and closed posts take no interest and leave the marketplace', async () => {
  const postId = await publishedPost(smeOwner, sme.org.id, {
    title: 'Short-lived offer of radar sensors',
    expiresAt: inDays(2),
  })
  const listed = async () =>
    (await cityOwner.get('/api/v1/partnering/posts?pageSize=100')).body.items.some(
      (p: { id: string }) => p.id === postId,
    )
  assert.equal(await listed(), true)
  clock.set(inDays(2))
  assert.equal(await listed(), false, 'gone at its expiry instant')
  const late = await cityOwner.post(`/api/v1/partnering/posts/${postId}/interests`, {
    organisationId: city.org.id,
    message: 'Is this still available?',
  })
  assert.equal(late.status, 409)
  assert.equal(late.body.code, 'partnering_post_expired')
  const detail = await cityOwner.get(`/api/v1/partnering/posts/${postId}`)
  assert.equal(detail.body.expired, true)
  assert.equal(detail.body.abilities.expressInterest.allowed, false)

  clock.set(NOW)
  const other = await publishedPost(smeOwner, sme.org.id, { title: 'Closed offer of lidar units' })
  await smeOwner.post(`/api/v1/partnering/posts/${other}/close`)
  const closed = await cityOwner.post(`/api/v1/partnering/posts/${other}/interests`, {
    organisationId: city.org.id,
    message: 'Is this still available?',
  })
  assert.equal(closed.body.code, 'partnering_post_not_open')
  // A draft that expired meanwhile is not published.
  const draft = await smeOwner.post('/api/v1/partnering/posts', postBody(sme.org.id, { expiresAt: inDays(1) }))
  clock.set(inDays(3))
  assert.equal(
    (await smeOwner.post(`/api/v1/partnering/posts/${draft.body.id}/publish`)).body.code,
    'partnering_post_expired',
  )
})

test('my posts lists every status of the caller’s organisations only', async () => {
  const res = await smeMember.get(`/api/v1/partnering/my-posts?organisationId=${sme.org.id}&pageSize=100`)
  assert.equal(res.status, 200)
  assert.ok(res.body.total >= 5)
  assert.ok(
    res.body.items.every(
      (p: { mine: boolean; organisation: { id: string } }) => p.mine && p.organisation.id === sme.org.id,
    ),
  )
  assert.deepEqual(
    new Set(res.body.items.map((p: { status: string }) => p.status)),
    new Set(['draft', 'published', 'closed']),
  )
  assert.equal((await cityOwner.get(`/api/v1/partnering/my-posts?organisationId=${sme.org.id}`)).status, 404)
})

test('two simultaneous interests of one organisation: exactly one is kept', async () => {
  const postId = await publishedPost(smeOwner, sme.org.id, { title: 'Concurrent offer of acoustic sensors' })
  const body = { organisationId: third.org.id, message: 'Double click on the send button.' }
  const both = await Promise.all([
    thirdOwner.post(`/api/v1/partnering/posts/${postId}/interests`, body),
    thirdOwner.post(`/api/v1/partnering/posts/${postId}/interests`, body),
  ])
  assert.deepEqual(both.map((r) => r.status).sort(), [201, 409])
  assert.equal(both.find((r) => r.status === 409)!.body.code, 'interest_already_pending')
  const rows = await t.db.selectFrom('expressions_of_interest').select('id').where('post_id', '=', postId).execute()
  assert.equal(rows.length, 1)
})
