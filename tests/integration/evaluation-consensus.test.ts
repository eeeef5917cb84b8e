/**
 * Consensus (issue 7 §7): divergent scores are flagged, moderators see the evaluations side by side with
 * names and record a consensus (justified where it departs from the mean, optimistic versions, finalise
 * rules, reopen), the thread among the panel and the moderators, and what experts may see: nothing of
 * the others during the individual phase, the others as "Expert n" from the consensus phase on, and
 * nothing at all of an application they are not assigned to. Every write is audited.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import type { Json } from '../factories/applications.ts'
import { ok } from '../factories/consortia.ts'
import { assign, evaluationFixture, setPhases } from '../factories/evaluation.ts'
import { auditEvents } from '../factories/organisations.ts'
import { createTestApp, type TestClient } from '../support/app.ts'

const clock = new FixedClock('2026-03-20T10:00:00Z')
const t = await createTestApp({ clock })
const f = await evaluationFixture(t, { applications: 3, experts: 6 })
const [app0, app1, app2] = f.applications as [
  (typeof f.applications)[0],
  (typeof f.applications)[0],
  (typeof f.applications)[0],
]
const [e1, e2, e3, e4, e5, e6] = f.experts as [
  (typeof f.experts)[0],
  (typeof f.experts)[0],
  (typeof f.experts)[0],
  (typeof f.experts)[0],
  (typeof f.experts)[0],
  (typeof f.experts)[0],
]
const callId = f.call.id
const base = `/api/v1/calls/${callId}/evaluation/consensus`

// Phases: individual 15–25 March, consensus 25 March – 5 April (the clock starts in the individual phase).
await setPhases(t.db, callId, {
  individual: [new Date('2026-03-15T08:00:00Z'), new Date('2026-03-25T17:00:00Z')],
  consensus: [new Date('2026-03-25T17:00:00Z'), new Date('2026-04-05T17:00:00Z')],
})

/** Assignments with distinct creation times (the expert numbers follow them). */
let minute = 0
async function panel(appId: string, experts: (typeof f.experts)[number][]) {
  const ids: string[] = []
  for (const e of experts) {
    const id = await assign(t.db, callId, appId, e.id)
    await t.db
      .updateTable('evaluation_assignments')
      .set({ created_at: new Date(Date.parse('2026-03-15T08:00:00Z') + ++minute * 60_000) })
      .where('id', '=', id)
      .execute()
    ids.push(id)
  }
  return ids
}
const [a0e1, a0e2, a0e3] = (await panel(app0.id, [e1, e2, e3])) as [string, string, string]
const [a1e1, a1e4, a1e5] = (await panel(app1.id, [e1, e4, e5])) as [string, string, string]
await panel(app2.id, [e6])

/** An individual evaluation written straight to the database: [excellence, impact, implementation]. */
async function evaluate(
  assignmentId: string,
  appId: string,
  userId: string,
  s: [number, number, number],
  status: 'draft' | 'submitted' = 'submitted',
) {
  const comment = (c: string) => `${c} comment by ${userId.slice(0, 8)}`
  const scores = {
    excellence: { score: s[0], comment: comment('excellence') },
    impact: { score: s[1], comment: comment('impact') },
    implementation: { score: s[2], comment: comment('implementation') },
  }
  const at = new Date('2026-03-20T09:00:00Z')
  await t.db
    .insertInto('evaluations')
    .values({
      assignment_id: assignmentId,
      call_id: callId,
      application_id: appId,
      user_id: userId,
      revision: 1,
      scores: JSON.stringify(scores),
      overall_comment: `Overall by ${userId.slice(0, 8)}`,
      status,
      created_at: at,
      updated_at: at,
      submitted_at: status === 'submitted' ? at : null,
    })
    .onConflict((oc) =>
      oc
        .column('assignment_id')
        .doUpdateSet({ scores: JSON.stringify(scores), status, submitted_at: status === 'submitted' ? at : null }),
    )
    .execute()
}
// app0 diverges on excellence (4 vs 2); the third expert is still drafting.
await evaluate(a0e1, app0.id, e1.id, [4, 3, 3.5])
await evaluate(a0e2, app0.id, e2.id, [2, 3.5, 3.5])
await evaluate(a0e3, app0.id, e3.id, [3, 3, 3], 'draft')
// app1 agrees within the spread.
await evaluate(a1e1, app1.id, e1.id, [4, 4, 3])
await evaluate(a1e4, app1.id, e4.id, [3.5, 4, 3.5])
await evaluate(a1e5, app1.id, e5.id, [4.5, 3.5, 3])

