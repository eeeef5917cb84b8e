/**
 * The assignment of experts wired to the pool: an optimiser run (a background job) over a call's
 * approved experts respects k, loads, conflicts and panel rules and maximises affinity (matching engine
 * + bids); locked and confirmed pairs survive re-runs; infeasibility fails the run with the core's code;
 * experts bid, confirm "no conflict" or recuse (a declared conflict, a replacement that is not
 * conflicted, or operators notified); operators add, lock and remove pairs; every write is audited.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import type { Json } from '../factories/applications.ts'
import { ok } from '../factories/consortia.ts'
import { type EvaluationFixture, evaluationFixture, setPhases } from '../factories/evaluation.ts'
import { auditEvents } from '../factories/organisations.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-03-20T10:00:00Z')
const t = await createTestApp({ clock })

const base = (f: EvaluationFixture) => `/api/v1/calls/${f.call.id}/evaluation`

/** Every expert gets `expertise` (no word in common with the fixture's applications unless said) and `maxLoad`. */
async function profiles(f: EvaluationFixture, maxLoad: number, expertise = 'Maritime surveillance drones') {
  for (const e of f.experts) {
    await t.db.updateTable('expert_profiles').set({ expertise }).where('user_id', '=', e.id).execute()
    await t.db
      .updateTable('expert_calls')
      .set({ max_load: maxLoad })
      .where('user_id', '=', e.id)
      .where('call_id', '=', f.call.id)
      .execute()
  }
}

async function run(f: EvaluationFixture): Promise<Json> {
  const started = ok(await f.operator.post(`${base(f)}/assignment-runs`, {}), 202)
  assert.equal(started.status, 'queued')
  await t.app.worker.runDue()
  return ok(await f.operator.get(`${base(f)}/assignment-runs/${started.id}`))
}

async function pairs(f: EvaluationFixture): Promise<Json[]> {
  return ok(await f.operator.get(`${base(f)}/assignments?pageSize=100`)).items
}

const idx = (f: EvaluationFixture) => ({
  app: (id: string) => f.applications.findIndex((a) => a.id === id),
  expert: (id: string) => f.experts.findIndex((e) => e.id === id),
})

