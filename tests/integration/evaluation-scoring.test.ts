/**
 * Individual evaluation (issue 7 §6, §12): the expert's assignments per call with deadline and
 * progress, the form from the call's criteria (scores on the scale, comments of the minimum length),
 * drafts with an optimistic version, submit with per-field gaps, the phase gate, a moderator's
 * reopening, anonymised mode, and the reminder 48 h before the individual phase ends (once).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ensureReminderSweep } from '../../server/modules/evaluation/scoring/index.ts'
import { FixedClock } from '../../server/platform/clock.ts'
import { assign, evaluationFixture } from '../factories/evaluation.ts'
import { auditEvents } from '../factories/organisations.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-03-20T10:00:00Z')
const t = await createTestApp({ clock })
const f = await evaluationFixture(t, { applications: 3, experts: 3 })
const [e0, e1, e2] = f.experts as [(typeof f.experts)[0], (typeof f.experts)[0], (typeof f.experts)[0]]
const [app0, app1] = f.applications as [(typeof f.applications)[0], (typeof f.applications)[0]]
const op = f.operator

// Phases through the API (this schedules the reminder sweep): individual until 10 April 17:00 Brussels.
const phases = await op.request('PUT', `/api/v1/calls/${f.call.id}/evaluation/phases`, {
  individual: { startsAt: '2026-03-16T09:00', endsAt: '2026-04-10T17:00' },
  consensus: { startsAt: '2026-04-13T09:00', endsAt: '2026-04-24T17:00' },
})
assert.equal(phases.status, 200)
const settingsUrl = `/api/v1/calls/${f.call.id}/evaluation/settings`
const settings = (await op.get(settingsUrl)).body
const {
  callId: _c,
  stored: _s,
  locked: _l,
  criteria: _cr,
  scale: _sc,
  totalThreshold: _tt,
  ...settingsInput
} = settings
assert.equal((await op.request('PUT', settingsUrl, { ...settingsInput, commentMinLength: 20 })).status, 200)

const x00 = await assign(t.db, f.call.id, app0.id, e0.id, { status: 'assigned' })
const x01 = await assign(t.db, f.call.id, app1.id, e0.id)
const x10 = await assign(t.db, f.call.id, app0.id, e1.id)
const url = (x: string) => `/api/v1/evaluation/assignments/${x}/evaluation`

const comment = (s: string) => `${s} — a comment long enough.`
const full = {
  excellence: { score: 4.5, comment: comment('Excellent') },
  impact: { score: 3, comment: comment('Impact') },
  implementation: { score: 2.5, comment: comment('Plan') },
}

test('my assignments: per call, deadline, phases, title and abstract, progress', async () => {
  const res = await e0.client.get('/api/v1/evaluation/my-assignments')
  assert.equal(res.status, 200)
  assert.equal(res.body.calls.length, 1)
  const c = res.body.calls[0]
  assert.equal(c.callId, f.call.id)
  assert.equal(c.code, f.call.code)
  assert.equal(c.deadline, '2026-04-10T15:00:00.000Z')
  assert.equal(c.anonymised, false)
  assert.equal(c.criteriaCount, 3)
  assert.deepEqual(
    c.phases.map((p: { kind: string; status: string }) => [p.kind, p.status]),
    [
      ['individual', 'open'],
      ['consensus', 'upcoming'],
      ['panel', 'unset'],
    ],
  )
  assert.deepEqual(c.assignments, [
    {
      id: x00,
      applicationId: app0.id,
      reference: app0.reference,
      acronym: 'PRJ1',
      title: 'PRJ1 — a consortium project',
      abstract: 'Revision 1 of PRJ1',
      status: 'assigned',
      confirmedAt: null,
      evaluation: { id: null, status: 'none', completed: 0, submittedAt: null },
    },
    {
      id: x01,
      applicationId: app1.id,
      reference: app1.reference,
      acronym: 'PRJ2',
      title: 'PRJ2 — a consortium project',
      abstract: 'Revision 1 of PRJ2',
      status: 'confirmed',
      confirmedAt: '2026-03-15T09:00:00.000Z',
      evaluation: { id: null, status: 'none', completed: 0, submittedAt: null },
    },
  ])
  const none = await e2.client.get('/api/v1/evaluation/my-assignments')
  assert.deepEqual(none.body, { calls: [], serverNow: '2026-03-20T10:00:00.000Z' })
})

test('opening an application before confirming "no conflict" is 409 assignment_not_confirmed', async () => {
  for (const res of [
    await e0.client.get(url(x00)),
    await e0.client.request('PUT', url(x00), { version: null, scores: {}, overallComment: '' }),
  ]) {
    assert.equal(res.status, 409)
    assert.equal(res.body.code, 'assignment_not_confirmed')
  }
})

test('the evaluation page: the submitted revision, the criteria and scale, no evaluation yet', async () => {
  const res = await e0.client.get(url(x01))
  assert.equal(res.status, 200)
  const v = res.body
  assert.equal(v.anonymised, false)
  assert.equal(v.editable, true)
  assert.equal(v.evaluation, null)
  assert.equal(v.commentMinLength, 20)
  assert.deepEqual(v.scale, { min: 0, max: 5, step: 0.5 })
  assert.deepEqual(
    v.criteria.map((c: { id: string; threshold: number }) => [c.id, c.threshold]),
    [
      ['excellence', 3],
      ['impact', 3],
      ['implementation', 3],
    ],
  )
  assert.equal(v.individual.endsAt, '2026-04-10T15:00:00.000Z')
  assert.equal(v.application.reference, app1.reference)
  assert.equal(v.application.revision, 1)
  assert.equal(v.application.requestedCents, 7_000_000)
  assert.deepEqual(v.application.sections, [
    {
      id: 'core',
      title: { en: 'Core' },
      answers: [{ questionId: 'summary', label: { en: 'Summary' }, type: 'long_text', value: 'Revision 1 of PRJ2' }],
    },
  ])
  assert.deepEqual(
    v.application.partners.map(
      (p: { label: string; role: string; name: string; contactEmail: string; requestedCents: number }) => [
        p.label,
        p.role,
        p.name,
        p.contactEmail,
        p.requestedCents,
      ],
    ),
    [
      ['A', 'lead', app1.partners[0]!.org.legalName, 'contact@example.test', 4_000_000],
      ['B', 'partner', app1.partners[1]!.org.legalName, 'contact@example.test', 3_000_000],
    ],
  )
})

let evaluationId = ''

test('drafts: scores on the scale, optimistic versions, the revision scored', async () => {
  const off = await e0.client.request('PUT', url(x01), {
    version: null,
    scores: { excellence: { score: 4.25, comment: '' }, beauty: { score: 1, comment: '' } },
    overallComment: '',
  })
  assert.equal(off.status, 400)
  assert.equal(off.body.code, 'validation_failed')
  assert.deepEqual(
    off.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['scores.excellence.score', 'off_scale'],
      ['scores.beauty', 'unknown_criterion'],
    ],
  )
  const first = await e0.client.request('PUT', url(x01), {
    version: null,
    scores: { excellence: { score: 4, comment: 'Started.' } },
    overallComment: '',
  })
  assert.equal(first.status, 200, JSON.stringify(first.body))
  evaluationId = first.body.id
  assert.deepEqual(first.body, {
    id: evaluationId,
    assignmentId: x01,
    status: 'draft',
    version: 1,
    revision: 1,
    scores: { excellence: { score: 4, comment: 'Started.' } },
    overallComment: '',
    updatedAt: '2026-03-20T10:00:00.000Z',
    submittedAt: null,
    reopenedAt: null,
    reopenReason: null,
  })
  const stale = await e0.client.request('PUT', url(x01), { version: null, scores: {}, overallComment: 'x' })
  assert.equal(stale.status, 409)
  assert.equal(stale.body.code, 'evaluation_stale')
  assert.equal(stale.body.current.version, 1)
  const row = await t.db.selectFrom('evaluations').selectAll().where('id', '=', evaluationId).executeTakeFirstOrThrow()
  assert.equal(row.revision, 1)
  assert.equal(row.application_id, app1.id)
  assert.equal(row.user_id, e0.id)
  const mine = await e0.client.get('/api/v1/evaluation/my-assignments')
  assert.deepEqual(mine.body.calls[0].assignments[1].evaluation, {
    id: evaluationId,
    status: 'draft',
    completed: 0,
    submittedAt: null,
  })
})

test('submit: every gap named; then submitted, audited, read-only', async () => {
  const gaps = await e0.client.post(`${url(x01)}/submit`, { version: 1 })
  assert.equal(gaps.status, 400)
  assert.equal(gaps.body.code, 'evaluation_incomplete')
  assert.deepEqual(
    gaps.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['scores.excellence.comment', 'too_short'],
      ['scores.impact.score', 'required'],
      ['scores.impact.comment', 'too_short'],
      ['scores.implementation.score', 'required'],
      ['scores.implementation.comment', 'too_short'],
      ['overallComment', 'too_short'],
    ],
  )
  const saved = await e0.client.request('PUT', url(x01), {
    version: 1,
    scores: full,
    overallComment: 'A solid proposal overall, worth funding.',
  })
  assert.equal(saved.status, 200)
  assert.equal(saved.body.version, 2)
  clock.set('2026-03-21T08:30:00Z')
  const done = await e0.client.post(`${url(x01)}/submit`, { version: 2 })
  assert.equal(done.status, 200, JSON.stringify(done.body))
  assert.equal(done.body.status, 'submitted')
  assert.equal(done.body.version, 3)
  assert.equal(done.body.submittedAt, '2026-03-21T08:30:00.000Z')
  assert.deepEqual(done.body.scores, full)
  const events = await auditEvents(t.db, 'evaluation.submitted', evaluationId)
  assert.equal(events.length, 1)
  assert.deepEqual(events[0]!.change, {
    assignmentId: x01,
    applicationId: app1.id,
    revision: 1,
    scores: { excellence: 4.5, impact: 3, implementation: 2.5 },
  })
  const again = await e0.client.request('PUT', url(x01), { version: 3, scores: full, overallComment: 'Changed' })
  assert.equal(again.status, 409)
  assert.equal(again.body.code, 'evaluation_submitted')
  const mine = await e0.client.get('/api/v1/evaluation/my-assignments')
  assert.deepEqual(mine.body.calls[0].assignments[1].evaluation, {
    id: evaluationId,
    status: 'submitted',
    completed: 3,
    submittedAt: '2026-03-21T08:30:00.000Z',
  })
})

test('reopen: moderators only, with a reason; back to draft for the expert', async () => {
  const byExpert = await e0.client.post(`/api/v1/evaluations/${evaluationId}/reopen`, {
    reason: 'I want to change it.',
  })
  assert.equal(byExpert.status, 403)
  const short = await op.post(`/api/v1/evaluations/${evaluationId}/reopen`, { reason: 'Too short' })
  assert.equal(short.status, 400)
  const res = await op.post(`/api/v1/evaluations/${evaluationId}/reopen`, {
    reason: 'Please justify the impact score.',
  })
  assert.equal(res.status, 200)
  assert.equal(res.body.status, 'draft')
  assert.equal(res.body.version, 4)
  assert.equal(res.body.reopenedAt, '2026-03-21T08:30:00.000Z')
  assert.equal(res.body.reopenReason, 'Please justify the impact score.')
  const twice = await op.post(`/api/v1/evaluations/${evaluationId}/reopen`, {
    reason: 'Please justify the impact score.',
  })
  assert.equal(twice.status, 409)
  assert.equal(twice.body.code, 'evaluation_not_submitted')
  const events = await auditEvents(t.db, 'evaluation.reopened', evaluationId)
  assert.equal(events.length, 1)
  assert.equal(events[0]!.actor_id, f.operatorUser.id)
  const unknown = await op.post('/api/v1/evaluations/00000000-0000-4000-8000-000000000000/reopen', {
    reason: 'Please justify the impact score.',
  })
  assert.equal(unknown.status, 404)
  assert.equal(unknown.body.code, 'evaluation_not_found')
})

test('reminder: 48 h before the individual phase ends, once per expert and phase', async () => {
  // e1 has a draft on app0; e0 has app0 unconfirmed and a reopened draft on app1.
  const d = await e1.client.request('PUT', url(x10), { version: null, scores: {}, overallComment: 'Draft' })
  assert.equal(d.status, 200)
  clock.set('2026-04-08T14:59:00Z')
  await t.app.worker.runDue()
  assert.equal((await reminders()).length, 0)
  clock.set('2026-04-08T15:00:00Z')
  await t.app.worker.runDue()
  const sent = await reminders()
  assert.deepEqual(
    sent.map((n) => [n.user_id, n.params]),
    [e0, e1]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((e) => [
        e.id,
        {
          call: f.call.code,
          count: e === e0 ? '2' : '1',
          deadline: '2026-04-10 17:00',
          timeZone: 'Europe/Brussels',
          endsAt: '2026-04-10T15:00:00.000Z',
        },
      ]),
  )
  assert.ok(sent.every((n) => n.link === '/app/evaluations'))
  const mails = await t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject'])
    .where('template', '=', 'evaluation_reminder')
    .orderBy('to_address')
    .execute()
  assert.deepEqual(
    mails.map((m) => [m.to_address, m.subject]),
    [e0, e1]
      .map((e) => [e.email, `Evaluations due for ${f.call.code} by 2026-04-10 17:00`])
      .sort((a, b) => a[0]!.localeCompare(b[0]!)),
  )
  // The next daily sweep is scheduled; it sends nothing new.
  const next = await t.db
    .selectFrom('jobs')
    .select('run_at')
    .where('queue', '=', 'evaluation.reminders')
    .where('done_at', 'is', null)
    .execute()
  assert.deepEqual(
    next.map((j) => new Date(j.run_at).toISOString()),
    ['2026-04-09T15:00:00.000Z'],
  )
  clock.set('2026-04-09T15:00:00Z')
  await t.app.worker.runDue()
  assert.equal((await reminders()).length, 2)
  // Start-up's ensureReminderSweep adds nothing while a sweep is pending.
  await ensureReminderSweep(t.db, clock.now())
  const pending = await t.db
    .selectFrom('jobs')
    .select('run_at')
    .where('queue', '=', 'evaluation.reminders')
    .where('done_at', 'is', null)
    .execute()
  assert.deepEqual(
    pending.map((j) => new Date(j.run_at).toISOString()),
    ['2026-04-10T15:00:00.000Z'],
  )
})

test('the phase gate: closed individual phase stops writes, except a reopened evaluation until consensus ends', async () => {
  clock.set('2026-04-11T09:00:00Z')
  const closed = await e1.client.request('PUT', url(x10), { version: 1, scores: {}, overallComment: 'Late' })
  assert.equal(closed.status, 409)
  assert.equal(closed.body.code, 'evaluation_phase_closed')
  const view = await e1.client.get(url(x10))
  assert.equal(view.body.editable, false)
  const reopened = await e0.client.request('PUT', url(x01), {
    version: 4,
    scores: full,
    overallComment: 'A solid proposal overall; impact justified by the pilots.',
  })
  assert.equal(reopened.status, 200)
  const resubmitted = await e0.client.post(`${url(x01)}/submit`, { version: 5 })
  assert.equal(resubmitted.status, 200)
  assert.equal(resubmitted.body.status, 'submitted')
  clock.set('2026-04-25T09:00:00Z')
  await op.post(`/api/v1/evaluations/${evaluationId}/reopen`, { reason: 'Reopened after the consensus phase.' })
  const tooLate = await e0.client.request('PUT', url(x01), { version: 7, scores: full, overallComment: 'x' })
  assert.equal(tooLate.status, 409)
  assert.equal(tooLate.body.code, 'evaluation_phase_closed')
  clock.set('2026-03-20T10:00:00Z')
})

test('anonymised mode: no organisation or contact name reaches the expert', async () => {
  assert.equal(
    (await op.request('PUT', settingsUrl, { ...settingsInput, commentMinLength: 20, anonymised: true })).status,
    200,
  )
  const res = await e1.client.get(url(x10))
  assert.equal(res.status, 200)
  assert.equal(res.body.anonymised, true)
  assert.deepEqual(
    res.body.application.partners.map(
      (p: { label: string; name: string | null; contactName: string | null; contactEmail: string | null }) => [
        p.label,
        p.name,
        p.contactName,
        p.contactEmail,
      ],
    ),
    [
      ['A', null, null, null],
      ['B', null, null, null],
    ],
  )
  const text =
    JSON.stringify(res.body) + JSON.stringify((await e1.client.get('/api/v1/evaluation/my-assignments')).body)
  for (const p of app0.partners) assert.equal(text.includes(p.org.legalName), false)
  assert.equal(text.includes('Contact Person'), false)
  assert.equal(text.includes('contact@example.test'), false)
})

async function reminders() {
  return t.db
    .selectFrom('notifications')
    .select(['user_id', 'params', 'link'])
    .where('kind', '=', 'evaluation_reminder')
    .orderBy('user_id')
    .execute()
}
