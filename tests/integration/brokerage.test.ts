/**
 * Brokerage events: the lifecycle and sessions, registration, meeting requests (accept, decline, expire, cancel),
 * self-booking with its conflicts (two bookings racing for the last table), the personal agenda and its ICS, the
 * reminder job, authorisation and the audit trail.
 */
import assert from 'node:assert/strict'
import { beforeEach, test } from 'node:test'
import ICAL from 'ical.js'
import { FixedClock } from '../../server/platform/clock.ts'
import { eventBody, NOW, ok, publishedEvent, registerFor, requestMeeting, sessionBody } from '../factories/brokerage.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock(NOW)
const t = await createTestApp({ clock })
beforeEach(() => clock.set(NOW))

const staffUser = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' })
const otherStaffUser = await createUser(t.db, t.programmeId, {
  programmeRole: 'cluster_staff',
  cluster: 'safe-cluster',
})
const staff = await signedIn(t, staffUser)
const otherStaff = await signedIn(t, otherStaffUser)
const sme = await createTeam(t.db, t.programmeId, { legalName: 'Thermal Eye BV', country: 'NL' })
const city = await createTeam(t.db, t.programmeId, {
  legalName: 'Ville de Testville',
  country: 'FR',
  type: 'public_authority',
})
const integ = await createTeam(t.db, t.programmeId, { legalName: 'Integra A/S', country: 'DK', type: 'integrator' })
const drone = await createTeam(t.db, t.programmeId, { legalName: 'Drone Works Oy', country: 'FI' })
const smeC = await signedIn(t, sme.owner)
const smeMember = await signedIn(t, sme.member)
const cityC = await signedIn(t, city.owner)
const integC = await signedIn(t, integ.owner)
const droneC = await signedIn(t, drone.owner)

test('organisers draft, add sessions with derived slots, publish and close; others cannot', async () => {
  const created = await staff.post('/api/v1/brokerage/events', eventBody())
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  assert.equal(created.body.status, 'draft')
  assert.equal(created.body.abilities.publish.allowed, false, 'no session yet')
  assert.equal((await staff.post(`/api/v1/brokerage/events/${id}/publish`)).body.code, 'brokerage_transition_refused')
  assert.equal((await smeC.get(`/api/v1/brokerage/events/${id}`)).body.code, 'brokerage_event_not_found')
  assert.equal((await otherStaff.patch(`/api/v1/brokerage/events/${id}`, { title: 'Mine' })).status, 404, 'a draft')
  assert.equal((await smeC.post('/api/v1/brokerage/events', eventBody())).status, 403)

  const withSession = await staff.post(
    `/api/v1/brokerage/events/${id}/sessions`,
    sessionBody({ endsAt: '2026-11-20T09:10:00Z' }),
  )
  assert.equal(withSession.status, 201)
  const slots = withSession.body.sessions[0].slots
  assert.deepEqual(
    slots.map((s: { startsAt: string }) => s.startsAt),
    ['2026-11-20T08:00:00.000Z', '2026-11-20T08:15:00.000Z', '2026-11-20T08:30:00.000Z', '2026-11-20T08:45:00.000Z'],
    'a remainder shorter than a slot is left out',
  )
  const overlap = await staff.post(
    `/api/v1/brokerage/events/${id}/sessions`,
    sessionBody({ startsAt: '2026-11-20T08:30:00Z', endsAt: '2026-11-20T10:00:00Z' }),
  )
  assert.deepEqual(
    overlap.body.errors.map((e: { code: string }) => e.code),
    ['sessions_overlap'],
  )
  const tiny = await staff.post(
    `/api/v1/brokerage/events/${id}/sessions`,
    sessionBody({ startsAt: '2026-11-20T12:00:00Z', endsAt: '2026-11-20T12:10:00Z' }),
  )
  assert.deepEqual(
    tiny.body.errors.map((e: { code: string }) => e.code),
    ['no_slot_fits'],
  )

  const published = await staff.post(`/api/v1/brokerage/events/${id}/publish`)
  assert.equal(published.body.status, 'published')
  assert.equal(published.body.startsAt, '2026-11-20T08:00:00.000Z')
  assert.equal((await otherStaff.patch(`/api/v1/brokerage/events/${id}`, { title: 'Mine' })).status, 403)
  const seen = await smeC.get(`/api/v1/brokerage/events/${id}`)
  assert.equal(seen.status, 200)
  assert.equal(seen.body.onlineUrl, null, 'the online link is for organisers and participants')
  assert.equal(seen.body.abilities.register.allowed, true)
  assert.ok((await smeC.get('/api/v1/brokerage/events')).body.items.some((e: { id: string }) => e.id === id))
  const closed = await staff.post(`/api/v1/brokerage/events/${id}/close`)
  assert.equal(closed.body.status, 'closed')
  for (const a of ['created', 'published', 'closed'])
    assert.equal((await auditEvents(t.db, `brokerage_event.${a}`, id)).length, 1, a)
})

