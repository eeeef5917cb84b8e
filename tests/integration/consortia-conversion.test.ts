/**
 * "Turn into an application": allowed to the lead's members when the call is open and the rules pass;
 * creates exactly one application draft with the accepted partners as accepted partners (their role in
 * their part, the lead's in its own), links it and marks the consortium converted; a retry (even concurrent) answers the same
 * application; refused before the call opens, after it closes and while a rule fails.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { createOpenCall, type Json } from '../factories/applications.ts'
import { consortiumCallConfig, formConsortium, makeSme, ok, rulesOf } from '../factories/consortia.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const challenge = await t.db.selectFrom('challenges').select('id').where('code', '=', 'D1-C2').executeTakeFirstOrThrow()
const config = consortiumCallConfig()
const call = await createOpenCall(t.db, t.programmeId, {
  closesAt: new Date('2026-03-14T16:00:00Z'),
  challengeIds: [challenge.id],
  config,
})
const leadTeam = await createTeam(t.db, t.programmeId, { legalName: 'Quokka Sensors BV', country: 'NL' })
const smeTeam = await createTeam(t.db, t.programmeId, { legalName: 'Lynx Analytics SAS', country: 'FR' })
const cityTeam = await createTeam(t.db, t.programmeId, {
  legalName: 'City of Ghent',
  country: 'BE',
  type: 'public_authority',
})
const otherTeam = await createTeam(t.db, t.programmeId, { legalName: 'Otter Robotics GmbH', country: 'DE' })
for (const org of [leadTeam.org.id, smeTeam.org.id, otherTeam.org.id]) await makeSme(t.db, org)
const lead = await signedIn(t, leadTeam.owner)
const sme = await signedIn(t, smeTeam.owner)
const city = await signedIn(t, cityTeam.owner)
const other = await signedIn(t, otherTeam.owner)
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))

const partners = [
  { client: sme, organisationId: smeTeam.org.id, role: 'Builds the analytics' },
  { client: city, organisationId: cityTeam.org.id, role: 'Runs the pilot in Ghent' },
]
const applicationsOf = (orgId: string) =>
  t.db.selectFrom('applications').select(['id', 'reference']).where('lead_organisation_id', '=', orgId).execute()

test('conversion creates one application draft with the accepted partners; a retry answers the same one', async () => {
  const c = await formConsortium(
    lead,
    { organisationId: leadTeam.org.id, callId: call.id, challengeId: challenge.id, role: 'Coordinates the pilots' },
    partners,
  )
  // A pending invitation is not carried over.
  ok(await lead.post(`/api/v1/consortia/${c.id}/members`, { email: 'late@example.test' }), 201)
  assert.equal(c.rulesPass, true, JSON.stringify(c.rules))
  assert.equal((await sme.post(`/api/v1/consortia/${c.id}/convert`, {})).status, 403, 'a partner does not convert')
  assert.equal((await operator.post(`/api/v1/consortia/${c.id}/convert`, {})).status, 403, 'a broker does not convert')
  assert.equal((await other.post(`/api/v1/consortia/${c.id}/convert`, {})).status, 404)

  const [first, second] = await Promise.all([
    lead.post(`/api/v1/consortia/${c.id}/convert`, {}),
    lead.post(`/api/v1/consortia/${c.id}/convert`, {}),
  ])
  const a = ok(first)
  const b = ok(second)
  assert.equal(a.applicationId, b.applicationId)
  assert.deepEqual([a.created, b.created].sort(), [false, true])
  const retry = ok(await lead.post(`/api/v1/consortia/${c.id}/convert`, {}))
  assert.equal(retry.applicationId, a.applicationId)
  assert.equal(retry.created, false)
  assert.deepEqual(
    (await applicationsOf(leadTeam.org.id)).map((r) => r.id),
    [a.applicationId],
    'exactly one application',
  )

  const app = ok(await lead.get(`/api/v1/applications/${a.applicationId}`))
  assert.equal(app.reference, a.reference)
  assert.equal(app.acronym, 'AQUA')
  assert.equal(app.challengeId ?? app.challenge?.id, challenge.id)
  const byOrg = Object.fromEntries(app.partners.map((p: Json) => [p.facts.organisationId, p]))
  assert.equal(app.partners.length, 3, JSON.stringify(app.partners.map((p: Json) => [p.role, p.status])))
  assert.equal(byOrg[leadTeam.org.id].role, 'lead')
  assert.equal(byOrg[leadTeam.org.id].part.role, 'Coordinates the pilots', 'the lead’s part starts with its role')
  for (const p of partners) {
    assert.equal(byOrg[p.organisationId].status, 'accepted')
    assert.equal(byOrg[p.organisationId].part.role, p.role)
  }
  assert.equal(byOrg[smeTeam.org.id].part.contactEmail, smeTeam.owner.email.toLowerCase())
  // The partners see the application and are told to fill in their part.
  assert.equal((await sme.get(`/api/v1/applications/${a.applicationId}`)).status, 200)
  const notes = ok(await city.get('/api/v1/me/notifications?pageSize=100'))
  assert.ok(
    notes.items.some(
      (n: Json) => n.kind === 'consortium_converted' && n.link === `/app/applications/${a.applicationId}`,
    ),
  )

  const after = ok(await lead.get(`/api/v1/consortia/${c.id}`))
  assert.equal(after.status, 'converted')
  assert.deepEqual(after.application, { id: a.applicationId, reference: a.reference })
  assert.equal(after.abilities.convert.allowed, false)
  assert.equal(after.rulesPass, true, 'its own application does not count as another one')
  assert.equal(
    (await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: otherTeam.org.id })).body.code,
    'consortium_not_forming',
  )
  assert.equal((await auditEvents(t.db, 'consortium.converted', c.id)).length, 1)
  assert.equal((await auditEvents(t.db, 'application.partner_added', a.applicationId)).length, 2)

  // One application per organisation: another consortium with the same partner now fails that rule.
  const again = await formConsortium(
    other,
    { organisationId: otherTeam.org.id, callId: call.id, challengeId: challenge.id, acronym: 'OTTER' },
    [{ client: sme, organisationId: smeTeam.org.id, role: 'Analytics again' }],
  )
  assert.deepEqual(rulesOf(again).one_application_per_organisation, ['fail', 'organisation_in_other_application'])
  const refused = await other.post(`/api/v1/consortia/${again.id}/convert`, {})
  assert.equal(refused.status, 409)
  assert.equal(refused.body.code, 'consortium_rules_not_met')
})

test('conversion is refused while a rule fails, before the call opens and after it closes', async () => {
  const small = await formConsortium(
    other,
    { organisationId: otherTeam.org.id, callId: call.id, challengeId: challenge.id, acronym: 'SMALL' },
    [{ client: city, organisationId: cityTeam.org.id, role: 'Pilot' }],
  )
  assert.deepEqual(rulesOf(small).consortium_size, ['fail', 'consortium_too_small'])
  const refused = await other.post(`/api/v1/consortia/${small.id}/convert`, {})
  assert.equal(refused.body.code, 'consortium_rules_not_met')
  assert.ok(refused.body.rules.some((r: Json) => r.rule === 'consortium_size'))
  assert.equal(ok(await other.get(`/api/v1/consortia/${small.id}`)).abilities.convert.reason, 'not_ready')

  const later = await createOpenCall(t.db, t.programmeId, {
    opensAt: new Date('2026-04-01T08:00:00Z'),
    closesAt: new Date('2026-05-01T15:00:00Z'),
    config,
  })
  const early = await formConsortium(
    lead,
    { organisationId: leadTeam.org.id, callId: later.id, challengeId: null, acronym: 'EARLY' },
    partners,
  )
  assert.equal(early.call.phase, 'scheduled')
  assert.equal(early.rulesPass, true, JSON.stringify(early.rules))
  assert.equal(ok(await lead.get(`/api/v1/consortia/${early.id}`)).abilities.convert.reason, 'call_not_open')
  const notOpen = await lead.post(`/api/v1/consortia/${early.id}/convert`, {})
  assert.equal(notOpen.status, 409)
  assert.equal(notOpen.body.code, 'call_not_open')

  clock.advance(14 * 86_400_000)
  const closed = await other.post(`/api/v1/consortia/${small.id}/convert`, {})
  const create = await lead.post('/api/v1/consortia', {
    organisationId: leadTeam.org.id,
    callId: call.id,
    challengeId: null,
    name: 'Too late',
  })
  clock.advance(-14 * 86_400_000)
  assert.equal(closed.body.code, 'deadline_passed')
  assert.equal(create.body.code, 'deadline_passed')
  assert.equal((await applicationsOf(otherTeam.org.id)).length, 0)
})