test('a run gives every application k experts within loads, without conflicts, with a practitioner, maximising affinity', async () => {
  // 4 applications × 3 experts = 12 = 6 experts × a load of 2: every expert is used to the full.
  const f = await evaluationFixture(t, { applications: 4, experts: 6 })
  await profiles(f, 2)
  // Expert 5 knows PRJ3 (text), expert 3 bids yes on PRJ2 (0.3 × 1), expert 2 declares a conflict on PRJ1.
  await t.db.updateTable('expert_profiles').set({ expertise: 'PRJ3' }).where('user_id', '=', f.experts[4]!.id).execute()
  ok(await f.experts[2]!.client.request('PUT', `${base(f)}/bids/${f.applications[1]!.id}`, { bid: 'yes' }))
  ok(
    await f.experts[1]!.client.post(`/api/v1/applications/${f.applications[0]!.id}/expert-conflicts`, {
      reason: 'I advised the lead partner last year.',
    }),
    201,
  )
  // Only operators run the assignment.
  const denied = await f.experts[0]!.client.post(`${base(f)}/assignment-runs`, {})
  assert.equal(denied.status, 403)

  const r = await run(f)
  assert.equal(r.status, 'succeeded', JSON.stringify(r.error))
  assert.deepEqual(r.result, {
    objective: 1.3,
    upperBound: 1.3,
    optimal: true,
    method: 'milp',
    timeMs: r.result.timeMs,
    applications: 4,
    experts: 6,
    pairs: 12,
    kept: 0,
    added: 12,
    removed: 0,
  })
  assert.equal(r.progress.percent, 100)

  const list = await pairs(f)
  assert.equal(list.length, 12)
  const { app, expert } = idx(f)
  for (let a = 0; a < 4; a++) {
    const panel = list.filter((p) => app(p.applicationId) === a)
    assert.equal(panel.length, 3, `PRJ${a + 1} has k = 3 experts`)
    assert.equal(panel.filter((p) => p.kind === 'practitioner').length >= 1, true)
    assert.equal(new Set(panel.map((p) => p.countries[0])).size, 3)
  }
  for (let e = 0; e < 6; e++) assert.equal(list.filter((p) => expert(p.userId) === e).length, 2)
  assert.equal(
    list.some((p) => app(p.applicationId) === 0 && expert(p.userId) === 1),
    false,
    'the declared conflict is excluded',
  )
  const text = list.find((p) => app(p.applicationId) === 2 && expert(p.userId) === 4)
  assert.equal(text.affinity, 1)
  assert.deepEqual(
    { ...text.why, words: text.why.words.includes('prj3') },
    {
      reason: 'top_choice',
      text: 1,
      bid: null,
      bidWeight: 0,
      words: true,
      tags: [],
      rankForApplication: 1,
      rankForExpert: 1,
    },
  )
  const bid = list.find((p) => app(p.applicationId) === 1 && expert(p.userId) === 2)
  assert.equal(bid.affinity, 0.3)
  assert.equal(bid.why.bid, 'yes')
  assert.equal(bid.why.bidWeight, 0.3)
  assert.equal(bid.why.text, 0)
  assert.deepEqual(
    list
      .map((p) => [p.status, p.source, p.locked])
      .filter(([s, src, l]) => s !== 'assigned' || src !== 'optimiser' || l),
    [],
  )

  const overview = ok(await f.operator.get(`${base(f)}/assignment-overview`))
  assert.equal(overview.k, 3)
  assert.deepEqual(
    overview.experts.map((e: Json) => [e.load, e.maxLoad]),
    Array.from({ length: 6 }, () => [2, 2]),
  )
  assert.deepEqual(
    overview.applications.map((a: Json) => a.experts),
    [3, 3, 3, 3],
  )
  const runs = ok(await f.operator.get(`${base(f)}/assignment-runs`))
  assert.equal(runs.latest.id, r.id)
  assert.equal(runs.items.length, 1)

  assert.deepEqual(
    (await auditEvents(t.db, 'evaluation.assignment_run_requested', r.id)).map((e) => [e.actor_id, e.change]),
    [[f.operatorUser.id, { callId: f.call.id }]],
  )
  const done = await auditEvents(t.db, 'evaluation.assignment_run_succeeded', r.id)
  assert.equal(done.length, 1)
  assert.equal((done[0]!.change as Json).added, 12)
  assert.equal(
    (await auditEvents(t.db, 'evaluation.bid_set', f.applications[1]!.id)).map((e) => (e.change as Json).to)[0],
    'yes',
  )
})

