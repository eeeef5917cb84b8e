import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seedBrokerage } from '../../server/seed/brokerage.ts'
import { DEMO_PASSWORD, seedDemoAccounts } from '../../server/seed/index.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()

test('demo brokerage: the matchmaking day with three registered, two accepted requests, scheduled by the organiser', async () => {
  await seedDemoAccounts(t.db, t.programmeId)
  assert.equal(await seedBrokerage(t.db, t.programmeId), 3, 'seeding again finds the same three')
  const count = await t.db
    .selectFrom('brokerage_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  assert.equal(Number(count.n), 1)

  const sme = t.client()
  await sme.signIn('sme@securit.demo', DEMO_PASSWORD)
  const events = await sme.get('/api/v1/brokerage/events')
  const day = events.body.items.find((e: { title: string }) => e.title === 'SecurIT matchmaking day')
  assert.equal(day.mode, 'hybrid')
  assert.equal(day.schedulingMode, 'central')
  assert.equal(day.sessions.length, 2)
  assert.equal(day.participantCount, 3)
  assert.ok(day.myParticipant)
  const sent = await sme.get(`/api/v1/brokerage/events/${day.id}/requests?box=sent`)
  assert.deepEqual(
    sent.body.items.map((r: { status: string }) => r.status),
    ['accepted'],
  )

  const operator = t.client()
  await operator.signIn('operator@securit.demo', DEMO_PASSWORD)
  const run = await operator.post(`/api/v1/brokerage/events/${day.id}/schedule-runs`)
  assert.equal(run.status, 202)
  await t.app.worker.runDue()
  const done = (await operator.get(`/api/v1/brokerage/events/${day.id}/schedule-runs/latest`)).body.run
  assert.equal(done.status, 'done')
  assert.equal(done.meetings, 2)
  assert.equal(
    (await operator.post(`/api/v1/brokerage/events/${day.id}/schedule/publish`, { runId: done.id })).status,
    200,
  )
  const agenda = await sme.get(`/api/v1/brokerage/events/${day.id}/agenda`)
  assert.equal(agenda.body.items.length, 2)
})
