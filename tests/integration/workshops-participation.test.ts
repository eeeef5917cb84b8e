/**
 * The participant's side of a workshop: capturing use cases there (approved registrants and
 * organisers of a published workshop), seats left, the saved ballot to start the vote page from, and
 * what happens when a use case put to the vote becomes hidden from a participant.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { domainId, fullContent } from '../factories/use-cases.ts'
import { createUser } from '../factories/users.ts'
import { clusterId, createUseCase, workshopBody } from '../factories/workshops.ts'
import { createTestApp, type TestClient } from '../support/app.ts'

const clock = new FixedClock('2026-11-01T09:00:00Z')
const t = await createTestApp({ clock })
const staffUser = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' })
const organiser = await signedIn(t, staffUser)
const lsecStaff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'lsec' }),
)
const city = await createTeam(t.db, t.programmeId, { legalName: 'Ville de Capture', type: 'public_authority' })
const integrator = await createTeam(t.db, t.programmeId, { legalName: 'Integrate BV', type: 'integrator' })
// The organiser also belongs to an end-user organisation (so may draft for it).
await t.db
  .insertInto('memberships')
  .values({ organisation_id: integrator.org.id, user_id: staffUser.id, role: 'member' })
  .execute()

async function workshop(traits: Record<string, unknown> = {}, publish = true): Promise<string> {
  const res = await organiser.post('/api/v1/workshops', workshopBody(traits))
  assert.equal(res.status, 201, JSON.stringify(res.body))
  if (publish) assert.equal((await organiser.post(`/api/v1/workshops/${res.body.id}/publish`)).status, 200)
  return res.body.id
}
async function register(client: TestClient, id: string, approve: boolean): Promise<string> {
  const reg = await client.post(`/api/v1/workshops/${id}/registrations`)
  assert.equal(reg.status, 201, JSON.stringify(reg.body))
  if (approve) {
    const d = await organiser.post(`/api/v1/workshops/${id}/registrations/${reg.body.id}/decision`, {
      decision: 'approved',
    })
    assert.equal(d.status, 200)
  }
  return reg.body.id
}

const cityAuthor = await signedIn(t, city.member)
const pendingPerson = await signedIn(t, city.admin)
const outsider = await signedIn(t, integrator.owner)
const ws = await workshop({ title: 'Capture test', capacity: 3 })
await register(cityAuthor, ws, true)
await register(pendingPerson, ws, false)

const draftBody = (organisationId: string, workshopId: unknown) => ({
  organisationId,
  title: 'Flood sensors under bridges',
  domainId: domainId('D2'),
  workshopId,
})

test('an approved participant captures a draft at the workshop; it is shown on the use case and listed there', async () => {
  const created = await cityAuthor.post('/api/v1/use-cases', draftBody(city.org.id, ws))
  assert.equal(created.status, 201, JSON.stringify(created.body))
  assert.deepEqual(created.body.capturedAt, { id: ws, title: 'Capture test' })
  assert.equal(created.body.status, 'draft')
  const row = await t.db
    .selectFrom('use_cases')
    .select(['workshop_id', 'programme_id'])
    .where('id', '=', created.body.id)
    .executeTakeFirstOrThrow()
  assert.deepEqual(row, { workshop_id: ws, programme_id: t.programmeId })
  const [event] = await auditEvents(t.db, 'use_case.created', created.body.id)
  assert.equal((event!.change as { workshopId: string }).workshopId, ws)

  const captures = await cityAuthor.get(`/api/v1/use-cases?workshop=${ws}`)
  assert.deepEqual([captures.body.total, captures.body.items.map((u: { id: string }) => u.id)], [1, [created.body.id]])
  // A draft stays with its authors: the organisers follow it once it is submitted.
  assert.equal((await organiser.get(`/api/v1/use-cases?workshop=${ws}`)).body.total, 0)
  await cityAuthor.patch(`/api/v1/use-cases/${created.body.id}`, {
    expectedRevision: 1,
    content: fullContent,
    trlMin: 4,
    trlMax: 6,
  })
  assert.equal(
    (await cityAuthor.post(`/api/v1/use-cases/${created.body.id}/transitions`, { action: 'submit' })).status,
    200,
  )
  const staffView = await organiser.get(`/api/v1/use-cases/${created.body.id}`)
  assert.equal(staffView.status, 200)
  assert.deepEqual(staffView.body.capturedAt, { id: ws, title: 'Capture test' })
  assert.deepEqual(staffView.body.abilities.accept, { allowed: true })
  assert.equal((await organiser.get(`/api/v1/use-cases?workshop=${ws}`)).body.total, 1)
  // Staff of another cluster do not follow this workshop's captures.
  assert.equal((await lsecStaff.get(`/api/v1/use-cases/${created.body.id}`)).status, 404)
  // Without a workshop nothing is captured.
  const plain = await cityAuthor.post('/api/v1/use-cases', { organisationId: city.org.id, title: 'Elsewhere' })
  assert.equal(plain.body.capturedAt, null)
})

test('organisers capture too; pending registrants, outsiders, drafts, unknown and cancelled workshops are refused', async () => {
  const byOrganiser = await organiser.post('/api/v1/use-cases', draftBody(integrator.org.id, ws))
  assert.equal(byOrganiser.status, 201, JSON.stringify(byOrganiser.body))

  const pending = await pendingPerson.post('/api/v1/use-cases', draftBody(city.org.id, ws))
  assert.deepEqual([pending.status, pending.body.code, pending.body.reason], [403, 'forbidden', 'not_a_participant'])
  const stranger = await outsider.post('/api/v1/use-cases', draftBody(integrator.org.id, ws))
  assert.deepEqual([stranger.status, stranger.body.reason], [403, 'not_a_participant'])

  const draftWs = await workshop({ title: 'Not yet published' }, false)
  const hidden = await cityAuthor.post('/api/v1/use-cases', draftBody(city.org.id, draftWs))
  const unknown = await cityAuthor.post('/api/v1/use-cases', draftBody(city.org.id, randomUUID()))
  for (const res of [hidden, unknown]) {
    assert.deepEqual(
      [res.status, res.body.errors],
      [400, [{ path: 'workshopId', code: 'unknown_workshop', message: 'No such workshop.' }]],
    )
  }
  // The organiser sees their draft workshop: it is simply not open for captures yet.
  const notOpen = await organiser.post('/api/v1/use-cases', draftBody(integrator.org.id, draftWs))
  assert.deepEqual([notOpen.status, notOpen.body.code], [409, 'workshop_not_open'])

  const cancelled = await workshop({ title: 'Cancelled' })
  await register(outsider, cancelled, true)
  assert.equal((await organiser.post(`/api/v1/workshops/${cancelled}/cancel`)).status, 200)
  const late = await outsider.post('/api/v1/use-cases', draftBody(integrator.org.id, cancelled))
  assert.deepEqual([late.status, late.body.code], [409, 'workshop_not_open'])
  // Still a member of the organisation only, as without a workshop.
  const notMine = await cityAuthor.post('/api/v1/use-cases', draftBody(integrator.org.id, ws))
  assert.deepEqual([notMine.status, notMine.body.reason], [403, 'not_a_member'])
  const count = await t.db
    .selectFrom('use_cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workshop_id', 'in', [draftWs, cancelled])
    .executeTakeFirstOrThrow()
  assert.equal(Number(count.n), 0)
})

test('abilities and seats left on the workshop and in the list', async () => {
  const mine = await cityAuthor.get(`/api/v1/workshops/${ws}`)
  assert.deepEqual([mine.body.capacity, mine.body.seatsLeft], [3, 2])
  assert.deepEqual(mine.body.abilities.captureUseCase, { allowed: true })
  assert.deepEqual((await pendingPerson.get(`/api/v1/workshops/${ws}`)).body.abilities.captureUseCase, {
    allowed: false,
    reason: 'not_a_participant',
  })
  assert.deepEqual((await organiser.get(`/api/v1/workshops/${ws}`)).body.abilities.captureUseCase, {
    allowed: true,
  })
  const list = await outsider.get('/api/v1/workshops')
  const row = list.body.items.find((w: { id: string }) => w.id === ws)
  assert.deepEqual([row.seatsLeft, row.abilities.captureUseCase.reason], [2, 'not_a_participant'])
  const full = await workshop({ title: 'Tiny', capacity: 1 })
  await register(cityAuthor, full, true)
  assert.equal((await outsider.get(`/api/v1/workshops/${full}`)).body.seatsLeft, 0)
})

test('my ballot: empty, then what I saved; a use case hidden later drops out of the ballot and the vote', async () => {
  const uc = async (title: string) => {
    const created = await cityAuthor.post('/api/v1/use-cases', {
      organisationId: city.org.id,
      title,
      domainId: domainId('D2'),
      trlMin: 4,
      trlMax: 6,
      content: fullContent,
      confidentiality: 'programme',
    })
    assert.equal(
      (await cityAuthor.post(`/api/v1/use-cases/${created.body.id}/transitions`, { action: 'submit' })).status,
      200,
    )
    return created.body.id as string
  }
  const [a, b] = [await uc('Levee monitoring'), await uc('Evacuation routing')]
  // The organiser's cluster follows the city (a member organisation), so she may put its use cases to a vote.
  await t.db
    .insertInto('cluster_members')
    .values({ cluster_id: clusterId('hsd'), organisation_id: city.org.id })
    .onConflict((oc) => oc.doNothing())
    .execute()
  const vote = await workshop({ title: 'Vote', capacity: 5, voteClosesAt: '2026-11-20T12:00:00Z' })
  const linked = await organiser.request('PUT', `/api/v1/workshops/${vote}/use-cases`, { useCaseIds: [a, b] })
  assert.equal(linked.status, 200, JSON.stringify(linked.body))
  const voter = await signedIn(t, integrator.admin)
  await register(voter, vote, true)

  const ballot = (c: TestClient) => c.get(`/api/v1/workshops/${vote}/ballot`)
  assert.deepEqual((await ballot(voter)).body, { allocations: [], budget: 10, spent: 0 })
  const seen = await voter.get(`/api/v1/workshops/${vote}`)
  assert.deepEqual(
    seen.body.useCases.map((u: { id: string; title: string; organisation: { name: string } }) => [
      u.id,
      u.title,
      u.organisation.name,
    ]),
    [
      [a, 'Levee monitoring', 'Ville de Capture'],
      [b, 'Evacuation routing', 'Ville de Capture'],
    ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
  )
  const put = await voter.request('PUT', `/api/v1/workshops/${vote}/ballot`, {
    allocations: [
      { useCaseId: a, points: 6 },
      { useCaseId: b, points: 4 },
    ],
  })
  assert.equal(put.status, 200)
  assert.deepEqual((await ballot(voter)).body, {
    allocations: [
      { useCaseId: a, points: 6 },
      { useCaseId: b, points: 4 },
    ].sort((x, y) => (x.useCaseId < y.useCaseId ? -1 : 1)),
    budget: 10,
    spent: 10,
  })

  // The authors get a change request and make `b` restricted: the voter no longer sees it anywhere.
  await organiser.post(`/api/v1/use-cases/${b}/transitions`, { action: 'request_changes', reason: 'Narrow it' })
  const rev = (await cityAuthor.get(`/api/v1/use-cases/${b}`)).body.revision
  const hide = await cityAuthor.patch(`/api/v1/use-cases/${b}`, {
    expectedRevision: rev,
    confidentiality: 'restricted',
  })
  assert.equal(hide.status, 200)
  assert.deepEqual((await voter.get(`/api/v1/workshops/${vote}`)).body.useCaseIds, [a])
  assert.deepEqual((await ballot(voter)).body, { allocations: [{ useCaseId: a, points: 6 }], budget: 10, spent: 6 })
  const onHidden = await voter.request('PUT', `/api/v1/workshops/${vote}/ballot`, {
    allocations: [{ useCaseId: b, points: 1 }],
  })
  assert.deepEqual(
    [onHidden.status, onHidden.body.errors[0]],
    [400, { path: 'allocations.0.useCaseId', code: 'not_in_workshop', message: 'This allocation is not allowed.' }],
  )
  // The organisers still see both, with the points given before.
  const results = await organiser.get(`/api/v1/workshops/${vote}/results`)
  assert.deepEqual(
    results.body.rows.map((r: { useCaseId: string; points: number }) => [r.useCaseId, r.points]),
    [
      [a, 6],
      [b, 4],
    ],
  )
  // Someone who sees the workshop but never voted has an empty ballot; anonymous callers none at all.
  assert.deepEqual((await ballot(outsider)).body, { allocations: [], budget: 10, spent: 0 })
  assert.equal((await ballot(t.client())).status, 401)
  assert.equal((await outsider.get(`/api/v1/workshops/${randomUUID()}/ballot`)).status, 404)
})

test('an organiser cannot put to a vote a use case their cluster does not follow (linking would open it)', async () => {
  const port = await createTeam(t.db, t.programmeId, { legalName: 'Port Authority X', type: 'infrastructure_operator' })
  const unfollowed = await createUseCase(t.db, {
    programmeId: t.programmeId,
    organisationId: port.org.id,
    title: 'Followed by nobody',
    followedBy: null,
  })
  const w = await workshop({ title: 'Only what we follow', capacity: 5 })
  const refused = await lsecStaff.get(`/api/v1/use-cases/${unfollowed}`)
  assert.equal(refused.status, 404)
  const res = await organiser.request('PUT', `/api/v1/workshops/${w}/use-cases`, { useCaseIds: [unfollowed] })
  assert.equal(res.status, 400)
  assert.deepEqual(
    res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['useCaseIds.0', 'not_votable']],
  )
  const linked = await t.db
    .selectFrom('workshop_use_cases')
    .select('use_case_id')
    .where('workshop_id', '=', w)
    .execute()
  assert.deepEqual(linked, [])
})