const codeOf = (res: { status: number; body: Json }) => `${res.status} ${res.body.code}`
const put = (c: TestClient, appId: string, body: Json) => c.request('PUT', `${base}/${appId}/record`, body)
const fullScores = (over: Json = {}) => ({
  excellence: { score: 3, comment: 'Solid concept; the pilot is convincing.', justification: '' },
  impact: { score: 3.5, comment: 'Clear benefit for operators.', justification: '' },
  implementation: { score: 3.5, comment: 'Realistic plan.', justification: '' },
  ...over,
})

test('during the individual phase: experts see nothing of the others, moderators cannot record', async () => {
  assert.equal(codeOf(await e1.client.get(`/api/v1/evaluation/consensus/${app0.id}`)), '409 evaluation_phase_closed')
  assert.equal(
    codeOf(await e1.client.get(`/api/v1/evaluation/consensus/${app0.id}/messages`)),
    '409 evaluation_phase_closed',
  )
  assert.equal(
    codeOf(await e1.client.post(`/api/v1/evaluation/consensus/${app0.id}/messages`, { body: 'Hello?' })),
    '409 evaluation_phase_closed',
  )
  const list = ok(await f.operator.get(base))
  assert.equal(list.canRecord, false)
  assert.equal(list.phases.individual.status, 'open')
  assert.equal(
    codeOf(await put(f.operator, app0.id, { version: 0, scores: fullScores() })),
    '409 evaluation_phase_closed',
  )
  // Moderators read the thread at any time.
  assert.deepEqual(ok(await f.operator.get(`/api/v1/evaluation/consensus/${app0.id}/messages`)), {
    items: [],
    canPost: true,
    viewer: 'moderator',
  })
})

test('an expert of another application gets 404 everywhere; experts cannot use the moderators’ endpoints', async () => {
  clock.set('2026-03-26T10:00:00Z')
  assert.equal(codeOf(await e6.client.get(`/api/v1/evaluation/consensus/${app0.id}`)), '404 application_not_found')
  assert.equal(
    codeOf(await e6.client.get(`/api/v1/evaluation/consensus/${app0.id}/messages`)),
    '404 application_not_found',
  )
  assert.equal(
    codeOf(await e6.client.post(`/api/v1/evaluation/consensus/${app0.id}/messages`, { body: 'Let me in' })),
    '404 application_not_found',
  )
  assert.equal((await e1.client.get(base)).status, 403)
  assert.equal((await e1.client.get(`${base}/${app0.id}`)).status, 403)
  assert.equal((await put(e1.client, app0.id, { version: 0, scores: fullScores() })).status, 403)
  // An unknown application: 404 as well.
  assert.equal(codeOf(await f.operator.get(`${base}/${crypto.randomUUID()}`)), '404 application_not_found')
})

test('the list flags the divergent application, with counts, filters, search and paging', async () => {
  clock.set('2026-03-26T10:00:00Z')
  const list = ok(await f.operator.get(base))
  assert.equal(list.canRecord, true)
  assert.equal(list.spreadThreshold, 1.5)
  assert.deepEqual(list.summary, { applications: 3, flagged: 1, final: 0, ready: 1 })
  assert.equal(list.total, 3)
  assert.deepEqual(
    list.items.map((i: Json) => [
      i.acronym,
      i.submitted,
      i.expected,
      i.flagged,
      i.flaggedCriteria,
      i.maxSpread,
      i.status,
    ]),
    [
      ['PRJ1', 2, 3, true, ['excellence'], 2, 'none'],
      ['PRJ2', 3, 3, false, [], 1, 'none'],
      ['PRJ3', 0, 1, false, [], null, 'none'],
    ],
  )
  const flagged = ok(await f.operator.get(`${base}?flagged=true`))
  assert.deepEqual(
    flagged.items.map((i: Json) => i.applicationId),
    [app0.id],
  )
  const search = ok(await f.operator.get(`${base}?q=${encodeURIComponent(app1.reference)}`))
  assert.deepEqual(
    search.items.map((i: Json) => i.acronym),
    ['PRJ2'],
  )
  const paged = ok(await f.operator.get(`${base}?page=2&pageSize=2`))
  assert.deepEqual([paged.total, paged.items.length, paged.items[0].acronym], [3, 1, 'PRJ3'])
  assert.equal(ok(await f.operator.get(`${base}?status=final`)).total, 0)
})

