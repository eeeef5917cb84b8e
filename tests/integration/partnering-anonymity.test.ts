/**
 * Anonymity in partner search: an anonymous post shows no identity of its organisation — in the list,
 * the detail, the interest views, the search, the notifications and the mails — until an interest is
 * accepted, which reveals it to that interested organisation only. An organisation whose profile is
 * anonymous stays unnamed to a post's owner until the owner accepts its interest.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { NOW, publishedPost } from '../factories/partnering.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type TestClient } from '../support/app.ts'

const clock = new FixedClock(NOW)
const t = await createTestApp({ clock })

const hidden = await createTeam(t.db, t.programmeId, { legalName: 'Stealth Optics GmbH', country: 'DE' })
const seeker = await createTeam(t.db, t.programmeId, { legalName: 'Open Seeker NV', country: 'BE' })
const bystander = await createTeam(t.db, t.programmeId, { legalName: 'Bystander Ltd', country: 'IE' })
const shy = await createTeam(t.db, t.programmeId, { legalName: 'Shy Robotics SRL', country: 'IT' })
await t.db.updateTable('organisations').set({ visibility: 'anonymous' }).where('id', '=', shy.org.id).execute()
const hiddenRef = (
  await t.db.selectFrom('organisations').select('public_ref').where('id', '=', hidden.org.id).executeTakeFirstOrThrow()
).public_ref
const shyRef = (
  await t.db.selectFrom('organisations').select('public_ref').where('id', '=', shy.org.id).executeTakeFirstOrThrow()
).public_ref

const hiddenOwner = await signedIn(t, hidden.owner)
const seekerMember = await signedIn(t, seeker.member)
const bystanderOwner = await signedIn(t, bystander.owner)
const shyOwner = await signedIn(t, shy.owner)
const staff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' }),
)

const postId = await publishedPost(hiddenOwner, hidden.org.id, {
  title: 'Hyperspectral imaging module offered under NDA',
  description: 'A compact hyperspectral imaging module for detecting hazardous substances at checkpoints.',
  anonymous: true,
})

/** Whether any trace of the hidden organisation is in `value` (its name, its id or its profile reference). */
function leaks(value: unknown, org: { id: string; legalName: string }, ref: string): string[] {
  const text = JSON.stringify(value)
  return [org.legalName, org.id, ref, org.legalName.split(' ')[0]!].filter((s) => text.includes(s))
}

async function everything(c: TestClient, interestId?: string) {
  const out: unknown[] = [
    (await c.get('/api/v1/partnering/posts?pageSize=100')).body,
    (await c.get('/api/v1/partnering/posts?q=hyperspectral')).body,
    (await c.get(`/api/v1/partnering/posts/${postId}`)).body,
    (await c.get('/api/v1/partnering/my-interests?pageSize=100')).body,
    (await c.get('/api/v1/me/notifications?pageSize=100')).body,
  ]
  if (interestId) out.push((await c.get(`/api/v1/partnering/interests/${interestId}`)).body)
  return out
}

async function mailsTo(...emails: string[]): Promise<string[]> {
  const rows = await t.db
    .selectFrom('mail_messages')
    .select(['subject', 'text_body'])
    .where(
      'to_address',
      'in',
      emails.map((e) => e.toLowerCase()),
    )
    .where('template', 'like', 'partnering_%')
    .execute()
  return rows.map((r) => `${r.subject}\n${r.text_body}`)
}

test('before acceptance nobody outside the organisation and the brokers learns who is behind an anonymous post', async () => {
  for (const c of [seekerMember, bystanderOwner]) {
    const detail = await c.get(`/api/v1/partnering/posts/${postId}`)
    assert.deepEqual(detail.body.organisation, { disclosed: false, id: null, name: null, country: 'DE', type: 'sme' })
    assert.deepEqual(leaks(await everything(c), hidden.org, hiddenRef), [])
  }
  assert.deepEqual(
    (await seekerMember.get('/api/v1/partnering/posts?q=Stealth')).body.items,
    [],
    'not found by its name',
  )
  // Its own members and the brokers know.
  assert.equal(
    (await hiddenOwner.get(`/api/v1/partnering/posts/${postId}`)).body.organisation.name,
    'Stealth Optics GmbH',
  )
  assert.equal((await staff.get(`/api/v1/partnering/posts/${postId}`)).body.organisation.name, 'Stealth Optics GmbH')
})