test('locked and confirmed pairs survive a re-run; an expert cannot confirm another’s assignment', async () => {
  const f = await evaluationFixture(t, { applications: 2, experts: 6 })
  await profiles(f, 3)
  const first = await run(f)
  assert.equal(first.status, 'succeeded')
  const before = await pairs(f)
  assert.equal(before.length, 6)
  // A practitioner's pair on PRJ1 is locked, a technical expert's pair on PRJ2 confirmed: the other
  // practitioner stays free for PRJ2, so every other slot can go to an expert who bids yes below.
  const locked = before.find((p: Json) => p.applicationId === f.applications[0]!.id && p.kind === 'practitioner')!
  const confirmed = before.find(
    (p: Json) => p.applicationId === f.applications[1]!.id && p.kind === 'technical' && p.userId !== locked.userId,
  )!
  const lockedRes = ok(await f.operator.patch(`/api/v1/evaluation/assignments/${locked.id}`, { locked: true }))
  assert.equal(lockedRes.locked, true)
  assert.equal(lockedRes.why.reason, 'top_choice')
  const owner = f.experts.find((e) => e.id === confirmed.userId)!
  const other = f.experts.find((e) => e.id !== confirmed.userId)!
  const stranger = await other.client.post(`/api/v1/evaluation/assignments/${confirmed.id}/confirm`, {})
  assert.equal(stranger.status, 404)
  assert.equal(stranger.body.code, 'assignment_not_found')
  const c = ok(await owner.client.post(`/api/v1/evaluation/assignments/${confirmed.id}/confirm`, {}))
  assert.deepEqual(c, { id: confirmed.id, status: 'confirmed', confirmedAt: '2026-03-20T10:00:00.000Z' })
  // Idempotent.
  assert.deepEqual(ok(await owner.client.post(`/api/v1/evaluation/assignments/${confirmed.id}/confirm`, {})), c)

  // Between runs the operator pushes the two kept experts away with bids of others: nothing moves them.
  for (const e of f.experts)
    if (e.id !== locked.userId && e.id !== confirmed.userId)
      for (const a of f.applications) ok(await e.client.request('PUT', `${base(f)}/bids/${a.id}`, { bid: 'yes' }))
  const second = await run(f)
  assert.equal(second.status, 'succeeded', JSON.stringify(second.error))
  assert.equal(second.result.kept, 2)
  assert.equal(second.result.pairs, 6)
  const after = await pairs(f)
  assert.equal(after.length, 6)
  const keptLocked = after.find((p: Json) => p.id === locked.id)
  const keptConfirmed = after.find((p: Json) => p.id === confirmed.id)
  assert.deepEqual([keptLocked.status, keptLocked.locked], ['assigned', true])
  assert.deepEqual([keptConfirmed.status, keptConfirmed.locked], ['confirmed', false])
  // The others were re-optimised: every non-kept pair now has a "yes" bid (0.3).
  assert.deepEqual(
    after.filter((p: Json) => p.id !== locked.id && p.id !== confirmed.id).map((p: Json) => p.affinity),
    [0.3, 0.3, 0.3, 0.3],
  )
  const runs = ok(await f.operator.get(`${base(f)}/assignment-runs`))
  assert.deepEqual(
    runs.items.map((r: Json) => r.id),
    [second.id, first.id],
  )
  assert.equal((await auditEvents(t.db, 'evaluation.assignment_locked', locked.id)).length, 1)
  const unlocked = ok(await f.operator.patch(`/api/v1/evaluation/assignments/${locked.id}`, { locked: false }))
  assert.equal(unlocked.locked, false)
  assert.deepEqual(
    (await auditEvents(t.db, 'evaluation.assignment_unlocked', locked.id)).map((e) => e.actor_id),
    [f.operatorUser.id],
  )
  // Experts do not read the runs.
  assert.equal((await f.experts[0]!.client.get(`${base(f)}/assignment-runs`)).status, 403)
  assert.equal((await auditEvents(t.db, 'evaluation.assignment_confirmed', confirmed.id)).length, 1)

  // Bids close when the individual phase starts.
  await setPhases(t.db, f.call.id, {
    individual: [new Date('2026-03-20T09:00:00Z'), new Date('2026-04-20T09:00:00Z')],
  })
  const closed = await f.experts[0]!.client.request('PUT', `${base(f)}/bids/${f.applications[0]!.id}`, { bid: 'no' })
  assert.equal(closed.status, 409)
  assert.equal(closed.body.code, 'evaluation_phase_closed')
})

test('an infeasible call fails the run with the optimiser’s code and details; nothing changes', async () => {
  const f = await evaluationFixture(t, { applications: 2, experts: 2 })
  const r = await run(f)
  assert.equal(r.status, 'failed')
  assert.equal(r.result, null)
  assert.deepEqual(r.error, {
    code: 'assignment_application_short',
    params: {
      applications: [
        { application: f.applications[0]!.id, reason: 'experts', available: 2, needed: 3 },
        { application: f.applications[1]!.id, reason: 'experts', available: 2, needed: 3 },
      ],
      count: 2,
    },
  })
  assert.deepEqual(await pairs(f), [])
  const failed = await auditEvents(t.db, 'evaluation.assignment_run_failed', r.id)
  assert.equal((failed[0]!.change as Json).error.code, 'assignment_application_short')
  // A second run may start once the first has finished.
  const again = await run(f)
  assert.equal(again.status, 'failed')
})