test('moderators see the evaluations side by side with names and statistics', async () => {
  clock.set('2026-03-26T10:00:00Z')
  const d = ok(await f.operator.get(`${base}/${app0.id}`))
  assert.deepEqual([d.submitted, d.expected, d.canRecord, d.record], [2, 3, true, null])
  assert.deepEqual(d.scale, { min: 0, max: 5, step: 0.5 })
  assert.deepEqual(
    d.criteria.map((c: Json) => c.id),
    ['excellence', 'impact', 'implementation'],
  )
  assert.deepEqual(
    d.evaluations.map((e: Json) => [e.expertNumber, e.expertName, e.status, e.scores.excellence?.score ?? null]),
    [
      [1, e1.name, 'submitted', 4],
      [2, e2.name, 'submitted', 2],
      [3, e3.name, 'draft', null],
    ],
  )
  assert.deepEqual(d.evaluations[2].scores, {}, 'a draft’s scores stay with its expert')
  assert.deepEqual(d.stats, {
    criteria: [
      { criterionId: 'excellence', mean: 3, min: 2, max: 4, spread: 2, flagged: true },
      { criterionId: 'impact', mean: 3.25, min: 3, max: 3.5, spread: 0.5, flagged: false },
      { criterionId: 'implementation', mean: 3.5, min: 3.5, max: 3.5, spread: 0, flagged: false },
    ],
    totals: [10.5, 9],
    totalSpread: 1.5,
    flagged: true,
    flaggedCriteria: ['excellence'],
  })
})

test('in the consensus phase, an expert sees the submitted evaluations of that application as “Expert n”', async () => {
  clock.set('2026-03-26T10:00:00Z')
  const v = ok(await e2.client.get(`/api/v1/evaluation/consensus/${app0.id}`))
  assert.equal(v.expertNumber, 2)
  assert.deepEqual(
    v.evaluations.map((e: Json) => [e.expertNumber, e.mine, e.userId, e.expertName, e.scores.excellence.score]),
    [
      [1, false, null, null, 4],
      [2, true, null, null, 2],
    ],
  )
  const raw = JSON.stringify(v)
  for (const e of [e1, e2, e3]) {
    assert.equal(raw.includes(e.name), false, `${e.name} leaks`)
    assert.equal(raw.includes(e.id), false, `${e.id} leaks`)
  }
  // The drafting expert sees the others too, not their own draft in the list.
  const v3 = ok(await e3.client.get(`/api/v1/evaluation/consensus/${app0.id}`))
  assert.deepEqual(
    v3.evaluations.map((e: Json) => e.expertNumber),
    [1, 2],
  )
})

