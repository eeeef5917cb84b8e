/**
 * Central scheduling of a brokerage event: meetings fixed by hand, the scheduler run as a job with its progress
 * and result, the schedule checked by the scheduler's own `checkSchedule` (fixed meetings kept, one meeting per
 * person per slot, tables per slot, maximum per participant), publication into agendas, and a stale run refused.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { schedulingInput } from '../../server/modules/matchmaking/brokerage/queries/scheduling-input.ts'
import { checkSchedule } from '../../server/modules/matchmaking/scheduler/index.ts'
import { FixedClock } from '../../server/platform/clock.ts'
import { NOW, ok, publishedEvent, registerFor, requestMeeting, sessionBody } from '../factories/brokerage.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock(NOW)
const t = await createTestApp({ clock })
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
const hsdStaff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' }),
)
const teams = await Promise.all(
  ['NL', 'FR', 'DK', 'FI', 'BE'].map((country, i) =>
    createTeam(t.db, t.programmeId, { legalName: `Org ${i}`, country }),
  ),
)
const clients = await Promise.all(teams.map((team) => signedIn(t, team.owner)))

test('central: fixed meetings are kept, the run honours every rule, the schedule is published into agendas', async () => {
  const e = await publishedEvent(
    operator,
    { clusterId: null, schedulingMode: 'central', maxMeetingsPerParticipant: 2 },
    [sessionBody({ tables: 1, endsAt: '2026-11-20T08:45:00Z' })],
  )
  const slots = e.sessions[0].slots.map((s: { id: string }) => s.id)
  assert.equal(slots.length, 3)
  const ps: { id: string }[] = []
  for (const [i, c] of clients.entries()) ps.push(await registerFor(c, e, teams[i]!.org.id))
  // Everyone wants to meet everyone: 10 requests, 3 slots × 1 table, at most 2 meetings each.
  const requests: { id: string; a: number; b: number }[] = []
  for (let a = 0; a < ps.length; a++)
    for (let b = a + 1; b < ps.length; b++) {
      const r = await requestMeeting(clients[a]!, e.id, ps[b]!.id, { priority: ((a + b) % 3) + 1 })
      await ok(clients[b]!.post(`/api/v1/brokerage/requests/${r.id}/accept`, {}), 200)
      requests.push({ id: r.id, a, b })
    }
  const selfBook = await clients[0]!.post(`/api/v1/brokerage/requests/${requests[0]!.id}/book`, { slotId: slots[0] })
  assert.equal(selfBook.body.code, 'brokerage_wrong_mode')
  // The organiser fixes 3↔4 in the last slot, at table 1.
  const fixedReq = requests.find((r) => r.a === 3 && r.b === 4)!
  const fixed = await operator.post(`/api/v1/brokerage/events/${e.id}/meetings`, {
    requestId: fixedReq.id,
    slotId: slots[2],
    table: 1,
  })
  assert.equal(fixed.status, 201, JSON.stringify(fixed.body))
  assert.equal(fixed.body.items.length, 1)
  assert.equal((await clients[0]!.post(`/api/v1/brokerage/events/${e.id}/schedule-runs`)).status, 403)
  assert.equal((await clients[0]!.get(`/api/v1/brokerage/events/${e.id}/meetings`)).status, 403)
  const notTheirs = await hsdStaff.post(`/api/v1/brokerage/events/${e.id}/schedule-runs`)
  assert.deepEqual(
    [notTheirs.status, notTheirs.body.reason],
    [403, 'missing_role'],
    'the programme’s event: operators only',
  )

  const started = await operator.post(`/api/v1/brokerage/events/${e.id}/schedule-runs`)
  assert.equal(started.status, 202)
  assert.equal(started.body.status, 'queued')
  assert.equal(
    (await operator.post(`/api/v1/brokerage/events/${e.id}/schedule-runs`)).body.code,
    'brokerage_schedule_running',
  )
  // Participants see nothing before publication.
  assert.deepEqual((await clients[3]!.get(`/api/v1/brokerage/events/${e.id}/agenda`)).body, {
    published: false,
    timeZone: 'Europe/Brussels',
    items: [],
  })
  await t.app.worker.runDue()
  const run = (await operator.get(`/api/v1/brokerage/events/${e.id}/schedule-runs/latest`)).body.run
  assert.equal(run.status, 'done', JSON.stringify(run))
  assert.equal(run.progress, 100)
  assert.equal(run.requests, 10)
  assert.equal(run.fixed, 1)
  // 3 slots × 1 table: at most 3 meetings; the scheduler proves it.
  assert.equal(run.meetings, 3)
  assert.equal(run.ratio, 1)
  assert.equal(run.unscheduled.length, 7)

  const stored = await t.db
    .selectFrom('brokerage_schedule_runs')
    .select('result')
    .where('id', '=', run.id)
    .executeTakeFirstOrThrow()
  const result = stored.result as { meetings: { request: string; slot: string; table: number; fixed: boolean }[] }
  const event = await t.db.selectFrom('brokerage_events').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow()
  const input = await schedulingInput(t.db, event)
  assert.deepEqual(checkSchedule(input, result.meetings), [])
  assert.ok(result.meetings.some((m) => m.request === fixedReq.id && m.slot === slots[2] && m.fixed))

  const published = await operator.post(`/api/v1/brokerage/events/${e.id}/schedule/publish`, { runId: run.id })
  assert.equal(published.status, 200, JSON.stringify(published.body))
  const all = await operator.get(`/api/v1/brokerage/events/${e.id}/meetings`)
  assert.equal(all.body.items.length, 3)
  assert.deepEqual(all.body.items.map((m: { source: string }) => m.source).sort(), ['fixed', 'scheduled', 'scheduled'])
  const agenda3 = await clients[3]!.get(`/api/v1/brokerage/events/${e.id}/agenda`)
  assert.equal(agenda3.body.published, true)
  assert.ok(
    agenda3.body.items.some((i: { requestId: string; fixed: boolean }) => i.requestId === fixedReq.id && i.fixed),
  )
  const notified = await t.db
    .selectFrom('notifications')
    .select('user_id')
    .where('kind', '=', 'brokerage_schedule_published')
    .execute()
  assert.ok(notified.length >= 4)
  assert.equal((await auditEvents(t.db, 'brokerage_schedule.published', e.id)).length, 1)

  // Re-run keeps the fixed meeting; a change of availability afterwards makes the run stale.
  await ok(operator.post(`/api/v1/brokerage/events/${e.id}/schedule-runs`), 202)
  await t.app.worker.runDue()
  const rerun = (await operator.get(`/api/v1/brokerage/events/${e.id}/schedule-runs/latest`)).body.run
  assert.equal(rerun.status, 'done')
  assert.equal(rerun.fixed, 1)
  // The organiser removes the fixed meeting: the re-run no longer fits the event.
  const fixedMeeting = all.body.items.find((m: { source: string }) => m.source === 'fixed')
  const removed = await operator.delete(`/api/v1/brokerage/events/${e.id}/meetings/${fixedMeeting.meetingId}`)
  assert.equal(removed.status, 204)
  const stale = await operator.post(`/api/v1/brokerage/events/${e.id}/schedule/publish`, { runId: rerun.id })
  assert.equal(stale.body.code, 'brokerage_schedule_stale')
})

test('central: a meeting fixed by hand obeys one meeting per person per slot', async () => {
  const e = await publishedEvent(operator, { clusterId: null, schedulingMode: 'central' }, [
    sessionBody({ tables: 2, startsAt: '2026-11-21T08:00:00Z', endsAt: '2026-11-21T08:30:00Z' }),
  ])
  const slot = e.sessions[0].slots[0].id
  const p: { id: string }[] = []
  for (const [i, c] of clients.slice(0, 3).entries()) p.push(await registerFor(c, e, teams[i]!.org.id))
  const r01 = await requestMeeting(clients[0]!, e.id, p[1]!.id)
  await ok(clients[1]!.post(`/api/v1/brokerage/requests/${r01.id}/accept`, {}), 200)
  const r02 = await requestMeeting(clients[0]!, e.id, p[2]!.id)
  await ok(clients[2]!.post(`/api/v1/brokerage/requests/${r02.id}/accept`, {}), 200)
  await ok(operator.post(`/api/v1/brokerage/events/${e.id}/meetings`, { requestId: r01.id, slotId: slot }), 201)
  const clash = await operator.post(`/api/v1/brokerage/events/${e.id}/meetings`, { requestId: r02.id, slotId: slot })
  assert.equal(clash.body.code, 'brokerage_slot_unavailable', 'one meeting per person per slot, by hand too')
  await ok(
    operator.post(`/api/v1/brokerage/events/${e.id}/meetings`, {
      requestId: r02.id,
      slotId: e.sessions[0].slots[1].id,
    }),
    201,
  )
  // The organiser lowers the maximum below what was fixed: the run fails and names the conflict.
  await ok(operator.patch(`/api/v1/brokerage/events/${e.id}`, { maxMeetingsPerParticipant: 1 }), 200)
  await ok(operator.post(`/api/v1/brokerage/events/${e.id}/schedule-runs`), 202)
  await t.app.worker.runDue()
  const run = (await operator.get(`/api/v1/brokerage/events/${e.id}/schedule-runs/latest`)).body.run
  assert.equal(run.status, 'failed')
  assert.equal(run.error.code, 'schedule_fixed_infeasible')
  assert.ok(
    run.error.conflicts.some(
      (c: { kind: string; participant?: string }) => c.kind === 'max_meetings_exceeded' && c.participant === p[0]!.id,
    ),
  )
})