test('registration: members of an organisation, before the deadline, once; availability by session or slot', async () => {
  const e = await publishedEvent(staff)
  const slot0 = e.sessions[0].slots[0].id
  const notMine = await smeC.post(`/api/v1/brokerage/events/${e.id}/registration`, {
    organisationId: city.org.id,
    profile: 'Pretending to be the city.',
  })
  assert.equal(notMine.status, 403)
  const me = await registerFor(smeC, e, sme.org.id, { sessionIds: [], slotIds: [slot0] })
  assert.deepEqual(me.slotIds, [slot0])
  assert.equal(me.mine, true)
  const again = await smeC.post(`/api/v1/brokerage/events/${e.id}/registration`, {
    organisationId: sme.org.id,
    profile: 'Second time around.',
  })
  assert.equal(again.body.code, 'brokerage_already_registered')
  const patched = await smeC.patch(`/api/v1/brokerage/events/${e.id}/registration`, { sessionIds: [e.sessions[0].id] })
  assert.equal(patched.body.myParticipant.slotIds.length, 4)
  clock.set('2026-11-19T17:00:00Z')
  const late = await cityC.post(`/api/v1/brokerage/events/${e.id}/registration`, {
    organisationId: city.org.id,
    profile: 'We are a city looking for crowd monitoring.',
  })
  assert.equal(late.body.code, 'brokerage_registration_closed')
  assert.equal((await auditEvents(t.db, 'brokerage_participant.registered', e.id)).length, 1)
})