test('recusal records the conflict and assigns the best non-conflicted replacement; without one, operators are told', async () => {
  const f = await evaluationFixture(t, { applications: 1, experts: 6 })
  await profiles(f, 5)
  const appId = f.applications[0]!.id
  const [e0, e1, e2, e3, e4, e5] = f.experts as [
    EvaluationFixture['experts'][number],
    EvaluationFixture['experts'][number],
    EvaluationFixture['experts'][number],
    EvaluationFixture['experts'][number],
    EvaluationFixture['experts'][number],
    EvaluationFixture['experts'][number],
  ]
  // e4 and e5 bid yes (0.3); e4 has a conflict declared by the operator.
  ok(await e4.client.request('PUT', `${base(f)}/bids/${appId}`, { bid: 'yes' }))
  ok(await e5.client.request('PUT', `${base(f)}/bids/${appId}`, { bid: 'yes' }))
  ok(
    await f.operator.post(`/api/v1/applications/${appId}/expert-conflicts`, {
      userId: e4.id,
      reason: 'Shares an office with the coordinator.',
    }),
    201,
  )
  // The operator composes the panel by hand: e0 (practitioner), e1, e2; adding e4 is refused.
  const conflicted = await f.operator.post(`${base(f)}/assignments`, { applicationId: appId, userId: e4.id })
  assert.equal(conflicted.status, 409)
  assert.equal(conflicted.body.code, 'assignment_conflicted')
  assert.equal(conflicted.body.reasons[0].rule, 'declared')
  const ids: Record<string, string> = {}
  for (const e of [e0, e1, e2]) {
    const p = ok(
      await f.operator.post(`${base(f)}/assignments`, { applicationId: appId, userId: e.id, locked: false }),
      201,
    )
    assert.deepEqual([p.source, p.status, p.locked, p.why.reason], ['manual', 'assigned', false, 'manual'])
    ids[e.id] = p.id
  }
  const dup = await f.operator.post(`${base(f)}/assignments`, { applicationId: appId, userId: e0.id })
  assert.equal(dup.body.code, 'assignment_exists')

  const short = await e1.client.post(`/api/v1/evaluation/assignments/${ids[e1.id]}/recuse`, { reason: 'short' })
  assert.equal(short.status, 400)
  const res = ok(
    await e1.client.post(`/api/v1/evaluation/assignments/${ids[e1.id]}/recuse`, {
      reason: 'My former employer is a subcontractor of the lead.',
    }),
  )
  assert.deepEqual(res, { id: ids[e1.id], status: 'recused', replaced: true })
  const recused = await t.db
    .selectFrom('evaluation_assignments')
    .select(['status', 'recusal_reason', 'recused_at'])
    .where('id', '=', ids[e1.id]!)
    .executeTakeFirstOrThrow()
  assert.deepEqual(recused, {
    status: 'recused',
    recusal_reason: 'My former employer is a subcontractor of the lead.',
    recused_at: new Date('2026-03-20T10:00:00Z'),
  })
  const declared = await t.db
    .selectFrom('expert_conflicts')
    .select(['reason', 'declared_by'])
    .where('application_id', '=', appId)
    .where('user_id', '=', e1.id)
    .execute()
  assert.deepEqual(declared, [{ reason: 'My former employer is a subcontractor of the lead.', declared_by: e1.id }])
  // e5 (0.3, no conflict) replaces e1 — not e4 (0.3, conflicted, first by name) nor e3 (0).
  let panel = await pairs(f)
  assert.deepEqual(panel.map((p: Json) => p.userId).sort(), [e0.id, e2.id, e5.id].sort())
  const replacement = panel.find((p: Json) => p.userId === e5.id)
  assert.deepEqual(
    [replacement.source, replacement.status, replacement.affinity, replacement.why.reason],
    ['reassignment', 'assigned', 0.3, 'reassignment'],
  )
  assert.equal((await auditEvents(t.db, 'evaluation.assignment_recused', ids[e1.id]!)).length, 1)
  assert.equal((await auditEvents(t.db, 'evaluation.assignment_reassigned', replacement.id)).length, 1)
  // Recused: the pair is no longer the expert's.
  const gone = await e1.client.post(`/api/v1/evaluation/assignments/${ids[e1.id]}/confirm`, {})
  assert.equal(gone.status, 404)

  // e0, the panel's only practitioner, recuses; the other practitioner (e3) has no load left: nobody fits.
  await t.db
    .updateTable('expert_calls')
    .set({ max_load: 0 })
    .where('user_id', '=', e3.id)
    .where('call_id', '=', f.call.id)
    .execute()
  const none = ok(
    await e0.client.post(`/api/v1/evaluation/assignments/${ids[e0.id]}/recuse`, {
      reason: 'I reviewed an earlier version for the coordinator.',
    }),
  )
  assert.deepEqual(none, { id: ids[e0.id], status: 'recused', replaced: false })
  panel = await pairs(f)
  assert.deepEqual(panel.map((p: Json) => p.userId).sort(), [e2.id, e5.id].sort())
  const told = await t.db
    .selectFrom('notifications')
    .select(['user_id', 'kind', 'link'])
    .where('kind', '=', 'assignment_replacement_needed')
    .where('user_id', '=', f.operatorUser.id)
    .execute()
  assert.deepEqual(told, [
    {
      user_id: f.operatorUser.id,
      kind: 'assignment_replacement_needed',
      link: `/app/evaluation/${f.call.id}/assignment`,
    },
  ])

  // The operator removes a pair; the audit says who.
  const removed = await f.operator.delete(`/api/v1/evaluation/assignments/${replacement.id}`)
  assert.equal(removed.status, 204)
  const removal = await auditEvents(t.db, 'evaluation.assignment_removed', replacement.id)
  assert.deepEqual(
    removal.map((e) => e.actor_id),
    [f.operatorUser.id],
  )
  assert.equal((await auditEvents(t.db, 'evaluation.assignment_added', ids[e0.id]!)).length, 1)
  // Experts cannot lock, add or remove.
  const notOperator = await e2.client.patch(`/api/v1/evaluation/assignments/${ids[e2.id]}`, { locked: true })
  assert.equal(notOperator.status, 403)
})

