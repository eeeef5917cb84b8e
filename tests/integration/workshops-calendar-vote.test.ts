import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createUseCase, parseIcs, workshopBody } from '../factories/workshops.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-11-01T09:00:00Z')
const t = await createTestApp({ clock })
const staff = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' })
const organiser = await signedIn(t, staff)

async function published(traits: Record<string, unknown> = {}): Promise<string> {
  const res = await organiser.post('/api/v1/workshops', workshopBody(traits))
  assert.equal(res.status, 201, JSON.stringify(res.body))
  assert.equal((await organiser.post(`/api/v1/workshops/${res.body.id}/publish`)).status, 200)
  return res.body.id
}

/** Registers `n` new people and approves the first `approve` of them. */
async function participants(id: string, n: number, approve: number) {
  const out = []
  for (let i = 0; i < n; i++) {
    const user = await createUser(t.db, t.programmeId)
    const client = await signedIn(t, user)
    const reg = await client.post(`/api/v1/workshops/${id}/registrations`)
    if (i < approve) {
      const d = await organiser.post(`/api/v1/workshops/${id}/registrations/${reg.body.id}/decision`, {
        decision: 'approved',
      })
      assert.equal(d.status, 200)
    }
    out.push({ user, client })
  }
  return out
}

test('ICS: public text/calendar with stable UID, TZID times and SEQUENCE bumped by a move (registrants mailed)', async () => {
  const id = await published({ title: 'Calendar test', capacity: 5 })
  const [p] = await participants(id, 1, 1)
  const first = await t.client().get(`/api/v1/workshops/${id}/calendar.ics`)
  assert.equal(first.status, 200)
  assert.match(String(first.headers['content-type']), /^text\/calendar/)
  const lines = parseIcs(first.body)
  const value = (name: string) => lines.find((l) => l.name === name)?.value
  assert.deepEqual(
    [lines[0], lines.at(-1)],
    [
      { name: 'BEGIN', value: 'VCALENDAR' },
      { name: 'END', value: 'VCALENDAR' },
    ],
  )
  assert.equal(value('METHOD'), 'REQUEST')
  assert.equal(value('BEGIN'), 'VCALENDAR')
  assert.ok(lines.some((l) => l.name === 'BEGIN' && l.value === 'VEVENT'))
  assert.ok(lines.some((l) => l.name === 'BEGIN' && l.value === 'VTIMEZONE'))
  assert.equal(lines[lines.findIndex((l) => l.value === 'VTIMEZONE') + 1]?.value, 'Europe/Brussels')
  assert.equal(value('UID'), `workshop-${id}@localhost`)
  assert.equal(value('SEQUENCE'), '0')
  assert.equal(value('DTSTART;TZID=Europe/Brussels'), '20261118T100000')
  assert.equal(value('DTEND;TZID=Europe/Brussels'), '20261118T120000')
  assert.equal(value('LOCATION'), 'Brussels\\, Rue de la Loi 1')
  assert.equal(first.body.includes('meet.example.test'), false, 'no meeting link for anonymous callers')
  assert.ok((await p!.client.get(`/api/v1/workshops/${id}/calendar.ics`)).body.includes('meet.example.test'))

  const moved = await organiser.patch(`/api/v1/workshops/${id}`, {
    startsAt: '2026-11-19T13:00:00Z',
    endsAt: '2026-11-19T15:00:00Z',
  })
  assert.equal(moved.body.sequence, 1)
  const after = parseIcs((await t.client().get(`/api/v1/workshops/${id}/calendar.ics`)).body)
  const v2 = (name: string) => after.find((l) => l.name === name)?.value
  assert.deepEqual(
    [v2('UID'), v2('SEQUENCE'), v2('DTSTART;TZID=Europe/Brussels')],
    [`workshop-${id}@localhost`, '1', '20261119T140000'],
  )
  const changed = await t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'text_body'])
    .where('template', '=', 'workshop_changed')
    .execute()
  assert.deepEqual(
    changed.map((m) => m.to_address),
    [p!.user.email],
  )
  assert.ok(changed[0]!.text_body.includes(`/api/v1/workshops/${id}/calendar.ics`))
  const titleOnly = await organiser.patch(`/api/v1/workshops/${id}`, { title: 'Calendar test (renamed)' })
  assert.equal(titleOnly.body.sequence, 1)
})