test('requests: send with a reason, one live per pair, accept or decline, expiry, cancel; notifications', async () => {
  const e = await publishedEvent(staff)
  const a = await registerFor(smeC, e, sme.org.id)
  const b = await registerFor(cityC, e, city.org.id)
  const c = await registerFor(integC, e, integ.org.id)
  const colleague = await smeMember.post(`/api/v1/brokerage/events/${e.id}/requests`, {
    toParticipantId: a.id,
    reason: 'Hello colleague',
  })
  assert.equal(colleague.body.code, 'brokerage_not_registered')

  const r1 = await requestMeeting(smeC, e.id, b.id, { priority: 3 })
  assert.equal(r1.status, 'pending')
  assert.equal(r1.expiresAt, '2026-11-03T09:00:00.000Z')
  assert.equal(r1.sent, true)
  const dup = await cityC.post(`/api/v1/brokerage/events/${e.id}/requests`, { toParticipantId: a.id, reason: 'Us too' })
  assert.equal(dup.body.code, 'meeting_request_exists')
  const received = await cityC.get(`/api/v1/brokerage/events/${e.id}/requests?box=received`)
  assert.equal(received.body.total, 1)
  assert.equal(received.body.items[0].abilities.accept.allowed, true)
  const notice = await t.db
    .selectFrom('notifications')
    .select(['kind', 'params'])
    .where('user_id', '=', city.owner.id)
    .where('kind', '=', 'brokerage_request_received')
    .executeTakeFirstOrThrow()
  assert.deepEqual(notice.params, { title: 'Security matchmaking day', country: 'NL' })

  assert.equal((await smeC.post(`/api/v1/brokerage/requests/${r1.id}/accept`, {})).body.code, 'forbidden')
  const accepted = await cityC.post(`/api/v1/brokerage/requests/${r1.id}/accept`, {})
  assert.equal(accepted.status, 200)
  assert.equal(accepted.body.status, 'accepted')
  assert.equal(accepted.body.meeting, null)
  assert.equal(accepted.body.abilities.book.allowed, true)
  assert.equal(
    (await cityC.post(`/api/v1/brokerage/requests/${r1.id}/decline`, {})).body.code,
    'meeting_request_already_decided',
  )

  const r2 = await requestMeeting(integC, e.id, b.id)
  const declined = await cityC.post(`/api/v1/brokerage/requests/${r2.id}/decline`, { message: 'Not this time' })
  assert.equal(declined.body.status, 'declined')
  assert.equal(declined.body.decisionMessage, 'Not this time')

  const r3 = await requestMeeting(integC, e.id, a.id)
  clock.set('2026-11-03T09:00:00Z')
  const list = await smeC.get(`/api/v1/brokerage/events/${e.id}/requests?box=received&status=expired`)
  assert.deepEqual(
    list.body.items.map((r: { id: string }) => r.id),
    [r3.id],
    'expired at its instant, at query time',
  )
  assert.equal((await smeC.post(`/api/v1/brokerage/requests/${r3.id}/accept`, {})).body.code, 'meeting_request_expired')
  const stored = await t.db
    .selectFrom('brokerage_meeting_requests')
    .select('status')
    .where('id', '=', r3.id)
    .executeTakeFirstOrThrow()
  assert.equal(stored.status, 'expired')
  const renewed = await requestMeeting(integC, e.id, a.id)
  assert.equal(renewed.status, 'pending', 'an expired request no longer blocks the pair')
  const cancelled = await integC.post(`/api/v1/brokerage/requests/${renewed.id}/cancel`)
  assert.equal(cancelled.body.status, 'cancelled')
  assert.equal((await droneC.get(`/api/v1/brokerage/requests/${r1.id}/free-slots`)).status, 404)
  assert.equal(c.mine, true)
  assert.equal((await auditEvents(t.db, 'brokerage_request.accepted', e.id)).length, 1)
})

