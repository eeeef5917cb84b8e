/**
 * The life of a call on the server's clock: the phase second by second around the opening and the
 * deadline, the configuration frozen at the opening (version 1) and versioned with a change log after
 * it, publish / unpublish / cancel by phase, and the jobs that open and close a call (stale ones do
 * nothing; the close job screens the applications).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { defaultCallConfig } from '../../shared/calls/presets.ts'
import { callBody } from '../factories/calls.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res } from '../support/app.ts'

/** 10 March 2026 09:00 in Brussels (UTC+1) and 14 April 2026 17:00 (UTC+2: summer time since 29 March). */
const OPENS = '2026-03-10T08:00:00.000Z'
const CLOSES = '2026-04-14T15:00:00.000Z'
const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
const plain = await signedIn(t, await createUser(t.db, t.programmeId))
const anonymous = t.client()

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

function fieldErrors(res: Res) {
  assert.equal(res.status, 400, JSON.stringify(res.body))
  return res.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)
}

async function draft(traits: Record<string, unknown> = {}) {
  clock.set('2026-03-01T10:00:00Z')
  return ok(await operator.post('/api/v1/calls', callBody(traits)), 201)
}

async function publishedCall(traits: Record<string, unknown> = {}) {
  const c = await draft(traits)
  return ok(await operator.post(`/api/v1/calls/${c.id}/publish`))
}

async function runJobs() {
  while ((await t.app.worker.runDue()) > 0) {
    // run until nothing is due
  }
}

