/**
 * Leak probes (issue 7 §5, §14): during the individual phase an expert never sees another expert's
 * evaluation or identity; an unassigned or recused expert cannot tell an application exists (404);
 * applicants reach none of the evaluation's reads. Every GET of the set-up, hub, workspace and form is
 * probed as another expert, an unassigned one, a recused one and an applicant.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { assign, evaluationFixture, setPhases } from '../factories/evaluation.ts'
import { signedIn } from '../factories/organisations.ts'
import { createTestApp, type Res } from '../support/app.ts'

const clock = new FixedClock('2026-03-20T10:00:00Z')
const t = await createTestApp({ clock })
const f = await evaluationFixture(t, { applications: 2, experts: 4 })
const [e0, e1, e2, e3] = f.experts as [
  (typeof f.experts)[0],
  (typeof f.experts)[0],
  (typeof f.experts)[0],
  (typeof f.experts)[0],
]
const [app0, app1] = f.applications as [(typeof f.applications)[0], (typeof f.applications)[0]]
await setPhases(t.db, f.call.id, {
  individual: [new Date('2026-03-16T08:00:00Z'), new Date('2026-04-10T15:00:00Z')],
  consensus: [new Date('2026-04-13T07:00:00Z'), new Date('2026-04-24T15:00:00Z')],
})
await t.db
  .insertInto('evaluation_settings')
  .values({ call_id: f.call.id, comment_min_length: 10, updated_at: new Date() })
  .execute()

// e0 evaluated app0 and submitted; e1 is assigned to app0 too; e2 recused from app0 (and evaluates app1);
// e3 has no assignment.
const x0 = await assign(t.db, f.call.id, app0.id, e0.id)
const x1 = await assign(t.db, f.call.id, app0.id, e1.id)
const x2 = await assign(t.db, f.call.id, app0.id, e2.id)
await t.db
  .updateTable('evaluation_assignments')
  .set({
    status: 'recused',
    recused_at: new Date('2026-03-16T10:00:00Z'),
    recusal_reason: 'Former employee of the lead.',
  })
  .where('id', '=', x2)
  .execute()
const x2b = await assign(t.db, f.call.id, app1.id, e2.id)
const SECRET = 'SECRET-COMMENT-OF-E0'
const secretScores = {
  excellence: { score: 1.5, comment: `${SECRET} on excellence` },
  impact: { score: 4.5, comment: `${SECRET} on impact` },
  implementation: { score: 0.5, comment: `${SECRET} on implementation` },
}
const saved = await e0.client.request('PUT', `/api/v1/evaluation/assignments/${x0}/evaluation`, {
  version: null,
  scores: secretScores,
  overallComment: `${SECRET} overall`,
})
assert.equal(saved.status, 200)
assert.equal(
  (await e0.client.post(`/api/v1/evaluation/assignments/${x0}/evaluation/submit`, { version: 1 })).status,
  200,
)
const evaluationId = saved.body.id as string
const applicant = await signedIn(t, app0.partners[0]!.org.member)

/**
 * Nothing of e0 — name, e-mail, id, comment, evaluation id — appears in the answer (a problem's
 * `instance` echoes the address asked for, which the caller already has).
 */
function assertNoTraceOfE0(res: Res, who: string) {
  const { instance: _echo, ...body } = (res.body ?? {}) as Record<string, unknown>
  const text = JSON.stringify(body)
  for (const s of [SECRET, e0.name, e0.email, e0.id, evaluationId, x0])
    assert.equal(text.includes(s), false, `${who} sees ${s}: ${text.slice(0, 300)}`)
}

const evalUrl = (x: string) => `/api/v1/evaluation/assignments/${x}/evaluation`
const operatorGets = [
  '/api/v1/evaluation/calls',
  `/api/v1/calls/${f.call.id}/evaluation/settings`,
  `/api/v1/calls/${f.call.id}/evaluation/phases`,
]