test('experts bid on titles and abstracts of the call’s applications they have no conflict with', async () => {
  const f = await evaluationFixture(t, { applications: 3, experts: 2 })
  const [e0, e1] = f.experts
  ok(
    await e0!.client.post(`/api/v1/applications/${f.applications[1]!.id}/expert-conflicts`, {
      reason: 'A friend leads this consortium.',
    }),
    201,
  )
  ok(await e0!.client.request('PUT', `${base(f)}/bids/${f.applications[0]!.id}`, { bid: 'maybe' }))
  const page = ok(await e0!.client.get(`${base(f)}/bids?pageSize=10`))
  assert.equal(page.total, 2)
  assert.deepEqual(page.counts, { yes: 0, maybe: 1, no: 0 })
  assert.equal(page.open, true)
  assert.equal(page.anonymised, false)
  assert.deepEqual(
    page.items.map((i: Json) => [i.applicationId, i.bid, i.organisations.length, i.abstract]),
    [
      [f.applications[0]!.id, 'maybe', 2, 'Revision 1 of PRJ1'],
      [f.applications[2]!.id, null, 2, 'Revision 1 of PRJ3'],
    ],
  )
  const conflicted = await e0!.client.request('PUT', `${base(f)}/bids/${f.applications[1]!.id}`, { bid: 'yes' })
  assert.equal(conflicted.status, 404)
  // Search, anonymised mode.
  await t.db
    .insertInto('evaluation_settings')
    .values({ call_id: f.call.id, anonymised: true, updated_at: new Date() })
    .execute()
  const found = ok(await e1!.client.get(`${base(f)}/bids?q=PRJ2`))
  assert.deepEqual(
    found.items.map((i: Json) => [i.acronym, i.organisations]),
    [['PRJ2', null]],
  )
  // Clearing a bid.
  assert.deepEqual(ok(await e0!.client.request('PUT', `${base(f)}/bids/${f.applications[0]!.id}`, { bid: null })), {
    applicationId: f.applications[0]!.id,
    bid: null,
  })
  // Someone who is not an approved expert of the call cannot tell it is evaluated.
  const outsider = await f.operator.get(`${base(f)}/bids`)
  assert.equal(outsider.status, 404)
})