async function callRow(id: string) {
  return t.db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

test('the phase follows the server clock second by second; the opening job freezes version 1', async () => {
  const c = await publishedCall()
  const phaseAt = async (iso: string) => {
    clock.set(iso)
    return ok(await plain.get(`/api/v1/calls/${c.id}`))
  }
  const before = await phaseAt('2026-03-10T07:59:59.000Z')
  assert.equal(before.phase, 'scheduled')
  assert.deepEqual(before.abilities.apply, { allowed: false, reason: 'wrong_status' })
  assert.equal(before.serverNow, '2026-03-10T07:59:59.000Z')
  await runJobs()
  assert.equal((await callRow(c.id)).frozen_at, null)
  assert.equal((await phaseAt('2026-03-10T07:59:59.999Z')).phase, 'scheduled')
  const open = await phaseAt(OPENS)
  assert.equal(open.phase, 'open')
  assert.deepEqual(open.abilities.apply, { allowed: true })
  await runJobs()
  const frozen = await callRow(c.id)
  assert.equal(frozen.frozen_at?.toISOString(), OPENS)
  const opened = ok(await anonymous.get(`/api/v1/calls/${c.id}`))
  assert.deepEqual(
    opened.versions.map((v: { version: number; changeLog: unknown }) => [v.version, v.changeLog]),
    [[1, null]],
  )
  assert.equal(opened.frozenAt, OPENS)
  assert.equal((await auditEvents(t.db, 'call.opened', c.id)).length, 1)
  const v1 = ok(await anonymous.get(`/api/v1/calls/${c.id}/versions/1`))
  assert.deepEqual(v1.config, defaultCallConfig())
  assert.equal(v1.schedule.deadline, CLOSES)
  assert.equal((await anonymous.get(`/api/v1/calls/${c.id}/versions/2`)).status, 404)
  assert.equal((await phaseAt('2026-04-14T14:59:59.999Z')).phase, 'open')
  // At exactly the deadline the call is closed: a request arriving then is late.
  const closed = await phaseAt(CLOSES)
  assert.equal(closed.phase, 'closed')
  assert.deepEqual(closed.abilities.ask, { allowed: false, reason: 'wrong_status' })
  assert.equal(ok(await anonymous.get(`/api/v1/calls?q=${c.code}&phase=closed`)).total, 1)
  // The opening job ran once; running jobs again changes nothing.
  await runJobs()
  assert.equal((await auditEvents(t.db, 'call.opened', c.id)).length, 1)
})

test('once open, a change needs a change log and is published as a new version', async () => {
  const c = await publishedCall()
  clock.set('2026-03-20T12:00:00Z')
  // The opening job has not run yet: the change freezes the call first, so version 1 is what it opened with.
  const noLog = await operator.patch(`/api/v1/calls/${c.id}`, { expectedVersion: 1, deadlineLocal: '2026-04-28T17:00' })
  assert.equal(noLog.status, 400)
  assert.equal(noLog.body.code, 'call_change_log_required')
  assert.deepEqual(
    noLog.body.errors.map((e: { path: string }) => e.path),
    ['changeLog'],
  )
  const changeLog = { en: 'Deadline extended by two weeks.', fr: 'Date limite prolongée de deux semaines.' }
  const base = defaultCallConfig()
  const extended = ok(
    await operator.patch(`/api/v1/calls/${c.id}`, {
      expectedVersion: 1,
      deadlineLocal: '2026-04-28T17:00',
      config: { ...base, budget: { ...base.budget, expectedProjects: 25 } },
      changeLog,
    }),
  )
  assert.equal(extended.schedule.deadline, '2026-04-28T15:00:00.000Z')
  assert.deepEqual(
    extended.versions.map((v: { version: number; changeLog: unknown; createdAt: string }) => [
      v.version,
      v.changeLog,
      v.createdAt,
    ]),
    [
      [1, null, '2026-03-20T12:00:00.000Z'],
      [2, changeLog, '2026-03-20T12:00:00.000Z'],
    ],
  )
  assert.equal(ok(await anonymous.get(`/api/v1/calls/${c.id}/versions/1`)).config.budget.expectedProjects, 20)
  const v2 = ok(await anonymous.get(`/api/v1/calls/${c.id}/versions/2`))
  assert.equal(v2.config.budget.expectedProjects, 25)
  assert.equal(v2.schedule.deadline, '2026-04-28T15:00:00.000Z')
  assert.deepEqual(v2.changeLog, changeLog)
  const moveOpening = await operator.patch(`/api/v1/calls/${c.id}`, {
    expectedVersion: 2,
    opensAtLocal: '2026-03-11T09:00',
    changeLog,
  })
  assert.deepEqual(fieldErrors(moveOpening), ['opensAtLocal:already_open'])
  const past = await operator.patch(`/api/v1/calls/${c.id}`, {
    expectedVersion: 2,
    deadlineLocal: '2026-03-20T12:00',
    changeLog,
  })
  assert.deepEqual(fieldErrors(past), ['deadlineLocal:in_the_past'])
  // The close job of the old deadline is stale: it neither freezes again nor screens.
  clock.set(CLOSES)
  await runJobs()
  assert.equal((await callRow(c.id)).screened_at, null)
  assert.equal(ok(await anonymous.get(`/api/v1/calls/${c.id}`)).phase, 'open')
  // At the new deadline the close job screens the call (applications module), once.
  clock.set('2026-04-28T15:00:00Z')
  await runJobs()
  const screened = await callRow(c.id)
  assert.equal(screened.screened_at?.toISOString(), '2026-04-28T15:00:00.000Z')
  assert.equal((await auditEvents(t.db, 'call.screened', c.id)).length, 1)
  await runJobs()
  assert.equal((await auditEvents(t.db, 'call.screened', c.id)).length, 1)
  const closedEdit = await operator.patch(`/api/v1/calls/${c.id}`, { expectedVersion: 3, changeLog })
  assert.equal(closedEdit.body.code, 'call_transition_refused')
  assert.equal(ok(await anonymous.get(`/api/v1/calls/${c.id}`)).screenedAt, '2026-04-28T15:00:00.000Z')
})

test('publish, unpublish and cancel follow the phases; jobs of an unpublished or cancelled call do nothing', async () => {
  const c = await publishedCall()
  assert.equal((await operator.post(`/api/v1/calls/${c.id}/publish`)).body.code, 'call_transition_refused')
  const back = ok(await operator.post(`/api/v1/calls/${c.id}/unpublish`))
  assert.equal(back.phase, 'draft')
  assert.equal((await anonymous.get(`/api/v1/calls/${c.id}`)).status, 404)
  clock.set(OPENS)
  await runJobs()
  assert.equal((await callRow(c.id)).frozen_at, null)
  // Published after its opening: it is open and frozen at once.
  const late = ok(await operator.post(`/api/v1/calls/${c.id}/publish`))
  assert.equal(late.phase, 'open')
  assert.equal(late.frozenAt, OPENS)
  assert.deepEqual(
    late.versions.map((v: { version: number }) => v.version),
    [1],
  )
  const unpublishOpen = await operator.post(`/api/v1/calls/${c.id}/unpublish`)
  assert.equal(unpublishOpen.status, 409)
  assert.equal(unpublishOpen.body.code, 'call_transition_refused')
  assert.equal(unpublishOpen.body.phase, 'open')
  const cancelled = ok(await operator.post(`/api/v1/calls/${c.id}/cancel`))
  assert.equal(cancelled.phase, 'cancelled')
  assert.deepEqual(cancelled.abilities.edit, { allowed: false, reason: 'wrong_status' })
  assert.equal(ok(await anonymous.get(`/api/v1/calls/${c.id}`)).phase, 'cancelled')
  assert.equal((await operator.post(`/api/v1/calls/${c.id}/cancel`)).body.code, 'call_transition_refused')
  clock.set(CLOSES)
  await runJobs()
  assert.equal((await callRow(c.id)).screened_at, null)
  assert.deepEqual(
    (await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', c.id).orderBy('seq').execute())
      .map((e) => e.action)
      .filter((a) => a !== 'call.created'),
    ['call.published', 'call.unpublished', 'call.published', 'call.cancelled'],
  )
  for (const who of [plain, staff]) {
    assert.equal((await who.post(`/api/v1/calls/${c.id}/cancel`)).status, 403)
  }
})