test('self-booking: a free common slot, one meeting per person per slot, max per participant, last table race', async () => {
  const e = await publishedEvent(staff, { maxMeetingsPerParticipant: 2 }, [sessionBody({ tables: 1 })])
  const [s0, s1, , s3] = e.sessions[0].slots.map((s: { id: string }) => s.id)
  const a = await registerFor(smeC, e, sme.org.id)
  assert.equal(a.slotIds.length, 4, 'free in the whole session')
  const b = await registerFor(cityC, e, city.org.id)
  const c = await registerFor(integC, e, integ.org.id)
  const d = await registerFor(droneC, e, drone.org.id, { sessionIds: [], slotIds: [s1, s3] })
  const ab = await requestMeeting(smeC, e.id, b.id)
  const cd = await requestMeeting(integC, e.id, d.id)
  const ac = await requestMeeting(smeC, e.id, c.id)

  const noCommon = await droneC.post(`/api/v1/brokerage/requests/${cd.id}/accept`, { slotId: s0 })
  assert.equal(noCommon.body.code, 'brokerage_slot_unavailable', 'the drone SME is not free in the first slot')
  assert.equal(
    (
      await t.db
        .selectFrom('brokerage_meeting_requests')
        .select('status')
        .where('id', '=', cd.id)
        .executeTakeFirstOrThrow()
    ).status,
    'pending',
    'a refused booking rolls the acceptance back',
  )
  await ok(droneC.post(`/api/v1/brokerage/requests/${cd.id}/accept`, {}), 200)
  await ok(cityC.post(`/api/v1/brokerage/requests/${ab.id}/accept`, {}), 200)
  const free = await cityC.get(`/api/v1/brokerage/requests/${ab.id}/free-slots`)
  assert.equal(free.body.items.length, 4)
  assert.deepEqual(free.body.items[1], { ...free.body.items[1], id: s1, tablesLeft: 1 })

  // Two bookings race for the one table of the second slot: one wins, the other is 409 brokerage_slot_full.
  const race = await Promise.all([
    cityC.post(`/api/v1/brokerage/requests/${ab.id}/book`, { slotId: s1 }),
    droneC.post(`/api/v1/brokerage/requests/${cd.id}/book`, { slotId: s1 }),
  ])
  assert.deepEqual(race.map((r) => r.status).sort(), [200, 409])
  const loser = race.find((r) => r.status === 409)!
  assert.equal(loser.body.code, 'brokerage_slot_full')
  const inSlot = await t.db.selectFrom('brokerage_meetings').select('table_number').where('slot_id', '=', s1).execute()
  assert.deepEqual(inSlot, [{ table_number: 1 }])

  const winnerIsAb = race[0]!.status === 200
  if (!winnerIsAb) await ok(cityC.post(`/api/v1/brokerage/requests/${ab.id}/book`, { slotId: s0 }), 200)
  const booked = await smeC.get(`/api/v1/brokerage/events/${e.id}/requests?box=sent`)
  const abView = booked.body.items.find((r: { id: string }) => r.id === ab.id)
  assert.ok(abView.meeting, 'the requester sees the booked meeting')
  assert.equal(
    (await smeC.post(`/api/v1/brokerage/requests/${ab.id}/book`, { slotId: s0 })).body.code,
    'meeting_already_booked',
  )

  // The SME meets the city already; a second meeting in the same slot is refused.
  await ok(integC.post(`/api/v1/brokerage/requests/${ac.id}/accept`, {}), 200)
  const abSlot = abView.meeting.slotId
  assert.equal(
    (await integC.post(`/api/v1/brokerage/requests/${ac.id}/book`, { slotId: abSlot })).body.code,
    'brokerage_slot_unavailable',
  )
  const other = e.sessions[0].slots[2].id
  await ok(integC.post(`/api/v1/brokerage/requests/${ac.id}/book`, { slotId: other }), 200)
  // The SME has now two meetings: the maximum.
  const bc = await requestMeeting(cityC, e.id, c.id)
  await ok(integC.post(`/api/v1/brokerage/requests/${bc.id}/accept`, {}), 200)
  const ad = await requestMeeting(smeC, e.id, d.id)
  await ok(droneC.post(`/api/v1/brokerage/requests/${ad.id}/accept`, {}), 200)
  assert.equal(
    (await smeC.post(`/api/v1/brokerage/requests/${ad.id}/book`, { slotId: s3 })).body.code,
    'brokerage_max_meetings',
  )

  const agenda = await smeC.get(`/api/v1/brokerage/events/${e.id}/agenda`)
  assert.equal(agenda.body.items.length, 2)
  assert.equal(agenda.body.timeZone, 'Europe/Brussels')
  assert.deepEqual(
    agenda.body.items.map((i: { with: { organisation: { name: string } } }) => i.with.organisation.name),
    ['Ville de Testville', 'Integra A/S'],
  )
})

test('the agenda as ICS: one event per meeting with the event’s TZID, parsed by a real parser', async () => {
  const e = await publishedEvent(staff)
  const a = await registerFor(smeC, e, sme.org.id)
  const b = await registerFor(cityC, e, city.org.id)
  const r = await requestMeeting(smeC, e.id, b.id)
  const slot = e.sessions[0].slots[1]
  await ok(cityC.post(`/api/v1/brokerage/requests/${r.id}/accept`, { slotId: slot.id }), 200)
  const res = await smeC.get(`/api/v1/brokerage/events/${e.id}/agenda.ics`)
  assert.equal(res.status, 200)
  assert.match(String(res.headers['content-type']), /^text\/calendar/)
  const text = res.raw.body
  assert.match(text, /DTSTART;TZID=Europe\/Brussels:20261120T091500/)
  assert.match(text, /BEGIN:VTIMEZONE/)
  const comp = new ICAL.Component(ICAL.parse(text))
  const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  assert.equal(events.length, 1)
  assert.equal(events[0]!.startDate.toJSDate().toISOString(), slot.startsAt)
  assert.equal(events[0]!.endDate.toJSDate().toISOString(), slot.endsAt)
  assert.match(events[0]!.summary, /Ville de Testville/)
  assert.match(events[0]!.location, /^Table 1, Brussels/)
  assert.equal((await droneC.get(`/api/v1/brokerage/events/${e.id}/agenda.ics`)).body.code, 'brokerage_not_registered')
  assert.equal(a.mine, true)
})