test('the thread: experts as “Expert n” and moderators by name; only the panel and the moderators', async () => {
  clock.set('2026-03-26T10:00:00Z')
  const m1 = ok(
    await e2.client.post(`/api/v1/evaluation/consensus/${app0.id}/messages`, { body: 'I scored low on the pilot.' }),
    201,
  )
  assert.deepEqual(m1.author, { role: 'expert', expertNumber: 2, name: null, mine: true })
  clock.set('2026-03-26T10:05:00Z')
  ok(await f.operator.post(`/api/v1/evaluation/consensus/${app0.id}/messages`, { body: 'Please say why.' }), 201)
  const asExpert = ok(await e1.client.get(`/api/v1/evaluation/consensus/${app0.id}/messages`))
  assert.deepEqual(asExpert.viewer, 'expert')
  assert.equal(asExpert.canPost, true)
  assert.deepEqual(
    asExpert.items.map((m: Json) => [m.body, m.author]),
    [
      ['I scored low on the pilot.', { role: 'expert', expertNumber: 2, name: null, mine: false }],
      ['Please say why.', { role: 'moderator', expertNumber: null, name: null, mine: false }],
    ],
  )
  const asModerator = ok(await f.operator.get(`/api/v1/evaluation/consensus/${app0.id}/messages`))
  assert.deepEqual(
    asModerator.items.map((m: Json) => [m.author.name, m.author.role, m.author.mine]),
    [
      [e2.name, 'expert', false],
      [f.operatorUser.name, 'moderator', true],
    ],
  )
  // Nothing of app0's thread shows in app1's.
  assert.deepEqual(ok(await e1.client.get(`/api/v1/evaluation/consensus/${app1.id}/messages`)).items, [])
  assert.equal(
    codeOf(await e1.client.post(`/api/v1/evaluation/consensus/${app0.id}/messages`, { body: '   ' })),
    '400 validation_failed',
  )
  const audit = await auditEvents(t.db, 'evaluation.consensus_message_posted', app0.id)
  assert.deepEqual(
    audit.map((a) => [a.actor_id, (a.change as Json).asModerator, (a.change as Json).length]),
    [
      [e2.id, false, 26],
      [f.operatorUser.id, true, 15],
    ],
  )
})

