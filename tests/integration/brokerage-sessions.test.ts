/**
 * The sessions of a brokerage event once they exist: an organiser changes one (its slots follow its times, the
 * slots that remain keep their id) or deletes one; the rules that protect placed meetings (times and slot length
 * stay, tables not below the highest in use, no deletion: 409 `brokerage_session_in_use`), the session's field
 * problems, the meetings count the organiser's view carries for the form, and who may do it.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { eventBody, NOW, ok, publishedEvent, registerFor, requestMeeting, sessionBody } from '../factories/brokerage.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock(NOW)
const t = await createTestApp({ clock })
const staff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' }),
)
const otherStaff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'safe-cluster' }),
)
const sme = await createTeam(t.db, t.programmeId, { legalName: 'Thermal Eye BV', country: 'NL' })
const city = await createTeam(t.db, t.programmeId, { legalName: 'Ville de Testville', country: 'FR' })
const smeC = await signedIn(t, sme.owner)
const cityC = await signedIn(t, city.owner)

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
type Json = any
const url = (eventId: string, sessionId?: string) =>
  `/api/v1/brokerage/events/${eventId}/sessions${sessionId ? `/${sessionId}` : ''}`
const afternoon = sessionBody({ title: 'Afternoon', startsAt: '2026-11-20T13:00:00Z', endsAt: '2026-11-20T14:00:00Z' })

/** A central event with two sessions; the SME and the city registered with an accepted request between them. */
async function eventWithRequest(): Promise<{ e: Json; requestId: string }> {
  const e = await publishedEvent(staff, { schedulingMode: 'central' }, [sessionBody(), afternoon])
  await registerFor(smeC, e, sme.org.id)
  const b = await registerFor(cityC, e, city.org.id)
  const r = await requestMeeting(smeC, e.id, b.id)
  await ok(cityC.post(`/api/v1/brokerage/requests/${r.id}/accept`, {}), 200)
  return { e, requestId: r.id }
}

test('an organiser changes a session: its slots follow, the slots that remain keep their id and availability', async () => {
  const e = await publishedEvent(staff)
  const s = e.sessions[0]
  assert.deepEqual([s.meetingCount, s.highestTableInUse], [0, 0], 'the organiser’s view counts meetings')
  await registerFor(smeC, e, sme.org.id)
  const seen = await smeC.get(`/api/v1/brokerage/events/${e.id}`)
  assert.deepEqual([seen.body.sessions[0].meetingCount, seen.body.sessions[0].highestTableInUse], [null, null])

  // 15-minute slots → 20-minute slots: three slots where there were four; positions 0–2 keep their ids.
  const changed = await staff.put(url(e.id, s.id), sessionBody({ title: 'Morning round', slotMinutes: 20, tables: 3 }))
  assert.equal(changed.status, 200, JSON.stringify(changed.body))
  const after = changed.body.sessions[0]
  assert.equal(after.title, 'Morning round')
  assert.equal(after.tables, 3)
  assert.deepEqual(
    after.slots.map((x: { startsAt: string }) => x.startsAt),
    ['2026-11-20T08:00:00.000Z', '2026-11-20T08:20:00.000Z', '2026-11-20T08:40:00.000Z'],
  )
  assert.deepEqual(
    after.slots.map((x: { id: string }) => x.id),
    s.slots.slice(0, 3).map((x: { id: string }) => x.id),
  )
  const mine = (await smeC.get(`/api/v1/brokerage/events/${e.id}`)).body.myParticipant
  assert.equal(mine.slotIds.length, 3, 'the availability on the dropped slot went with it')
  const tables = await t.db.selectFrom('brokerage_slots').select('tables').where('session_id', '=', s.id).execute()
  assert.deepEqual(
    tables.map((x) => x.tables),
    [3, 3, 3],
    'the slots take the new number of tables',
  )
  const audit = await auditEvents(t.db, 'brokerage_session.updated', e.id)
  assert.equal(audit.length, 1)
})

test('a changed session is checked like a new one: end after start, a slot that fits, no overlap', async () => {
  const e = await publishedEvent(staff, {}, [sessionBody(), afternoon])
  const [morning, pm] = e.sessions
  const codes = (r: { body: Json }) => r.body.errors?.map((x: { path: string; code: string }) => `${x.path}:${x.code}`)
  const overlap = await staff.put(
    url(e.id, pm.id),
    sessionBody({ startsAt: '2026-11-20T08:30:00Z', endsAt: '2026-11-20T09:30:00Z' }),
  )
  assert.equal(overlap.status, 400)
  assert.deepEqual(codes(overlap), ['startsAt:sessions_overlap'])
  const backwards = await staff.put(url(e.id, pm.id), { ...afternoon, endsAt: '2026-11-20T12:00:00Z' })
  assert.deepEqual(codes(backwards), ['endsAt:ends_before_start'])
  const noSlot = await staff.put(url(e.id, pm.id), { ...afternoon, slotMinutes: 90 })
  assert.deepEqual(codes(noSlot), ['slotMinutes:no_slot_fits'])
  const tooMany = await staff.put(url(e.id, pm.id), { ...afternoon, endsAt: '2026-11-21T13:00:00Z', slotMinutes: 5 })
  assert.deepEqual(codes(tooMany), ['slotMinutes:too_many_slots'])
  const bad = await staff.put(url(e.id, pm.id), { ...afternoon, slotMinutes: 2, tables: 0 })
  assert.equal(bad.body.code, 'validation_failed')
  assert.deepEqual(bad.body.errors.map((x: { path: string }) => x.path).sort(), ['slotMinutes', 'tables'])
  // A session does not overlap itself: the same times with another title are fine.
  await ok(staff.put(url(e.id, morning.id), sessionBody({ title: 'Early birds' })), 200)
  // Not a session of this event.
  const other = await publishedEvent(staff, {}, [sessionBody()])
  assert.equal(
    (await staff.put(url(e.id, other.sessions[0].id), sessionBody())).body.code,
    'brokerage_session_not_found',
  )
  assert.equal((await staff.delete(url(e.id, other.sessions[0].id))).body.code, 'brokerage_session_not_found')
})

