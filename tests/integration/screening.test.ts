/**
 * Eligibility screening: the call's rules on every submitted application (current revision) with a
 * result per rule and its reason; idempotent re-runs that keep overrides; operators override with a
 * justification and decide admissibility (audited, the consortium notified in its language);
 * applicants read the outcome and the reasons but change nothing; outsiders see nothing.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { screenCall } from '../../server/modules/applications/index.ts'
import { FixedClock } from '../../server/platform/clock.ts'
import { enqueue } from '../../server/platform/jobs/queue.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { CLOSES_AT, createApplication, createScreeningCall, resubmit, standardFixture } from '../factories/screening.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res } from '../support/app.ts'

const clock = new FixedClock('2026-03-14T15:00:00Z')
const t = await createTestApp({ clock })
const f = await standardFixture(t.db, t.programmeId, 'SCR-1')
const operatorUser = await createUser(t.db, t.programmeId, { programmeRole: 'operator', name: 'Olga Operator' })
const operator = await signedIn(t, operatorUser)
const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
const leadA = await signedIn(t, f.o.societe.member) // lead of ALPHA (French)
const partnerA = await signedIn(t, f.o.osz.member) // partner of ALPHA
const leadB = await signedIn(t, f.o.lyon.member) // lead of BRAVO
const outsider = await signedIn(t, await createUser(t.db, t.programmeId))
const declinedMember = await signedIn(t, f.o.italy.member) // declined CHARLIE's invitation
// A second call, closed by its job (as published calls are), with one application.
const second = await createScreeningCall(t.db, t.programmeId, 'SCR-2', ['D1-C1'])
const golf = await createApplication(t.db, {
  callId: second.id,
  callCode: 'SCR-2',
  acronym: 'GOLF',
  challengeCode: 'D1-C1',
  partners: [
    { org: f.o.societe, requested: 30_000 },
    { org: f.o.brugse, requested: 30_000 },
  ],
  submissions: [new Date('2026-03-13T10:00:00Z')],
})
await enqueue(t.db, 'calls.close', { callId: second.id, at: CLOSES_AT.toISOString() }, CLOSES_AT)

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

type Result = { rule: string; outcome: string; reason: { code: string; params: Record<string, unknown> } }
const outcomes = (view: { results: Result[] }) => Object.fromEntries(view.results.map((r) => [r.rule, r.outcome]))
const result = (view: { results: Result[] }, rule: string) => view.results.find((r) => r.rule === rule)!

test('before the deadline nothing is screened: the route refuses, applicants see an empty outcome', async () => {
  const early = await operator.post(`/api/v1/calls/${f.call.id}/screen`)
  assert.equal(early.status, 409)
  assert.equal(early.body.code, 'call_transition_refused')
  const view = ok(await leadA.get(`/api/v1/applications/${f.a.id}/eligibility`))
  assert.deepEqual(view, {
    screenedAt: null,
    revision: null,
    results: [],
    admissibility: 'pending',
    admissibilityReason: null,
  })
  // Nobody but operators screens.
  clock.set(CLOSES_AT)
  for (const c of [staff, leadA, outsider])
    assert.equal((await c.post(`/api/v1/calls/${f.call.id}/screen`)).status, 403)
  assert.equal((await t.client().post(`/api/v1/calls/${f.call.id}/screen`)).status, 401)
})

test('at the deadline every submitted application gets one result per rule, with its reason', async () => {
  clock.set(CLOSES_AT) // exactly the deadline: the call is closed
  const summary = ok(await operator.post(`/api/v1/calls/${f.call.id}/screen`))
  assert.deepEqual(summary, {
    callId: f.call.id,
    screenedAt: CLOSES_AT.toISOString(),
    applications: 4,
    eligible: 1,
    failing: 3,
    withWarnings: 0,
    overridesKept: 0,
    overridesDropped: 0,
  })
  const rows = await t.db
    .selectFrom('eligibility_results')
    .select(['application_id', 'revision'])
    .where('application_id', 'in', [f.a.id, f.b.id, f.c.id, f.d.id, f.draft.id, f.withdrawn.id])
    .execute()
  const perApp = (id: string) => rows.filter((r) => r.application_id === id)
  assert.equal(perApp(f.a.id).length, 12)
  assert.equal(perApp(f.b.id).length, 12)
  assert.equal(perApp(f.draft.id).length, 0, 'drafts are not screened')
  assert.equal(perApp(f.withdrawn.id).length, 0, 'withdrawn applications are not screened')
  assert.ok(
    perApp(f.b.id).every((r) => r.revision === 2),
    'the current revision (2) of BRAVO is the one screened',
  )

  const a = ok(await operator.get(`/api/v1/applications/${f.a.id}/eligibility`))
  assert.equal(a.screenedAt, CLOSES_AT.toISOString())
  assert.equal(a.revision, 1)
  assert.ok(
    a.results.every((r: Result) => r.outcome === 'pass'),
    JSON.stringify(a.results),
  )
  // The organisations of the draft and the withdrawn application are not "in another application".
  assert.equal(result(a, 'one_application_per_organisation').reason.code, 'single_application_per_organisation')
  assert.deepEqual(result(a, 'budget_per_project').reason, {
    code: 'project_budget_ok',
    params: { requestedCents: 8_000_000, maxCents: 8_800_000 },
  })

  const b = ok(await operator.get(`/api/v1/applications/${f.b.id}/eligibility`))
  assert.deepEqual(outcomes(b), {
    consortium_size: 'pass',
    minimum_smes: 'pass',
    minimum_countries: 'fail',
    eligible_countries: 'pass',
    end_user_involved: 'pass',
    not_linked_to_programme_partners: 'pass',
    one_application_per_organisation: 'pass',
    budget_per_project: 'fail',
    budget_per_third_party: 'fail',
    trl_window: 'pass',
    declarations_signed: 'pass',
    form_complete: 'pass',
  })
  assert.deepEqual(result(b, 'budget_per_project').reason, {
    code: 'project_budget_exceeded',
    params: { requestedCents: 10_000_000, maxCents: 8_800_000 },
  })
  assert.equal(result(b, 'budget_per_third_party').reason.code, 'third_party_budget_exceeded')
  assert.equal(result(b, 'budget_per_third_party').reason.params.name, 'Lyon Sentinelle SAS')
  assert.equal(result(b, 'budget_per_third_party').reason.params.requestedCents, 7_000_000)
  assert.deepEqual(result(b, 'minimum_countries').reason, { code: 'countries_too_few', params: { count: 1, min: 2 } })

  const c = ok(await operator.get(`/api/v1/applications/${f.c.id}/eligibility`))
  assert.equal(result(c, 'eligible_countries').outcome, 'fail')
  assert.equal(result(c, 'eligible_countries').reason.code, 'country_not_eligible')
  assert.equal(result(c, 'eligible_countries').reason.params.country, 'US')
  assert.equal(result(c, 'eligible_countries').reason.params.name, 'Acme Sensors Inc.')
  assert.equal(result(c, 'minimum_smes').outcome, 'pass', 'the declined partner does not count, the two SMEs do')
  assert.equal(result(c, 'consortium_size').reason.params.count, 3)

  const d = ok(await operator.get(`/api/v1/applications/${f.d.id}/eligibility`))
  assert.deepEqual(result(d, 'minimum_smes').reason, { code: 'smes_too_few', params: { count: 1, min: 2 } })
  assert.equal(result(d, 'minimum_smes').outcome, 'fail')

  const call = await t.db
    .selectFrom('calls')
    .select('screened_at')
    .where('id', '=', f.call.id)
    .executeTakeFirstOrThrow()
  assert.equal(new Date(call.screened_at!).toISOString(), CLOSES_AT.toISOString())
  const audit = await auditEvents(t.db, 'call.screened', f.call.id)
  assert.equal(audit.length, 1)
  assert.equal(audit[0]!.actor_id, operatorUser.id)
  const change = audit[0]!.change as { applications: number; failing: number; byRule: Record<string, unknown> }
  assert.equal(change.applications, 4)
  assert.equal(change.failing, 3)
  assert.deepEqual(change.byRule.budget_per_project, { fail: 1, warning: 0 })
})

test('applicants of the consortium read the outcome and the reasons; nobody else does', async () => {
  const asLead = ok(await leadB.get(`/api/v1/applications/${f.b.id}/eligibility`))
  assert.equal(result(asLead, 'budget_per_project').reason.code, 'project_budget_exceeded')
  const asPartner = ok(await partnerA.get(`/api/v1/applications/${f.a.id}/eligibility`))
  assert.equal(asPartner.results.length, 12)
  assert.equal(ok(await staff.get(`/api/v1/applications/${f.b.id}/eligibility`)).results.length, 12)
  for (const [who, id] of [
    [outsider, f.a.id],
    [leadA, f.b.id],
    [declinedMember, f.c.id],
  ] as const) {
    const res = await who.get(`/api/v1/applications/${id}/eligibility`)
    assert.equal(res.status, 404)
    assert.equal(res.body.code, 'application_not_found')
  }
  assert.equal((await t.client().get(`/api/v1/applications/${f.a.id}/eligibility`)).status, 401)
  // The application itself carries the same outcome (the applications module embeds this view).
  const app = ok(await leadB.get(`/api/v1/applications/${f.b.id}`))
  assert.deepEqual(app.eligibility, asLead)
})

test('an override needs a written justification, is audited and is kept by a new screening', async () => {
  const url = `/api/v1/applications/${f.b.id}/eligibility/minimum_countries/override`
  const short = await operator.post(url, { outcome: 'pass', justification: 'too short' })
  assert.equal(short.status, 400)
  assert.equal(short.body.errors[0].path, 'justification')
  const missing = await operator.post(url, { outcome: 'pass' })
  assert.equal(missing.status, 400)
  // Applicants see the outcome but cannot change it; neither can staff or outsiders.
  for (const c of [leadB, staff, outsider]) {
    const res = await c.post(url, { outcome: 'pass', justification: 'We are really cross-border.' })
    assert.equal(res.status, 403)
    assert.equal(res.body.code, 'forbidden')
  }
  const unknown = await operator.post(`/api/v1/applications/${f.b.id}/eligibility/no_such_rule/override`, {
    outcome: 'pass',
    justification: 'A justification long enough.',
  })
  assert.equal(unknown.status, 404)
  const notScreened = await operator.post(`/api/v1/applications/${f.draft.id}/eligibility/minimum_countries/override`, {
    outcome: 'pass',
    justification: 'A justification long enough.',
  })
  assert.equal(notScreened.status, 409)
  assert.equal(notScreened.body.code, 'application_transition_refused')

  const justification = 'The Paris partner has its R&D site in Belgium (checked with the national register).'
  const view = ok(await operator.post(url, { outcome: 'pass', justification }))
  const r = view.results.find((x: Result) => x.rule === 'minimum_countries')
  assert.equal(r.outcome, 'fail', 'the automatic result stays recorded')
  assert.deepEqual(r.override, { outcome: 'pass', justification, at: CLOSES_AT.toISOString() })
  const audit = await auditEvents(t.db, 'application.eligibility_overridden', f.b.id)
  assert.equal(audit.length, 1)
  assert.equal(audit[0]!.actor_id, operatorUser.id)
  assert.deepEqual((audit[0]!.change as { after: unknown }).after, { outcome: 'pass' })
  assert.equal((audit[0]!.change as { justification: string }).justification, justification)

  // The list shows the rules that still fail, overrides counted.
  const list = ok(await operator.get(`/api/v1/calls/${f.call.id}/applications?q=BRAVO`))
  assert.deepEqual(list.items[0].failedRules, ['budget_per_project', 'budget_per_third_party'])

  // A re-run (the close job, as the system) replaces the automatic results and keeps the override.
  clock.advance(60_000)
  const again = await screenCall(t.db, f.call.id, clock)
  assert.equal(again.overridesKept, 1)
  assert.equal(again.overridesDropped, 0)
  assert.equal(again.applications, 4)
  const after = ok(await leadB.get(`/api/v1/applications/${f.b.id}/eligibility`))
  const kept = after.results.find((x: Result) => x.rule === 'minimum_countries')
  assert.equal(kept.override.justification, justification)
  assert.equal(after.screenedAt, clock.now().toISOString())
  const runs = await auditEvents(t.db, 'call.screened', f.call.id)
  assert.equal(runs.length, 2)
  assert.equal(runs[1]!.actor_id, null, 'the second run was the system')
})

test('a resubmitted revision is screened afresh: an override of the older revision is dropped', async () => {
  // BRAVO asks for less in a third revision (as if resubmitted before the deadline).
  await resubmit(t.db, f.b, new Date('2026-03-14T15:30:00Z'), (part) => ({
    ...part,
    budget: { ...part.budget, requestedCents: Math.min(part.budget.requestedCents, 4_000_000) },
  }))
  clock.advance(60_000)
  const summary = await screenCall(t.db, f.call.id, clock)
  assert.equal(summary.overridesKept, 0)
  assert.equal(summary.overridesDropped, 1)
  const b = ok(await operator.get(`/api/v1/applications/${f.b.id}/eligibility`))
  assert.equal(b.revision, 3)
  assert.equal(result(b, 'budget_per_project').outcome, 'pass')
  assert.equal(result(b, 'budget_per_third_party').outcome, 'pass')
  assert.equal(result(b, 'minimum_countries').outcome, 'fail')
  assert.equal(b.results.find((x: Result) => x.rule === 'minimum_countries').override, null)
})

test('admissibility: a reason for "inadmissible", audited, the consortium notified in its language', async () => {
  const url = (id: string) => `/api/v1/applications/${id}/admissibility`
  const noReason = await operator.post(url(f.c.id), { decision: 'inadmissible' })
  assert.equal(noReason.status, 400)
  assert.deepEqual(
    noReason.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['reason', 'required']],
  )
  for (const c of [leadA, staff, outsider])
    assert.equal((await c.post(url(f.a.id), { decision: 'admissible' })).status, 403)
  const draft = await operator.post(url(f.draft.id), { decision: 'admissible' })
  assert.equal(draft.status, 409)
  assert.equal(
    (await operator.post(url('00000000-0000-4000-8000-000000000000'), { decision: 'admissible' })).status,
    404,
  )

  const reason = 'A partner is established outside the eligible countries.'
  const c = ok(await operator.post(url(f.c.id), { decision: 'inadmissible', reason }))
  assert.equal(c.admissibility, 'inadmissible')
  assert.equal(c.admissibilityReason, reason)
  const audit = await auditEvents(t.db, 'application.admissibility_decided', f.c.id)
  assert.equal(audit.length, 1)
  assert.deepEqual((audit[0]!.change as { after: unknown }).after, { decision: 'inadmissible', reason })

  // Members of the lead and of the accepted partners (not of the declined one), in-app and by mail.
  const notified = await t.db
    .selectFrom('notifications')
    .select('user_id')
    .where('kind', '=', 'application_inadmissible')
    .where('subject_id', '=', f.c.id)
    .execute()
  assert.deepEqual(
    notified.map((n) => n.user_id).sort(),
    [f.o.brugse.member.id, f.o.nordic.member.id, f.o.acme.member.id].sort(),
  )
  const mails = await t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject', 'text_body'])
    .where('template', '=', 'application_inadmissible')
    .execute()
  assert.equal(mails.length, 3)
  const dutch = mails.find((m) => m.to_address === f.o.brugse.member.email.toLowerCase())!
  assert.equal(dutch.subject, `Aanvraag ${f.c.reference} is niet ontvankelijk`)
  assert.match(dutch.text_body, /A partner is established outside the eligible countries\./)
  assert.match(dutch.text_body, new RegExp(`/app/applications/${f.c.id}`))
  const english = mails.find((m) => m.to_address === f.o.acme.member.email.toLowerCase())!
  assert.equal(english.subject, `Application ${f.c.reference} is not admissible`)
  assert.match(english.text_body, /Rules not met:\n- Eligible countries/)

  // "Admissible" for ALPHA: the French lead reads it in French.
  ok(await operator.post(url(f.a.id), { decision: 'admissible' }))
  const french = await t.db
    .selectFrom('mail_messages')
    .select(['subject', 'text_body'])
    .where('template', '=', 'application_admissible')
    .where('to_address', '=', f.o.societe.member.email.toLowerCase())
    .executeTakeFirstOrThrow()
  assert.equal(french.subject, `La candidature ${f.a.reference} est recevable`)
  // The same decision again notifies nobody a second time.
  ok(await operator.post(url(f.a.id), { decision: 'admissible' }))
  const again = await t.db
    .selectFrom('notifications')
    .select('id')
    .where('kind', '=', 'application_admissible')
    .where('subject_id', '=', f.a.id)
    .execute()
  assert.equal(again.length, 2, 'two members (lead and partner), once each')
  // The applicants read the decision.
  const seen = ok(await partnerA.get(`/api/v1/applications/${f.a.id}/eligibility`))
  assert.equal(seen.admissibility, 'admissible')
})

test('the close job screens the call at the deadline (through onCallClosed), once', async () => {
  clock.set(new Date(CLOSES_AT.getTime() + 5_000))
  const early = await operator.post(`/api/v1/applications/${golf.id}/eligibility/budget_per_project/override`, {
    outcome: 'fail',
    justification: 'Checked the budget table by hand.',
  })
  assert.equal(early.status, 409)
  assert.equal(early.body.code, 'application_not_screened')
  await t.app.worker.runDue()
  const view = ok(await leadA.get(`/api/v1/applications/${golf.id}/eligibility`))
  assert.equal(view.results.length, 12)
  assert.ok(
    view.results.every((r: Result) => r.outcome === 'pass'),
    JSON.stringify(view.results),
  )
  assert.equal(view.screenedAt, clock.now().toISOString())
  const call = await t.db
    .selectFrom('calls')
    .select('screened_at')
    .where('id', '=', second.id)
    .executeTakeFirstOrThrow()
  assert.equal(new Date(call.screened_at!).toISOString(), clock.now().toISOString())
  const audit = await auditEvents(t.db, 'call.screened', second.id)
  assert.equal(audit.length, 1, 'one event, with the counts')
  assert.equal(audit[0]!.actor_id, null)
  assert.equal((audit[0]!.change as { applications: number }).applications, 1)
})
