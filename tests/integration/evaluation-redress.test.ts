/**
 * Redress (issue 7 §11): the applicant's members file within the window (default: until the end of the
 * 5th calendar day after notification, in the call's time zone), one open request at a time; it is due
 * 15 working days (Monday–Friday, except the public holidays the call's settings declare) after filing;
 * operators list (filter, search, paging, overdue) and handle it once; the applicant is notified;
 * everything is audited.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { ok } from '../factories/consortia.ts'
import { evaluationFixture } from '../factories/evaluation.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { createTestApp } from '../support/app.ts'

// Wednesday 1 April 2026, 10:00 in Brussels.
const clock = new FixedClock('2026-04-01T08:00:00Z')
const t = await createTestApp({ clock })
const fx = await evaluationFixture(t, { applications: 2, experts: 1 })
const [A, B] = fx.applications as [(typeof fx.applications)[0], (typeof fx.applications)[0]]
const callId = fx.call.id
const leadA = await signedIn(t, A.partners[0]!.org.member)
const partnerA = await signedIn(t, A.partners[1]!.org.member)
const leadB = await signedIn(t, B.partners[0]!.org.member)

await t.db
  .insertInto('selection_scenarios')
  .values({
    call_id: callId,
    name: 'Adopted',
    params: JSON.stringify({
      budgetCents: 7_000_000,
      quotas: [],
      perOrganisationCapCents: 6_000_000,
      maxPerCountry: null,
    }),
    result: JSON.stringify({
      status: 'optimal',
      budgetCents: 7_000_000,
      spentCents: 7_000_000,
      objective: 1,
      selected: [{ applicationId: A.id, rank: 1, grantedCents: 7_000_000 }],
      reserve: [],
      out: [{ applicationId: B.id, rank: 2 }],
      explanations: {
        [A.id]: { status: 'selected', code: 'selected_in_rank_order', params: {} },
        [B.id]: { status: 'out', code: 'over_budget', params: {} },
      },
    }),
    status: 'adopted',
    created_at: new Date('2026-03-30T09:00:00Z'),
    adopted_at: new Date('2026-03-30T09:00:00Z'),
  })
  .execute()
ok(await fx.operator.post(`/api/v1/calls/${callId}/evaluation/decisions`), 201)
ok(await fx.operator.post(`/api/v1/calls/${callId}/evaluation/decisions/notify`))

const redressUrl = (id: string) => `/api/v1/applications/${id}/evaluation-result/redress`
const listUrl = `/api/v1/calls/${callId}/evaluation/redress`
const grounds = 'The consensus comment on impact ignores the pilot with the port authority described in section 2.'

test('grounds of at least 50 characters; members only', async () => {
  const short = await leadA.post(redressUrl(A.id), { grounds: 'Too short.' })
  assert.equal(short.status, 400)
  assert.equal(short.body.code, 'validation_failed')
  const other = await leadB.post(redressUrl(A.id), { grounds })
  assert.equal(other.status, 404)
  assert.equal(other.body.code, 'application_not_found')
  const expert = await fx.experts[0]!.client.post(redressUrl(A.id), { grounds })
  assert.equal(expert.status, 404)
})

test('a partner files on Thursday 2 April: due at the end of the 15th working day (Thursday 23 April); one open at a time', async () => {
  clock.set('2026-04-02T12:00:00Z')
  const r = ok(await partnerA.post(redressUrl(A.id), { grounds }), 201)
  assert.equal(r.redress.requests.length, 1)
  assert.deepEqual(r.redress.requests[0], {
    id: r.redress.requests[0].id,
    status: 'open',
    grounds,
    filedAt: '2026-04-02T12:00:00.000Z',
    dueAt: '2026-04-23T21:59:59.999Z',
    outcome: null,
    handledAt: null,
  })
  assert.equal(r.redress.canFile, false)
  const again = await leadA.post(redressUrl(A.id), { grounds })
  assert.equal(again.status, 409)
  assert.equal(again.body.code, 'redress_exists')
  const audit = await auditEvents(t.db, 'evaluation.redress_filed', r.redress.requests[0].id)
  assert.equal(audit.length, 1)
  const toOperator = await t.db
    .selectFrom('notifications')
    .select(['link', 'kind'])
    .where('user_id', '=', fx.operatorUser.id)
    .where('kind', '=', 'redress_filed')
    .execute()
  assert.deepEqual(toOperator, [{ link: `/app/evaluation/${callId}/redress`, kind: 'redress_filed' }])
})

test('the window closes at the end of the 5th calendar day after notification, local time', async () => {
  clock.set('2026-04-06T22:00:00Z')
  const late = await leadB.post(redressUrl(B.id), { grounds })
  assert.equal(late.status, 409)
  assert.equal(late.body.code, 'redress_window_closed')
  assert.equal(late.body.windowEndsAt, '2026-04-06T21:59:59.999Z')
  clock.set('2026-04-06T21:59:59.999Z')
  const last = ok(await leadB.post(redressUrl(B.id), { grounds }), 201)
  // Filed late on Monday 6 April: 15 working days later is Monday 27 April.
  assert.equal(last.redress.requests[0].dueAt, '2026-04-27T21:59:59.999Z')
})

test('operators list with due dates, overdue flag, filters, search and paging; others may not', async () => {
  clock.set('2026-04-24T08:00:00Z')
  const all = ok(await fx.operator.get(listUrl))
  assert.equal(all.total, 2)
  assert.equal(all.timeZone, 'Europe/Brussels')
  assert.deepEqual(
    all.items.map((i: Record<string, unknown>) => [i.reference, i.status, i.dueAt, i.overdue, i.decision]),
    [
      [A.reference, 'open', '2026-04-23T21:59:59.999Z', true, 'funded'],
      [B.reference, 'open', '2026-04-27T21:59:59.999Z', false, 'rejected'],
    ],
  )
  assert.equal(all.items[0].filedBy, A.partners[1]!.org.member.name)
  const overdue = ok(await fx.operator.get(`${listUrl}?status=overdue`))
  assert.deepEqual(
    overdue.items.map((i: { reference: string }) => i.reference),
    [A.reference],
  )
  const search = ok(await fx.operator.get(`${listUrl}?q=${encodeURIComponent(B.acronym.toLowerCase())}`))
  assert.deepEqual(
    search.items.map((i: { reference: string }) => i.reference),
    [B.reference],
  )
  const page2 = ok(await fx.operator.get(`${listUrl}?pageSize=1&page=2`))
  assert.equal(page2.total, 2)
  assert.deepEqual(
    page2.items.map((i: { reference: string }) => i.reference),
    [B.reference],
  )
  assert.equal((await leadA.get(listUrl)).status, 403)
  assert.equal((await fx.experts[0]!.client.get(listUrl)).status, 403)
})

test('an operator handles a request once; the applicant is notified and reads the outcome', async () => {
  const list = ok(await fx.operator.get(`${listUrl}?status=open`))
  const id = list.items.find((i: { reference: string }) => i.reference === A.reference).id
  const url = `${listUrl}/${id}/handle`
  const body = { status: 'partially_upheld', outcome: 'The impact score is raised to 3.5; the ranking is unchanged.' }
  assert.equal((await leadA.post(url, body)).status, 403)
  const bad = await fx.operator.post(url, { status: 'open', outcome: 'x' })
  assert.equal(bad.status, 400)
  const handled = ok(await fx.operator.post(url, body))
  assert.equal(handled.status, 'partially_upheld')
  assert.equal(handled.handledAt, '2026-04-24T08:00:00.000Z')
  assert.equal(handled.overdue, true)
  assert.equal(handled.handledBy, fx.operatorUser.name)
  const twice = await fx.operator.post(url, { status: 'dismissed', outcome: 'Changed my mind on this.' })
  assert.equal(twice.status, 409)
  assert.equal(twice.body.code, 'redress_handled')
  const audit = await auditEvents(t.db, 'evaluation.redress_handled', id)
  assert.deepEqual(audit[0]!.change, {
    applicationId: A.id,
    from: 'open',
    to: 'partially_upheld',
    outcome: body.outcome,
    late: true,
  })
  const mails = await t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'text_body'])
    .where('template', '=', 'redress_handled')
    .orderBy('to_address')
    .execute()
  assert.deepEqual(
    mails.map((m) => m.to_address),
    A.partners.map((p) => p.org.member.email.toLowerCase()).sort(),
  )
  assert.match(mails[0]!.text_body, /has been handled: Partially upheld\./)
  const r = ok(await leadA.get(`/api/v1/applications/${A.id}/evaluation-result`))
  assert.equal(r.redress.requests[0].status, 'partially_upheld')
  assert.equal(r.redress.requests[0].outcome, body.outcome)
  assert.equal(r.redress.windowOpen, false)
  assert.equal(r.redress.canFile, false)
  const handledList = ok(await fx.operator.get(`${listUrl}?status=handled`))
  assert.deepEqual(
    handledList.items.map((i: { reference: string }) => i.reference),
    [A.reference],
  )
})

test('the call’s public holidays are not working days: Easter Monday declared moves the due date', async () => {
  const settingsUrl = `/api/v1/calls/${callId}/evaluation/settings`
  const {
    callId: _c,
    stored: _s,
    locked: _l,
    criteria: _cr,
    scale: _sc,
    totalThreshold: _tt,
    ...input
  } = ok(await fx.operator.get(settingsUrl))
  ok(await fx.operator.request('PUT', settingsUrl, { ...input, redressHolidays: ['2026-04-06'] }))
  // A's request is handled: its members may file again while the window is open. Friday 3 April, 12:00:
  // 15 working days from Tuesday 7 April end on Monday 27 April (Friday 24 April without the holiday).
  clock.set('2026-04-03T10:00:00Z')
  const r = ok(await leadA.post(redressUrl(A.id), { grounds }), 201)
  const filed = r.redress.requests.find((q: { status: string }) => q.status === 'open')
  assert.equal(filed.dueAt, '2026-04-27T21:59:59.999Z')
  const list = ok(await fx.operator.get(`${listUrl}?status=open`))
  assert.equal(list.items.find((i: { id: string }) => i.id === filed.id).dueAt, '2026-04-27T21:59:59.999Z')
  const audit = await auditEvents(t.db, 'evaluation.redress_filed', filed.id)
  assert.equal((audit[0]!.change as { dueAt: string }).dueAt, '2026-04-27T21:59:59.999Z')
})