test('once a meeting is placed, a session keeps its times, slot length and the tables in use, and stays', async () => {
  const { e, requestId } = await eventWithRequest()
  const s = e.sessions[0]
  const fixed = await ok(
    staff.post(`/api/v1/brokerage/events/${e.id}/meetings`, { requestId, slotId: s.slots[1].id, table: 2 }),
    201,
  )
  const view = (await staff.get(`/api/v1/brokerage/events/${e.id}`)).body
  assert.deepEqual(
    view.sessions.map((x: Json) => [x.meetingCount, x.highestTableInUse]),
    [
      [1, 2],
      [0, 0],
    ],
  )

  const inUse = async (body: Record<string, unknown>, why: string) => {
    const r = await staff.put(url(e.id, s.id), body)
    assert.equal(r.status, 409, why)
    assert.equal(r.body.code, 'brokerage_session_in_use', why)
  }
  await inUse(sessionBody({ endsAt: '2026-11-20T09:15:00Z' }), 'a later end')
  await inUse(sessionBody({ startsAt: '2026-11-20T07:45:00Z' }), 'an earlier start')
  await inUse(sessionBody({ slotMinutes: 20 }), 'another slot length')
  await inUse(sessionBody({ tables: 1 }), 'table 2 is in use')

  // The name and more tables (or exactly the highest in use) can still change; the meeting stays where it is.
  const renamed = await ok(staff.put(url(e.id, s.id), sessionBody({ title: 'Morning (hall B)', tables: 2 })), 200)
  assert.equal(renamed.sessions[0].title, 'Morning (hall B)')
  assert.deepEqual(
    renamed.sessions[0].slots.map((x: { id: string }) => x.id),
    s.slots.map((x: { id: string }) => x.id),
  )
  const meetings = await ok(staff.get(`/api/v1/brokerage/events/${e.id}/meetings`), 200)
  assert.deepEqual(
    meetings.items.map((m: Json) => [m.slotId, m.table]),
    [[s.slots[1].id, 2]],
  )

  const refused = await staff.delete(url(e.id, s.id))
  assert.equal(refused.status, 409)
  assert.equal(refused.body.code, 'brokerage_session_in_use')
  // The other session, without meetings, goes (its slots and availability with it).
  assert.equal((await staff.delete(url(e.id, e.sessions[1].id))).status, 204)
  const left = await ok(staff.get(`/api/v1/brokerage/events/${e.id}`), 200)
  assert.deepEqual(
    left.sessions.map((x: { id: string }) => x.id),
    [s.id],
  )
  const smeView = (await smeC.get(`/api/v1/brokerage/events/${e.id}`)).body
  assert.equal(smeView.myParticipant.slotIds.length, 4, 'free in the morning only now')
  const availability = await t.db
    .selectFrom('brokerage_availability')
    .select('slot_id')
    .where(
      'slot_id',
      'in',
      e.sessions[1].slots.map((x: { id: string }) => x.id),
    )
    .execute()
  assert.deepEqual(availability, [])

  // Once its meeting is removed, the session may move again, and be deleted.
  assert.equal(
    (await staff.delete(`/api/v1/brokerage/events/${e.id}/meetings/${fixed.items[0].meetingId}`)).status,
    204,
  )
  const moved = await ok(staff.put(url(e.id, s.id), sessionBody({ slotMinutes: 30, tables: 1 })), 200)
  assert.deepEqual([moved.sessions[0].slots.length, moved.sessions[0].meetingCount], [2, 0])
  assert.equal((await staff.delete(url(e.id, s.id))).status, 204)
  assert.equal((await auditEvents(t.db, 'brokerage_session.deleted', e.id)).length, 2)
})

test('only the event’s organisers change or delete its sessions, and not once it is closed', async () => {
  const e = await publishedEvent(staff)
  const s = e.sessions[0]
  for (const [who, c] of [
    ['a participant', smeC],
    ['another cluster’s staff', otherStaff],
  ] as const) {
    assert.equal((await c.put(url(e.id, s.id), sessionBody({ title: 'Mine' }))).status, 403, who)
    assert.equal((await c.delete(url(e.id, s.id))).status, 403, who)
  }
  const draft = await ok(staff.post('/api/v1/brokerage/events', eventBody()), 201)
  const added = await ok(staff.post(url(draft.id), sessionBody()), 201)
  assert.equal(
    (await otherStaff.put(url(draft.id, added.sessions[0].id), sessionBody())).status,
    404,
    'a draft is not seen',
  )
  await ok(staff.post(`/api/v1/brokerage/events/${e.id}/close`), 200)
  const closed = await staff.put(url(e.id, s.id), sessionBody({ title: 'Too late' }))
  assert.equal(closed.body.code, 'brokerage_transition_refused')
  assert.equal((await staff.delete(url(e.id, s.id))).body.code, 'brokerage_transition_refused')
  const stored = await t.db
    .selectFrom('brokerage_sessions')
    .select('title')
    .where('id', '=', s.id)
    .executeTakeFirstOrThrow()
  assert.equal(stored.title, 'Morning')
})
