/**
 * Calls: set-up with validated rules and local times (daylight-saving gaps and overlaps), unique codes,
 * drafts invisible to all but operators, in-place edits guarded by versions before the opening. The
 * life of a call on the clock is in calls-lifecycle.test.ts.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { defaultCallConfig } from '../../shared/calls/presets.ts'
import { callBody, callConfigBody } from '../factories/calls.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { domainId } from '../factories/use-cases.ts'
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

const challengeId = async (code: string) =>
  (await t.db.selectFrom('challenges').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
const d1c2 = await challengeId('D1-C2')
const d2c1 = await challengeId('D2-C1')
const draftChallenge = await t.db
  .insertInto('challenges')
  .values({
    programme_id: t.programmeId,
    domain_id: domainId('D1'),
    code: 'D1-C98',
    slug: 'draft-challenge-for-calls',
    status: 'draft',
    title: 'Not published',
    summary: 'Not yet',
    content: JSON.stringify({}),
    trl_min: 4,
    trl_max: 6,
  })
  .returning('id')
  .executeTakeFirstOrThrow()

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

async function callRow(id: string) {
  return t.db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

test('an operator sets up a draft call: local times become instants in its zone, challenges in scope', async () => {
  const body = callBody({ challengeIds: [d2c1, d1c2, d1c2] })
  const c = ok(await operator.post('/api/v1/calls', body), 201)
  assert.equal(c.code, body.code)
  assert.equal(c.phase, 'draft')
  assert.equal(c.programmeId, t.programmeId)
  assert.deepEqual(c.schedule, {
    opensAt: OPENS,
    deadline: CLOSES,
    timeZone: 'Europe/Brussels',
    opensAtLocal: '2026-03-10T09:00',
    deadlineLocal: '2026-04-14T17:00',
    qaClosesAt: null,
  })
  assert.equal(c.version, 1)
  assert.deepEqual(c.versions, [])
  assert.deepEqual(c.config, defaultCallConfig())
  assert.equal(c.budgetTotalCents, defaultCallConfig().budget.totalCents)
  assert.equal(c.maxPerProjectCents, defaultCallConfig().budget.maxPerProjectCents)
  assert.deepEqual(
    c.challenges.map((x: { id: string }) => x.id),
    [d1c2, d2c1],
  )
  assert.equal(c.challengeCount, 2)
  assert.equal(c.applicationCount, 0)
  assert.equal(c.serverNow, '2026-03-01T10:00:00.000Z')
  assert.equal(c.publishedAt, null)
  assert.equal(c.frozenAt, null)
  assert.deepEqual(c.abilities, {
    edit: { allowed: true },
    publish: { allowed: true },
    unpublish: { allowed: false, reason: 'wrong_status' },
    cancel: { allowed: true },
    ask: { allowed: false, reason: 'wrong_status' },
    apply: { allowed: false, reason: 'wrong_status' },
  })
  const events = await auditEvents(t.db, 'call.created', c.id)
  assert.deepEqual(
    events.map((e) => (e.change as { code: string }).code),
    [body.code],
  )
  // A Q&A cut-off is read in the call's zone too.
  const withQa = await draft({ config: callConfigBody({ timeline: { qaClosesAt: '2026-04-07T12:00' } }) })
  assert.equal(withQa.schedule.qaClosesAt, '2026-04-07T10:00:00.000Z')
})

test('the configuration and the schedule are validated, with field errors on their paths', async () => {
  const base = defaultCallConfig()
  const overBudget = await operator.post(
    '/api/v1/calls',
    callBody({ config: { ...base, budget: { ...base.budget, maxPerProjectCents: base.budget.totalCents + 1 } } }),
  )
  assert.deepEqual(fieldErrors(overBudget), ['config.budget.maxPerProjectCents:over_total'])
  const trl = await operator.post('/api/v1/calls', callBody({ config: { ...base, trl: { min: 7, max: 5 } } }))
  assert.deepEqual(fieldErrors(trl), ['config.trl.max:under_minimum'])
  const order = await operator.post(
    '/api/v1/calls',
    callBody({ opensAtLocal: '2026-05-01T09:00', deadlineLocal: '2026-05-01T09:00' }),
  )
  assert.deepEqual(fieldErrors(order), ['deadlineLocal:before_opening'])
  // 29 March 2026: Brussels clocks jump from 02:00 to 03:00; 02:30 does not exist.
  const gap = await operator.post(
    '/api/v1/calls',
    callBody({
      opensAtLocal: '2026-03-29T02:30',
      config: callConfigBody({ timeline: { qaClosesAt: '2026-04-20T12:00' } }),
    }),
  )
  assert.deepEqual(fieldErrors(gap), ['opensAtLocal:local_time_missing', 'config.timeline.qaClosesAt:after_deadline'])
  // 25 October 2026: 02:30 happens twice; the earlier one (still summer time, UTC+2) counts.
  const overlap = await draft({ opensAtLocal: '2026-10-25T02:30', deadlineLocal: '2026-11-20T17:00' })
  assert.equal(overlap.schedule.opensAt, '2026-10-25T00:30:00.000Z')
  assert.equal(overlap.schedule.deadline, '2026-11-20T16:00:00.000Z')
  const zone = await operator.post('/api/v1/calls', callBody({ timeZone: 'Europe/Atlantis' }))
  assert.deepEqual(fieldErrors(zone), ['timeZone:time_zone'])
  const unpublished = await operator.post('/api/v1/calls', callBody({ challengeIds: [d1c2, draftChallenge.id] }))
  assert.deepEqual(fieldErrors(unpublished), ['challengeIds.1:unknown_challenge'])
  const code = await operator.post('/api/v1/calls', callBody({ code: 'oc 3' }))
  assert.deepEqual(fieldErrors(code), ['code:invalid_format'])
  const first = await draft()
  const taken = await operator.post('/api/v1/calls', callBody({ code: first.code }))
  assert.equal(taken.status, 409)
  assert.equal(taken.body.code, 'call_code_taken')
  assert.deepEqual(taken.body.errors, [{ path: 'code', code: 'call_code_taken', message: 'This code is taken.' }])
  // Seeded calls keep their codes too.
  assert.equal((await operator.post('/api/v1/calls', callBody({ code: 'OC1' }))).body.code, 'call_code_taken')
})

test('only operators set calls up', async () => {
  assert.equal((await anonymous.post('/api/v1/calls', callBody())).status, 401)
  for (const c of [plain, staff]) {
    const res = await c.post('/api/v1/calls', callBody())
    assert.equal(res.status, 403)
    assert.equal(res.body.reason, 'missing_role')
  }
})

test('a draft is 404 to everyone but operators; published, it is public', async () => {
  const c = await draft()
  for (const who of [anonymous, plain, staff]) {
    assert.equal((await who.get(`/api/v1/calls/${c.id}`)).body.code, 'call_not_found')
    assert.equal((await who.get(`/api/v1/calls/by-code/${c.code}`)).status, 404)
    assert.equal((await who.get(`/api/v1/calls/${c.id}/questions`)).status, 404)
    const list = ok(await who.get(`/api/v1/calls?q=${c.code}`))
    assert.deepEqual(list.items, [])
  }
  assert.equal(ok(await operator.get(`/api/v1/calls/by-code/${c.code}`)).id, c.id)
  assert.deepEqual(
    ok(await operator.get(`/api/v1/calls?q=${c.code}`)).items.map((x: { id: string }) => x.id),
    [c.id],
  )
  const pub = ok(await operator.post(`/api/v1/calls/${c.id}/publish`))
  assert.equal(pub.phase, 'scheduled')
  assert.equal(pub.publishedAt, '2026-03-01T10:00:00.000Z')
  const seen = ok(await anonymous.get(`/api/v1/calls/${c.id}`))
  assert.equal(seen.phase, 'scheduled')
  assert.equal(seen.applicationCount, null)
  assert.deepEqual(seen.abilities.edit, { allowed: false, reason: 'not_signed_in' })
  assert.deepEqual(seen.abilities.ask, { allowed: false, reason: 'not_signed_in' })
  assert.deepEqual(ok(await plain.get(`/api/v1/calls/${c.id}`)).abilities.ask, { allowed: true })
  assert.equal(ok(await anonymous.get(`/api/v1/calls/by-code/${c.code}`)).id, c.id)
  const list = ok(await anonymous.get(`/api/v1/calls?q=${c.code}&phase=scheduled`))
  assert.deepEqual(
    list.items.map((x: { id: string; phase: string }) => [x.id, x.phase]),
    [[c.id, 'scheduled']],
  )
  assert.equal(ok(await anonymous.get(`/api/v1/calls?q=${c.code}&phase=open`)).total, 0)
  // Searching finds titles in any language, and a LIKE wildcard is taken literally.
  assert.ok(ok(await anonymous.get('/api/v1/calls?q=espaces%20publics')).total >= 1)
  assert.equal(ok(await anonymous.get('/api/v1/calls?q=%25')).total, 0)
})

test('before the opening, a change is made in place and guarded by the version', async () => {
  const c = await publishedCall({ challengeIds: [d1c2] })
  const title = { en: 'Safer public spaces, 2026', fr: 'Espaces publics plus sûrs, 2026' }
  const changed = ok(
    await operator.patch(`/api/v1/calls/${c.id}`, {
      expectedVersion: 1,
      title,
      deadlineLocal: '2026-04-21T17:00',
      challengeIds: [d2c1],
    }),
  )
  assert.equal(changed.version, 2)
  assert.deepEqual(changed.title, title)
  assert.equal(changed.schedule.deadline, '2026-04-21T15:00:00.000Z')
  assert.deepEqual(
    changed.challenges.map((x: { id: string }) => x.id),
    [d2c1],
  )
  assert.deepEqual(changed.versions, [])
  const stale = await operator.patch(`/api/v1/calls/${c.id}`, { expectedVersion: 1, title: { en: 'Lost' } })
  assert.equal(stale.status, 409)
  assert.equal(stale.body.code, 'call_revision_conflict')
  assert.equal(stale.body.currentVersion, 2)
  // A published call keeps its code: it is its address.
  const recode = await operator.patch(`/api/v1/calls/${c.id}`, { expectedVersion: 2, code: 'NEWCODE' })
  assert.deepEqual(fieldErrors(recode), ['code:code_frozen'])
  // Changing the zone keeps the wall-clock times and moves the instants.
  const lisbon = ok(await operator.patch(`/api/v1/calls/${c.id}`, { expectedVersion: 2, timeZone: 'Europe/Lisbon' }))
  assert.equal(lisbon.schedule.deadlineLocal, '2026-04-21T17:00')
  assert.equal(lisbon.schedule.deadline, '2026-04-21T16:00:00.000Z')
  // What a change leaves out stays as it was.
  const summary = { en: 'Prototypes for crowded places.' }
  const kept = ok(await operator.patch(`/api/v1/calls/${c.id}`, { expectedVersion: 3, summary }))
  assert.deepEqual(kept.summary, summary)
  assert.equal(kept.schedule.timeZone, 'Europe/Lisbon')
  assert.deepEqual(
    kept.challenges.map((x: { id: string }) => x.id),
    [d2c1],
  )
  assert.deepEqual(kept.title, title)
  const row = await callRow(c.id)
  assert.equal(row.frozen_at, null)
  assert.equal(row.config_version, 4)
  assert.equal((await auditEvents(t.db, 'call.updated', c.id)).length, 3)
})

test('a call written before calls had rules reads with the default configuration', async () => {
  const oc1 = await t.db.selectFrom('calls').selectAll().where('code', '=', 'OC1').executeTakeFirstOrThrow()
  const c = ok(await operator.get(`/api/v1/calls/${oc1.id}`))
  assert.equal(c.code, 'OC1')
  assert.deepEqual(c.config, defaultCallConfig())
})