test('another expert on the same application: their own view only, nothing of e0', async () => {
  const mine = await e1.client.get('/api/v1/evaluation/my-assignments')
  assert.equal(mine.status, 200)
  assert.deepEqual(
    mine.body.calls[0].assignments.map((a: { id: string; evaluation: unknown }) => [a.id, a.evaluation]),
    [[x1, { id: null, status: 'none', completed: 0, submittedAt: null }]],
  )
  assertNoTraceOfE0(mine, 'e1 (my-assignments)')
  const view = await e1.client.get(evalUrl(x1))
  assert.equal(view.status, 200)
  assert.equal(view.body.evaluation, null)
  assertNoTraceOfE0(view, 'e1 (evaluation view)')
  const theirs = await e1.client.get(evalUrl(x0))
  assert.equal(theirs.status, 404)
  assert.equal(theirs.body.code, 'assignment_not_found')
  assertNoTraceOfE0(theirs, 'e1 (e0’s assignment)')
})

test('a recused expert: the application is gone (404), their list no longer shows it', async () => {
  const view = await e2.client.get(evalUrl(x2))
  assert.equal(view.status, 404)
  assert.equal(view.body.code, 'assignment_not_found')
  const mine = await e2.client.get('/api/v1/evaluation/my-assignments')
  assert.deepEqual(
    mine.body.calls[0].assignments.map((a: { id: string; applicationId: string }) => [a.id, a.applicationId]),
    [[x2b, app1.id]],
  )
  assert.equal(JSON.stringify(mine.body).includes(app0.reference), false)
  assertNoTraceOfE0(mine, 'e2')
  const write = await e2.client.request('PUT', evalUrl(x2), { version: null, scores: {}, overallComment: '' })
  assert.equal(write.status, 404)
})

test('an unassigned expert: no assignment, every application 404', async () => {
  const mine = await e3.client.get('/api/v1/evaluation/my-assignments')
  assert.deepEqual(mine.body, { calls: [], serverNow: '2026-03-20T10:00:00.000Z' })
  for (const x of [x0, x1, x2, x2b]) {
    const res = await e3.client.get(evalUrl(x))
    assert.equal(res.status, 404, x)
    assert.equal(res.body.code, 'assignment_not_found')
    assertNoTraceOfE0(res, 'e3')
    const submit = await e3.client.post(`${evalUrl(x)}/submit`, { version: 1 })
    assert.equal(submit.status, 404)
  }
})

test('experts and applicants: the operators’ reads and the moderator’s reopen are refused, without content', async () => {
  for (const client of [e1.client, e2.client, e3.client, applicant]) {
    for (const u of operatorGets) {
      const res = await client.get(u)
      assert.equal(res.status, 403, u)
      assert.equal(res.body.code, 'forbidden')
      assertNoTraceOfE0(res, u)
    }
    const reopen = await client.post(`/api/v1/evaluations/${evaluationId}/reopen`, {
      reason: 'Show me the scores please.',
    })
    assert.equal(reopen.status, 403)
    assertNoTraceOfE0(reopen, 'reopen')
  }
})

test('an applicant: no expert workspace, no evaluation form, nothing of the experts', async () => {
  for (const u of ['/api/v1/evaluation/my-assignments', evalUrl(x0), evalUrl(x1)]) {
    const res = await applicant.get(u)
    assert.equal(res.status, 403, u)
    assert.equal(res.body.code, 'forbidden')
    assertNoTraceOfE0(res, `applicant ${u}`)
    for (const e of [e1, e2, e3]) assert.equal(JSON.stringify(res.body).includes(e.name), false)
  }
})

test('an operator of the programme reads the hub counts, not the comments', async () => {
  const res = await f.operator.get('/api/v1/evaluation/calls')
  const mine = res.body.items.find((c: { callId: string }) => c.callId === f.call.id)
  assert.deepEqual(mine.counts, {
    admissible: 2,
    approvedExperts: 4,
    assignments: 3,
    evaluationsSubmitted: 1,
    evaluationsExpected: 3,
    consensusFinal: 0,
  })
  assert.equal(JSON.stringify(res.body).includes(SECRET), false)
})