test('the reminder job mails the agenda N hours before the first meeting, once; a stale job does nothing', async () => {
  const e = await publishedEvent(staff, { reminderHours: 2 })
  await registerFor(smeC, e, sme.org.id)
  const b = await registerFor(cityC, e, city.org.id)
  const r = await requestMeeting(smeC, e.id, b.id)
  const [s0, , s2] = e.sessions[0].slots
  await ok(cityC.post(`/api/v1/brokerage/requests/${r.id}/accept`, { slotId: s0.id }), 200)
  const reminders = () =>
    t.db
      .selectFrom('mail_messages')
      .select(['to_address', 'text_body', 'attachments'])
      .where('template', '=', 'brokerage_reminder')
      .where('text_body', 'like', `%${e.id}%`)
      .execute()
  // Moved to a later slot by the organiser: the first job (for 09:00) is stale.
  await t.db.deleteFrom('brokerage_meetings').where('request_id', '=', r.id).execute()
  await ok(smeC.post(`/api/v1/brokerage/requests/${r.id}/book`, { slotId: s2.id }), 200)
  clock.set(new Date(Date.parse(s0.startsAt) - 2 * 3_600_000))
  await t.app.worker.runDue()
  clock.set(new Date(Date.parse(s2.startsAt) - 2 * 3_600_000 - 1000))
  await t.app.worker.runDue()
  assert.deepEqual(await reminders(), [])
  clock.set(new Date(Date.parse(s2.startsAt) - 2 * 3_600_000))
  await t.app.worker.runDue()
  const sent = await reminders()
  assert.deepEqual(sent.map((m) => m.to_address).sort(), [city.owner.email, sme.owner.email].sort())
  assert.match(sent[0]!.text_body, /09:30 \(Europe\/Brussels\)/)
  assert.match(sent[0]!.text_body, /Ville de Testville|Thermal Eye BV/)
  assert.equal((sent[0]!.attachments as { filename: string }[])[0]!.filename, 'agenda.ics')
  await t.app.worker.runDue()
  assert.equal((await reminders()).length, 2, 'once')
})

test('anonymity: an anonymous participant shows country and type only, until a request is accepted', async () => {
  const e = await publishedEvent(staff)
  const shy = await registerFor(droneC, e, drone.org.id, {
    anonymous: true,
    profile: 'Counter-drone radar for stadiums.',
  })
  const a = await registerFor(smeC, e, sme.org.id)
  const dir = await smeC.get(`/api/v1/brokerage/events/${e.id}/participants?q=radar`)
  assert.equal(dir.body.total, 1)
  assert.deepEqual(dir.body.items[0].organisation, {
    disclosed: false,
    id: null,
    name: null,
    country: 'FI',
    type: 'sme',
  })
  assert.equal(dir.body.items[0].name, null)
  assert.ok(!JSON.stringify(dir.body).includes('Drone Works'))
  assert.equal((await smeC.get(`/api/v1/brokerage/events/${e.id}/participants?q=Drone%20Works`)).body.total, 0)
  const asStaff = await staff.get(`/api/v1/brokerage/events/${e.id}/participants`)
  assert.ok(JSON.stringify(asStaff.body).includes('Drone Works Oy'), 'brokers see who is behind')
  const r = await requestMeeting(smeC, e.id, shy.id)
  const sent = await smeC.get(`/api/v1/brokerage/events/${e.id}/requests?box=sent`)
  assert.ok(!JSON.stringify(sent.body).includes('Drone Works'))
  await ok(droneC.post(`/api/v1/brokerage/requests/${r.id}/accept`, {}), 200)
  const after = await smeC.get(`/api/v1/brokerage/events/${e.id}/participants?q=radar`)
  assert.equal(after.body.items[0].organisation.name, 'Drone Works Oy')
  assert.equal(a.organisation.name, 'Thermal Eye BV')
})