test('reminder: runs 24 h before the start, mails approved registrants only, skips when moved or cancelled', async () => {
  const id = await published({
    title: 'Reminder test',
    startsAt: '2026-11-10T09:00:00Z',
    endsAt: '2026-11-10T10:00:00Z',
  })
  const people = await participants(id, 2, 1)
  const jobs = await t.db
    .selectFrom('jobs')
    .select(['run_at', 'payload'])
    .where('queue', '=', 'workshops.reminder')
    .execute()
  const mine = jobs.filter((j) => (j.payload as { workshopId: string }).workshopId === id)
  assert.deepEqual(
    mine.map((j) => new Date(j.run_at).toISOString()),
    ['2026-11-09T09:00:00.000Z'],
  )
  const reminders = () =>
    t.db.selectFrom('mail_messages').select('to_address').where('template', '=', 'workshop_reminder').execute()
  clock.set('2026-11-09T08:59:59Z')
  await t.app.worker.runDue()
  assert.deepEqual(await reminders(), [])
  clock.set('2026-11-09T09:00:00Z')
  await t.app.worker.runDue()
  assert.deepEqual(
    (await reminders()).map((m) => m.to_address),
    [people[0]!.user.email],
  )

  // Moved: the old reminder skips, the new one (new sequence) sends; cancelled: nothing.
  clock.set('2026-11-01T09:00:00Z')
  const moved = await published({ title: 'Moved', startsAt: '2026-11-05T09:00:00Z', endsAt: '2026-11-05T10:00:00Z' })
  await participants(moved, 1, 1)
  await organiser.patch(`/api/v1/workshops/${moved}`, {
    startsAt: '2026-11-06T09:00:00Z',
    endsAt: '2026-11-06T10:00:00Z',
  })
  const cancelled = await published({
    title: 'Cancelled',
    startsAt: '2026-11-05T09:00:00Z',
    endsAt: '2026-11-05T10:00:00Z',
  })
  await participants(cancelled, 1, 1)
  assert.equal((await organiser.post(`/api/v1/workshops/${cancelled}/cancel`)).body.status, 'cancelled')
  clock.set('2026-11-04T09:00:00Z')
  await t.app.worker.runDue()
  assert.equal((await reminders()).length, 1)
  clock.set('2026-11-05T09:00:00Z')
  await t.app.worker.runDue()
  assert.equal((await reminders()).length, 2)
  clock.set('2026-11-01T09:00:00Z')
})

test('vote: budget, unlinked use cases, closing time; results for organisers any time, participants after', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const uc = async (title: string, status = 'submitted') =>
    createUseCase(t.db, { programmeId: t.programmeId, organisationId: team.org.id, title, status })
  const [a, b, c] = [await uc('Crowd panic'), await uc('Drone attack'), await uc('Flooding', 'accepted')]
  const draft = await uc('Secret draft', 'draft')
  const id = await published({
    title: 'Vote test',
    capacity: 5,
    voteClosesAt: '2026-11-20T12:00:00Z',
    pointsBudget: 10,
  })
  const refused = await organiser.request('PUT', `/api/v1/workshops/${id}/use-cases`, { useCaseIds: [a, draft] })
  assert.deepEqual([refused.status, refused.body.errors[0].path], [400, 'useCaseIds.1'])
  // A restricted use case is for its owner and staff only: never put to a vote.
  const secret = await uc('Restricted need')
  await t.db.updateTable('use_cases').set({ confidentiality: 'restricted' }).where('id', '=', secret).execute()
  const restricted = await organiser.request('PUT', `/api/v1/workshops/${id}/use-cases`, { useCaseIds: [a, secret] })
  assert.deepEqual(
    [restricted.status, restricted.body.errors[0].path, restricted.body.errors[0].code],
    [400, 'useCaseIds.1', 'restricted'],
  )
  const linked = await organiser.request('PUT', `/api/v1/workshops/${id}/use-cases`, { useCaseIds: [a, b, c] })
  assert.deepEqual(linked.body.useCaseIds, [a, b, c].sort())
  const [v1, v2, outsider] = await participants(id, 3, 2)
  const put = (who: typeof v1, allocations: { useCaseId: string; points: number }[]) =>
    who!.client.request('PUT', `/api/v1/workshops/${id}/ballot`, { allocations })
  const over = await put(v1, [
    { useCaseId: a, points: 6 },
    { useCaseId: b, points: 5 },
  ])
  assert.deepEqual([over.status, over.body.code, over.body.errors[0].path], [400, 'ballot_over_budget', 'allocations'])
  assert.equal((await put(v1, [{ useCaseId: draft, points: 1 }])).body.errors[0].path, 'allocations.0.useCaseId')
  assert.equal((await put(v1, [{ useCaseId: a, points: -1 }])).status, 400)
  assert.equal((await put(v1, [{ useCaseId: a, points: 1.5 }])).status, 400)
  assert.equal((await put(outsider, [{ useCaseId: a, points: 1 }])).status, 403)
  assert.deepEqual((await put(v1, [{ useCaseId: a, points: 10 }])).body, {
    allocations: [{ useCaseId: a, points: 10 }],
    budget: 10,
    spent: 10,
  })
  assert.equal(
    (
      await put(v1, [
        { useCaseId: a, points: 6 },
        { useCaseId: b, points: 4 },
      ])
    ).status,
    200,
  )
  assert.equal(
    (
      await put(v2, [
        { useCaseId: c, points: 4 },
        { useCaseId: a, points: 1 },
      ])
    ).status,
    200,
  )
  assert.equal((await v1!.client.get(`/api/v1/workshops/${id}/results`)).status, 403)
  const expected = {
    voters: 2,
    rows: [
      { useCaseId: a, title: 'Crowd panic', points: 7, voters: 2, rank: 1 },
      ...[
        { useCaseId: b, title: 'Drone attack', points: 4, voters: 1, rank: 2 },
        { useCaseId: c, title: 'Flooding', points: 4, voters: 1, rank: 2 },
      ].sort((x, y) => (x.useCaseId < y.useCaseId ? -1 : 1)),
    ],
  }
  assert.deepEqual((await organiser.get(`/api/v1/workshops/${id}/results`)).body, { ...expected, closed: false })
  clock.set('2026-11-20T12:00:00Z')
  const late = await put(v2, [{ useCaseId: b, points: 10 }])
  assert.deepEqual([late.status, late.body.code], [409, 'vote_closed'])
  assert.deepEqual((await v1!.client.get(`/api/v1/workshops/${id}/results`)).body, { ...expected, closed: true })
  clock.set('2026-11-01T09:00:00Z')
})
