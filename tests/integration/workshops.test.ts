import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { clusterId, workshopBody } from '../factories/workshops.ts'
import { createTestApp, PUBLIC_URL } from '../support/app.ts'

const clock = new FixedClock('2026-11-01T09:00:00Z')
const t = await createTestApp({ clock })
const staff = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' })
const otherStaff = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'lsec' })
const organiser = await signedIn(t, staff)

async function mails(template: string) {
  return t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'text_body', 'subject', 'attachments'])
    .where('template', '=', template)
    .orderBy('to_address')
    .execute()
}

async function published(traits: Record<string, unknown> = {}): Promise<string> {
  const res = await organiser.post('/api/v1/workshops', workshopBody(traits))
  assert.equal(res.status, 201, JSON.stringify(res.body))
  const pub = await organiser.post(`/api/v1/workshops/${res.body.id}/publish`)
  assert.equal(pub.status, 200, JSON.stringify(pub.body))
  return res.body.id
}

test('cluster staff create a draft for their cluster; others cannot see, edit or create for it', async () => {
  const res = await organiser.post('/api/v1/workshops', workshopBody())
  assert.equal(res.status, 201, JSON.stringify(res.body))
  const { id, abilities, ...rest } = res.body
  assert.deepEqual(rest, {
    programmeId: t.programmeId,
    clusterId: clusterId(),
    status: 'draft',
    title: 'Securing city events',
    description: 'Agenda: pains, use cases, vote.',
    format: 'hybrid',
    startsAt: '2026-11-18T09:00:00.000Z',
    endsAt: '2026-11-18T11:00:00.000Z',
    timeZone: 'Europe/Brussels',
    capacity: 2,
    seatsLeft: 2,
    domainIds: [],
    meetingUrl: 'https://meet.example.test/ws',
    location: 'Brussels, Rue de la Loi 1',
    sequence: 0,
    pointsBudget: 10,
    voteClosesAt: null,
    useCaseIds: [],
    useCases: [],
    calendarUrl: `${PUBLIC_URL}/api/v1/workshops/${id}/calendar.ics`,
    myRegistration: null,
  })
  assert.deepEqual(abilities.manage, { allowed: true })
  const other = await signedIn(t, otherStaff)
  assert.equal((await other.get(`/api/v1/workshops/${id}`)).status, 404)
  const plain = await signedIn(t, await createUser(t.db, t.programmeId))
  assert.equal((await plain.get(`/api/v1/workshops/${id}`)).status, 404)
  assert.equal((await plain.post('/api/v1/workshops', workshopBody())).status, 403)
  const foreign = await other.post('/api/v1/workshops', workshopBody())
  assert.equal(foreign.status, 403)
  await organiser.post(`/api/v1/workshops/${id}/publish`)
  const edit = await other.patch(`/api/v1/workshops/${id}`, { title: 'Hijacked' })
  assert.equal(edit.status, 403)
  assert.equal(edit.body.code, 'forbidden')
  const seen = await other.get(`/api/v1/workshops/${id}`)
  assert.equal(seen.status, 200)
  assert.equal(seen.body.title, 'Securing city events')
  assert.equal(seen.body.meetingUrl, null)
  const list = await plain.get('/api/v1/workshops')
  assert.deepEqual(
    list.body.items.map((w: { id: string }) => w.id),
    [id],
  )
  const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
  const byOperator = await operator.patch(`/api/v1/workshops/${id}`, { title: 'Securing city events (2)' })
  assert.equal(byOperator.status, 200)
  assert.equal(byOperator.body.sequence, 0)
})

test('bad input: unknown time zone, end before start, online without a link', async () => {
  const tz = await organiser.post('/api/v1/workshops', workshopBody({ timeZone: 'Europe/Atlantis' }))
  assert.equal(tz.status, 400)
  const order = await organiser.post('/api/v1/workshops', workshopBody({ endsAt: '2026-11-18T08:00:00Z' }))
  assert.deepEqual([order.status, order.body.errors[0].path], [400, 'endsAt'])
  const online = await organiser.post('/api/v1/workshops', workshopBody({ format: 'online', meetingUrl: null }))
  assert.deepEqual([online.status, online.body.errors[0].path], [400, 'meetingUrl'])
})