test('recording: scale, justification where departing from the mean, versions, finalise rules, reopen', async () => {
  clock.set('2026-03-27T10:00:00Z')
  const url = `${base}/${app0.id}`
  // Excellence: mean of 4 and 2 is 3; 4 departs by 1 (> half a step of 0.5) and needs a justification.
  const noJustification = await put(f.operator, app0.id, {
    version: 0,
    scores: fullScores({ excellence: { score: 4, comment: 'Strong.', justification: '' } }),
  })
  assert.equal(codeOf(noJustification), '400 consensus_justification_required')
  assert.deepEqual(noJustification.body.criterionIds, ['excellence'])
  assert.deepEqual(noJustification.body.errors, [
    {
      path: 'scores.excellence.justification',
      code: 'consensus_justification_required',
      message: 'consensus_justification_required',
    },
  ])
  const offScale = await put(f.operator, app0.id, {
    version: 0,
    scores: fullScores({ impact: { score: 3.25, comment: 'x', justification: '' } }),
  })
  assert.equal(codeOf(offScale), '400 validation_failed')
  assert.deepEqual(
    offScale.body.errors.map((e: Json) => e.path),
    ['scores.impact.score'],
  )
  assert.equal(
    codeOf(await put(f.operator, app0.id, { version: 0, scores: { novelty: { score: 3 } } })),
    '400 validation_failed',
  )
  // A draft may leave criteria open.
  const draft = ok(
    await put(f.operator, app0.id, {
      version: 0,
      scores: {
        excellence: { score: 4, comment: 'Strong pilot.', justification: 'Expert 2 agreed in the thread.' },
      },
      overallComment: 'Promising.',
      minorityView: 'Expert 2 finds the pilot too small.',
    }),
  )
  assert.deepEqual(
    [draft.status, draft.version, draft.recordedBy, draft.minorityView, draft.scores.impact],
    [
      'draft',
      1,
      f.operatorUser.name,
      'Expert 2 finds the pilot too small.',
      { score: null, comment: '', justification: '' },
    ],
  )
  assert.equal(codeOf(await put(f.operator, app0.id, { version: 0, scores: {} })), '409 consensus_stale')
  // Finalising: the third expert has not submitted yet.
  const missing = await f.operator.post(`${url}/finalise`, { version: 1 })
  assert.equal(codeOf(missing), '409 consensus_evaluations_missing')
  assert.deepEqual([missing.body.submitted, missing.body.expected], [2, 3])
  await evaluate(a0e3, app0.id, e3.id, [3, 3, 3])
  // Now complete? Impact and implementation have no score or comment.
  const incomplete = await f.operator.post(`${url}/finalise`, { version: 1 })
  assert.equal(codeOf(incomplete), '400 consensus_incomplete')
  assert.deepEqual(incomplete.body.criterionIds, ['impact', 'implementation'])
  assert.deepEqual(
    incomplete.body.errors.map((e: Json) => e.path),
    ['scores.impact.score', 'scores.impact.comment', 'scores.implementation.score', 'scores.implementation.comment'],
  )
  const saved = ok(
    await put(f.operator, app0.id, {
      version: 1,
      scores: fullScores({
        excellence: { score: 4, comment: 'Strong pilot.', justification: 'Expert 2 agreed in the thread.' },
        // Impact mean is now (3 + 3.5 + 3) / 3 = 3.17: 3 is within half a step.
        impact: { score: 3, comment: 'Clear benefit.', justification: '' },
        // Implementation mean (3.5 + 3.5 + 3) / 3 = 3.33: 3.5 is within half a step.
      }),
      overallComment: 'Promising.',
      minorityView: 'Expert 2 finds the pilot too small.',
    }),
  )
  assert.equal(saved.version, 2)
  const final = ok(await f.operator.post(`${url}/finalise`, { version: 2 }))
  assert.deepEqual(
    [final.status, final.version, final.finalisedBy, final.finalisedAt],
    ['final', 3, f.operatorUser.name, '2026-03-27T10:00:00.000Z'],
  )
  assert.equal(codeOf(await put(f.operator, app0.id, { version: 3, scores: fullScores() })), '409 consensus_final')
  assert.equal(codeOf(await f.operator.post(`${url}/finalise`, { version: 3 })), '409 consensus_final')
  const d = ok(await f.operator.get(url))
  assert.deepEqual(d.record.scores.excellence, {
    score: 4,
    comment: 'Strong pilot.',
    justification: 'Expert 2 agreed in the thread.',
  })
  assert.deepEqual(
    ok(await f.operator.get(`${base}?status=final`)).items.map((i: Json) => i.acronym),
    ['PRJ1'],
  )
  // Reopen (stale version first), then finalise again.
  assert.equal(codeOf(await f.operator.post(`${url}/reopen`, { version: 2 })), '409 consensus_stale')
  const reopened = ok(await f.operator.post(`${url}/reopen`, { version: 3 }))
  assert.deepEqual([reopened.status, reopened.version, reopened.finalisedAt], ['draft', 4, null])
  ok(await f.operator.post(`${url}/finalise`, { version: 4 }))
  // No consensus yet on app2: nothing to finalise.
  assert.equal(codeOf(await f.operator.post(`${base}/${app2.id}/finalise`, { version: 1 })), '404 consensus_not_found')

  const actions = async (action: string) =>
    (await auditEvents(t.db, action, app0.id)).map((a) => [a.actor_id, (a.change as Json).version])
  assert.deepEqual(await actions('evaluation.consensus_saved'), [
    [f.operatorUser.id, 1],
    [f.operatorUser.id, 2],
  ])
  assert.deepEqual(await actions('evaluation.consensus_finalised'), [
    [f.operatorUser.id, 3],
    [f.operatorUser.id, 5],
  ])
  assert.deepEqual(await actions('evaluation.consensus_reopened'), [[f.operatorUser.id, 4]])
})

test('after the consensus phase: no more recording nor posting; the panel still reads', async () => {
  clock.set('2026-04-06T10:00:00Z')
  assert.equal(
    codeOf(await put(f.operator, app1.id, { version: 0, scores: fullScores() })),
    '409 evaluation_phase_closed',
  )
  assert.equal(
    codeOf(await e1.client.post(`/api/v1/evaluation/consensus/${app0.id}/messages`, { body: 'Late note.' })),
    '409 evaluation_phase_closed',
  )
  const th = ok(await e1.client.get(`/api/v1/evaluation/consensus/${app0.id}/messages`))
  assert.deepEqual([th.items.length, th.canPost], [2, false])
  assert.equal(ok(await f.operator.get(base)).canRecord, false)
  const saved = await auditEvents(t.db, 'evaluation.consensus_saved', app1.id)
  assert.deepEqual(saved, [])
})