test('a declined interest reveals nothing; an accepted one reveals the identity to that organisation only', async () => {
  const first = await seekerMember.post(`/api/v1/partnering/posts/${postId}/interests`, {
    organisationId: seeker.org.id,
    message: 'We run airport checkpoints and would pilot this.',
  })
  assert.equal(first.status, 201)
  assert.equal(first.body.post.organisation.disclosed, false)
  await hiddenOwner.post(`/api/v1/partnering/interests/${first.body.id}/decline`, { message: 'Not this quarter.' })
  assert.deepEqual(leaks(await everything(seekerMember, first.body.id), hidden.org, hiddenRef), [])
  assert.deepEqual(
    leaks(await mailsTo(seeker.owner.email, seeker.admin.email, seeker.member.email), hidden.org, hiddenRef),
    [],
  )

  const second = await seekerMember.post(`/api/v1/partnering/posts/${postId}/interests`, {
    organisationId: seeker.org.id,
    message: 'Trying again with a funded pilot.',
  })
  assert.deepEqual(leaks(await everything(seekerMember, second.body.id), hidden.org, hiddenRef), [])
  const accepted = await hiddenOwner.post(`/api/v1/partnering/interests/${second.body.id}/accept`, {})
  assert.equal(accepted.status, 200)
  assert.deepEqual(
    leaks(await mailsTo(seeker.owner.email, seeker.admin.email, seeker.member.email), hidden.org, hiddenRef),
    [],
  )

  // Revealed to the seeker: the post, the interest with both contacts, the thread.
  const detail = await seekerMember.get(`/api/v1/partnering/posts/${postId}`)
  assert.deepEqual(detail.body.organisation, {
    disclosed: true,
    id: hidden.org.id,
    name: 'Stealth Optics GmbH',
    country: 'DE',
    type: 'sme',
  })
  const view = await seekerMember.get(`/api/v1/partnering/interests/${second.body.id}`)
  assert.equal(view.body.contacts.post.organisationName, 'Stealth Optics GmbH')
  assert.equal(view.body.contacts.post.contactEmail, hidden.owner.email)
  const thread = await seekerMember.get(`/api/v1/partnering/threads/${accepted.body.threadId}`)
  assert.deepEqual(
    thread.body.participants.map((p: { name: string }) => p.name),
    ['Stealth Optics GmbH'],
  )
  assert.ok(
    leaks(await everything(seekerMember, second.body.id), hidden.org, hiddenRef).length > 0,
    'the probe sees a revealed name',
  )
  // Still hidden from everyone else.
  assert.deepEqual(leaks(await everything(bystanderOwner), hidden.org, hiddenRef), [])
})

test('an anonymous profile expressing interest is unnamed to the post’s owner until accepted', async () => {
  const open = await publishedPost(hiddenOwner, hidden.org.id, { title: 'Public offer of gas sensors' })
  const sent = await shyOwner.post(`/api/v1/partnering/posts/${open}/interests`, {
    organisationId: shy.org.id,
    message: 'We would integrate your sensors in our robots.',
  })
  assert.equal(sent.status, 201)
  const received = await hiddenOwner.get(`/api/v1/partnering/posts/${open}/interests`)
  assert.deepEqual(received.body.items[0].from, { disclosed: false, id: null, name: null, country: 'IT', type: 'sme' })
  assert.deepEqual(leaks(received.body, shy.org, shyRef), [])
  assert.deepEqual(leaks((await hiddenOwner.get('/api/v1/me/notifications?pageSize=100')).body, shy.org, shyRef), [])
  assert.deepEqual(leaks(await mailsTo(hidden.owner.email, hidden.admin.email), shy.org, shyRef), [])
  // A broker sees it.
  const brokered = await staff.get(`/api/v1/partnering/interests/${sent.body.id}`)
  assert.equal(brokered.body.from.name, 'Shy Robotics SRL')

  const accepted = await hiddenOwner.post(`/api/v1/partnering/interests/${sent.body.id}/accept`, {
    message: 'Welcome.',
  })
  assert.equal(accepted.body.from.name, 'Shy Robotics SRL')
  assert.equal(accepted.body.contacts.interested.contactEmail, shy.owner.email)
})