test('invitations mail organisations’ members and people, once each, with the calendar invitation', async () => {
  const id = await published({ title: 'Invite test' })
  const team = await createTeam(t.db, t.programmeId)
  const res = await organiser.post(`/api/v1/workshops/${id}/invitations`, {
    organisationIds: [team.org.id],
    emails: ['Guest@Example.test'],
  })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  const expected = [team.admin.email, team.member.email, team.owner.email, 'guest@example.test']
    .map((e) => e.toLowerCase())
    .sort()
  assert.deepEqual(res.body.invited, expected)
  const again = await organiser.post(`/api/v1/workshops/${id}/invitations`, { emails: ['guest@example.test'] })
  assert.deepEqual(again.body.invited, [])
  const sent = (await mails('workshop_invitation')).filter(
    (m) => m.subject === 'Invitation to the workshop Invite test',
  )
  assert.equal(sent.length, 4)
  assert.ok(sent[0]!.text_body.includes(`${PUBLIC_URL}/api/v1/workshops/${id}/calendar.ics`))
  // The invitation is attached to every one of them; the guest has no account, so no in-app item.
  assert.ok(sent.every((m) => (m.attachments as { filename: string }[])[0]?.filename === 'invite.ics'))
  const inApp = await t.db.selectFrom('notifications').select('user_id').where('subject_id', '=', id).execute()
  assert.deepEqual(inApp.map((n) => n.user_id).sort(), [team.admin.id, team.member.id, team.owner.id].sort())
})

test('capacity 2: the third is waitlisted, moves up when one cancels; approval mails; attendance after start', async () => {
  const id = await published({ title: 'Capacity test' })
  const people = await Promise.all([1, 2, 3].map(() => createUser(t.db, t.programmeId)))
  const clients = await Promise.all(people.map((p) => signedIn(t, p)))
  const statuses = []
  for (const c of clients) statuses.push((await c.post(`/api/v1/workshops/${id}/registrations`)).body.status)
  assert.deepEqual(statuses, ['pending', 'pending', 'waitlisted'])
  assert.equal((await clients[0]!.post(`/api/v1/workshops/${id}/registrations`)).body.code, 'already_registered')
  assert.equal((await clients[0]!.delete(`/api/v1/workshops/${id}/registrations/me`)).status, 204)
  const list = await organiser.get(`/api/v1/workshops/${id}/registrations`)
  assert.deepEqual(
    list.body.items.map((r: { userId: string; status: string }) => [r.userId, r.status]),
    [
      [people[0]!.id, 'cancelled'],
      [people[1]!.id, 'pending'],
      [people[2]!.id, 'pending'],
    ],
  )
  const reg = list.body.items[2].id
  const approved = await organiser.post(`/api/v1/workshops/${id}/registrations/${reg}/decision`, {
    decision: 'approved',
  })
  assert.equal(approved.body.status, 'approved')
  const [mail] = (await mails('workshop_registration_approved')).filter((m) => m.to_address === people[2]!.email)
  assert.equal(mail!.subject, 'Your registration for Capacity test is confirmed')
  assert.equal((await clients[2]!.get(`/api/v1/workshops/${id}`)).body.meetingUrl, 'https://meet.example.test/ws')
  const early = await organiser.request('PUT', `/api/v1/workshops/${id}/registrations/${reg}/attendance`, {
    attended: true,
  })
  assert.equal(early.body.code, 'attendance_before_start')
  clock.set('2026-11-18T09:30:00Z')
  const marked = await organiser.request('PUT', `/api/v1/workshops/${id}/registrations/${reg}/attendance`, {
    attended: true,
  })
  assert.equal(marked.body.attended, true)
  clock.set('2026-11-01T09:00:00Z')
})
