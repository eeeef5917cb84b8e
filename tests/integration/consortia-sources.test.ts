/**
 * Where a partner was found: an accepted brokerage meeting between the two organisations is a valid
 * source (by the request's id or by its meeting's id); a pending or declined request, or one between
 * other organisations, is 422 `consortium_source_invalid`. (Partner search is in consortia.test.ts.)
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { FixedClock } from '../../server/platform/clock.ts'
import { createOpenCall } from '../factories/applications.ts'
import { consortiumCallConfig, makeSme, ok } from '../factories/consortia.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const call = await createOpenCall(t.db, t.programmeId, {
  closesAt: new Date('2026-03-14T16:00:00Z'),
  config: consortiumCallConfig(),
})
const leadTeam = await createTeam(t.db, t.programmeId, { legalName: 'Quokka Sensors BV', country: 'NL' })
const metTeam = await createTeam(t.db, t.programmeId, { legalName: 'Lynx Analytics SAS', country: 'FR' })
const otherTeam = await createTeam(t.db, t.programmeId, { legalName: 'Otter Robotics GmbH', country: 'DE' })
await makeSme(t.db, leadTeam.org.id)
const lead = await signedIn(t, leadTeam.owner)

/** A brokerage event with one participant per organisation, a request between two of them and a meeting. */
async function meeting(from: { userId: string; orgId: string }, to: { userId: string; orgId: string }, status: string) {
  const now = clock.now()
  const event = await sql<{ id: string }>`
    insert into brokerage_events (programme_id, title, mode, time_zone, registration_deadline, scheduling_mode,
      max_meetings_per_participant, request_expiry_hours, status, created_at, updated_at)
    values (${t.programmeId}, 'Matchmaking day', 'online', 'Europe/Brussels', ${now}, 'central', 8, 72, 'published',
      ${now}, ${now}) returning id`.execute(t.db)
  const eventId = event.rows[0]!.id
  const participant = async (p: { userId: string; orgId: string }) =>
    (
      await sql<{ id: string }>`
        insert into brokerage_participants (event_id, user_id, organisation_id, profile, created_at, updated_at)
        values (${eventId}, ${p.userId}, ${p.orgId}, 'We build sensors.', ${now}, ${now}) returning id`.execute(t.db)
    ).rows[0]!.id
  const request = await sql<{ id: string }>`
    insert into brokerage_meeting_requests (event_id, from_participant_id, to_participant_id, reason, status, expires_at,
      created_at, updated_at)
    values (${eventId}, ${await participant(from)}, ${await participant(to)}, 'Complementary expertise', ${status},
      ${new Date(now.getTime() + 86_400_000)}, ${now}, ${now}) returning id`.execute(t.db)
  return request.rows[0]!.id
}

test('an accepted brokerage meeting between the two organisations is a valid source', async () => {
  const c = ok(
    await lead.post('/api/v1/consortia', {
      organisationId: leadTeam.org.id,
      callId: call.id,
      challengeId: null,
      name: 'Met at the matchmaking day',
    }),
    201,
  )
  const leadP = { userId: leadTeam.owner.id, orgId: leadTeam.org.id }
  const metP = { userId: metTeam.owner.id, orgId: metTeam.org.id }
  const otherP = { userId: otherTeam.owner.id, orgId: otherTeam.org.id }
  const invite = (organisationId: string, sourceRef: string) =>
    lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId, source: 'brokerage', sourceRef })

  const pending = await meeting(metP, leadP, 'pending')
  assert.equal((await invite(metTeam.org.id, pending)).body.code, 'consortium_source_invalid')
  const elsewhere = await meeting(metP, otherP, 'accepted')
  assert.equal((await invite(metTeam.org.id, elsewhere)).body.code, 'consortium_source_invalid')

  const accepted = await meeting(metP, leadP, 'accepted')
  assert.equal((await invite(otherTeam.org.id, accepted)).body.code, 'consortium_source_invalid', 'not with them')
  const joined = ok(await invite(metTeam.org.id, accepted), 201)
  assert.deepEqual(
    joined.members.map((m: { source: string; sourceRef: string }) => [m.source, m.sourceRef]),
    [['brokerage', accepted]],
  )
})

test('an anonymous organisation is invited unnamed, cannot be found by name, and shows itself by accepting', async () => {
  const shy = await createTeam(t.db, t.programmeId, { legalName: 'Shy Photonics SRL', country: 'IT' })
  await t.db.updateTable('organisations').set({ visibility: 'anonymous' }).where('id', '=', shy.org.id).execute()
  let c = ok(
    await lead.post('/api/v1/consortia', {
      organisationId: leadTeam.org.id,
      callId: call.id,
      challengeId: null,
      name: 'With a shy partner',
    }),
    201,
  )
  const found = ok(await lead.get(`/api/v1/consortia/${c.id}/candidates?q=shy`))
  assert.deepEqual(found.items, [], 'no search by a hidden name')
  assert.ok(
    ok(await lead.get(`/api/v1/consortia/${c.id}/candidates?q=lynx`)).items.some(
      (o: { id: string }) => o.id === metTeam.org.id,
    ),
  )
  c = ok(
    await lead.post(`/api/v1/consortia/${c.id}/members`, {
      organisationId: shy.org.id,
      source: 'recommendation',
      sourceRef: 'challenge:D1-C2',
    }),
    201,
  )
  assert.deepEqual(c.members[0].organisation, {
    id: shy.org.id,
    name: null,
    country: 'IT',
    type: 'sme',
    smeStatus: null,
  })
  assert.ok(!JSON.stringify(c).includes('Shy Photonics'))
  const shyOwner = await signedIn(t, shy.owner)
  const accepted = ok(
    await shyOwner.post(`/api/v1/consortia/${c.id}/members/${c.members[0].id}/accept`, { role: 'Optics' }),
  )
  assert.equal(accepted.members[0].organisation.name, 'Shy Photonics SRL')
  assert.equal(ok(await lead.get(`/api/v1/consortia/${c.id}`)).members[0].organisation.name, 'Shy Photonics SRL')
})
