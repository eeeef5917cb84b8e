/**
 * Decisions (issue 7 §10): taken once from the adopted scenario, notified once (in-app + e-mail with
 * the evaluation summary PDF in the reader's language), read by the applicant's members only — with
 * consensus scores and comments and NO expert identity nor individual evaluation — answered by the
 * lead (explicit acceptance of a cut), and a decline promotes the first reserve that fits.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { PDFDocument } from 'pdf-lib'
import { FixedClock } from '../../server/platform/clock.ts'
import { ok } from '../factories/consortia.ts'
import { assign, evaluationFixture } from '../factories/evaluation.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'
import { pdfText } from './receipts-pdf-text.ts'

const clock = new FixedClock('2026-04-01T08:00:00Z')
const t = await createTestApp({ clock })
const fx = await evaluationFixture(t, { applications: 5, experts: 3 })
const [A0, A1, A2, A3, A4] = fx.applications as [
  (typeof fx.applications)[0],
  (typeof fx.applications)[0],
  (typeof fx.applications)[0],
  (typeof fx.applications)[0],
  (typeof fx.applications)[0],
]
const callId = fx.call.id
const lead = async (a: typeof A0) => signedIn(t, a.partners[0]!.org.member)
const partner = async (a: typeof A0) => signedIn(t, a.partners[1]!.org.member)
const SECRET = 'EXPERT-PRIVATE-REMARK that no applicant may ever read'

// Individual evaluations with identifiable content, then a final consensus per application.
for (const [i, app] of fx.applications.entries()) {
  for (const expert of fx.experts) {
    const assignmentId = await assign(t.db, callId, app.id, expert.id)
    await t.db
      .insertInto('evaluations')
      .values({
        assignment_id: assignmentId,
        call_id: callId,
        application_id: app.id,
        user_id: expert.id,
        revision: 1,
        scores: JSON.stringify({
          excellence: { score: 4, comment: `${SECRET} by ${expert.name} <${expert.email}>` },
        }),
        overall_comment: `${SECRET} (${expert.name})`,
        status: 'submitted',
        created_at: new Date('2026-03-16T09:00:00Z'),
        updated_at: new Date('2026-03-16T09:00:00Z'),
        submitted_at: new Date('2026-03-16T09:00:00Z'),
      })
      .execute()
  }
  const base = 4.5 - i * 0.5
  await t.db
    .insertInto('consensus_records')
    .values({
      application_id: app.id,
      call_id: callId,
      scores: JSON.stringify({
        excellence: { score: base, comment: `Excellence consensus ${i}`, justification: `JUSTIFY-${i}` },
        impact: { score: base - 0.5, comment: `Impact consensus ${i}`, justification: '' },
        implementation: { score: 4, comment: `Implementation consensus ${i}`, justification: '' },
      }),
      overall_comment: `Overall consensus ${i}`,
      minority_view: `MINORITY-${i} held by ${fx.experts[0]!.name}`,
      status: 'final',
      recorded_by: fx.operatorUser.id,
      recorded_at: new Date('2026-03-25T09:00:00Z'),
      finalised_at: new Date('2026-03-25T09:00:00Z'),
      finalised_by: fx.operatorUser.id,
    })
    .execute()
}

const explanation = (status: string, code: string, params: Record<string, unknown> = {}) => ({ status, code, params })
const scenario = await t.db
  .insertInto('selection_scenarios')
  .values({
    call_id: callId,
    name: 'Budget 140k',
    params: JSON.stringify({
      budgetCents: 14_000_000,
      quotas: [],
      perOrganisationCapCents: 6_000_000,
      maxPerCountry: null,
    }),
    result: JSON.stringify({
      status: 'optimal',
      budgetCents: 14_000_000,
      spentCents: 13_500_000,
      objective: 2,
      selected: [
        { applicationId: A0.id, rank: 1, grantedCents: 7_000_000 },
        { applicationId: A1.id, rank: 2, grantedCents: 6_500_000 },
      ],
      reserve: [
        { applicationId: A2.id, rank: 3, reserveRank: 1 },
        { applicationId: A3.id, rank: 4, reserveRank: 2 },
      ],
      out: [{ applicationId: A4.id, rank: null }],
      explanations: {
        [A0.id]: explanation('selected', 'selected_in_rank_order'),
        [A1.id]: explanation('selected', 'selected_capped', { capCents: 6_500_000 }),
        [A2.id]: explanation('reserve', 'over_budget', { missingCents: 6_500_000 }),
        [A3.id]: explanation('reserve', 'over_budget', { missingCents: 6_500_000 }),
        [A4.id]: explanation('out', 'criterion_threshold', { criterionId: 'impact', score: 2, threshold: 3 }),
      },
    }),
    status: 'draft',
    created_by: fx.operatorUser.id,
    created_at: new Date('2026-03-30T09:00:00Z'),
  })
  .returning('id')
  .executeTakeFirstOrThrow()

const decisionsUrl = `/api/v1/calls/${callId}/evaluation/decisions`
const resultUrl = (id: string) => `/api/v1/applications/${id}/evaluation-result`
const mails = (template: string) =>
  t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject', 'text_body', 'attachments'])
    .where('template', '=', template)
    .orderBy('to_address')
    .execute()

test('without an adopted scenario nothing is decided; applicants and experts may not decide', async () => {
  const r = await fx.operator.post(decisionsUrl)
  assert.equal(r.status, 409)
  assert.equal(r.body.code, 'scenario_not_adopted')
  const applicant = await (await lead(A0)).post(decisionsUrl)
  assert.equal(applicant.status, 403)
  const expert = await fx.experts[0]!.client.post(decisionsUrl)
  assert.equal(expert.status, 403)
  const board = ok(await fx.operator.get(decisionsUrl))
  assert.equal(board.scenario, null)
  assert.deepEqual(board.items, [])
})

test('decisions come from the adopted scenario: funded, reserve, rejected with amounts, ranks and reasons; once', async () => {
  await t.db
    .updateTable('selection_scenarios')
    .set({ status: 'adopted', adopted_at: new Date('2026-03-31T09:00:00Z'), adopted_by: fx.operatorUser.id })
    .where('id', '=', scenario.id)
    .execute()
  const before = ok(await fx.operator.get(decisionsUrl))
  assert.deepEqual(before.scenario, {
    id: scenario.id,
    name: 'Budget 140k',
    adoptedAt: '2026-03-31T09:00:00.000Z',
    budgetCents: 14_000_000,
    spentCents: 13_500_000,
    selected: 2,
    reserve: 2,
    out: 1,
  })
  const board = ok(await fx.operator.post(decisionsUrl), 201)
  assert.deepEqual(
    board.items.map((i: Record<string, unknown>) => [
      i.reference,
      i.outcome,
      i.rank,
      i.reserveRank,
      i.requestedCents,
      i.grantedCents,
      (i.reason as { code: string }).code,
      i.notifiedAt,
    ]),
    [
      [A0.reference, 'funded', 1, null, 7_000_000, 7_000_000, 'selected_in_rank_order', null],
      [A1.reference, 'funded', 2, null, 7_000_000, 6_500_000, 'selected_capped', null],
      [A2.reference, 'reserve', 3, 1, 7_000_000, null, 'over_budget', null],
      [A3.reference, 'reserve', 4, 2, 7_000_000, null, 'over_budget', null],
      [A4.reference, 'rejected', null, null, 7_000_000, null, 'criterion_threshold', null],
    ],
  )
  assert.deepEqual(board.counts, { funded: 2, reserve: 2, rejected: 1 })
  assert.equal(board.budgetCents, 14_000_000)
  assert.equal(board.committedCents, 13_500_000)
  assert.equal(board.notifiedAt, null)
  assert.equal(board.items[0].decidedAt, '2026-04-01T08:00:00.000Z')
  const audit = await auditEvents(t.db, 'evaluation.decisions_taken', callId)
  assert.equal(audit.length, 1)
  assert.deepEqual((audit[0]!.change as { funded: string[] }).funded, [A0.id, A1.id])
  const again = await fx.operator.post(decisionsUrl)
  assert.equal(again.status, 409)
  assert.equal(again.body.code, 'decisions_exist')
})

test('before notification the applicant sees nothing (404); outsiders never', async () => {
  const r = await (await lead(A0)).get(resultUrl(A0.id))
  assert.equal(r.status, 404)
  assert.equal(r.body.code, 'decision_not_found')
  const outsider = await (await lead(A1)).get(resultUrl(A0.id))
  assert.equal(outsider.status, 404)
  assert.equal(outsider.body.code, 'application_not_found')
})

test('before notification an operator may cut a funded amount, with a reason; never above the request', async () => {
  const grant = (id: string) => `${decisionsUrl}/${id}/grant`
  const reason = 'Travel costs of the pilot are not eligible under the call rules.'
  const cut = ok(await fx.operator.put(grant(A0.id), { grantedCents: 6_000_000, reason }))
  const item = cut.items.find((i: Record<string, unknown>) => i.applicationId === A0.id)
  assert.deepEqual([item.grantedCents, item.adjustmentReason], [6_000_000, reason])
  assert.equal(cut.committedCents, 12_500_000)
  const above = await fx.operator.put(grant(A0.id), { grantedCents: 7_000_001, reason })
  assert.equal(above.status, 400)
  assert.deepEqual(
    above.body.errors.map((e: { path: string }) => e.path),
    ['grantedCents'],
  )
  const reserve = await fx.operator.put(grant(A2.id), { grantedCents: 1_000_000, reason })
  assert.deepEqual([reserve.status, reserve.body.code], [409, 'decision_not_adjustable'])
  const applicant = await (await lead(A0)).put(grant(A0.id), { grantedCents: 7_000_000, reason })
  assert.equal(applicant.status, 403)
  // Restored to the full request: no cut, no reason.
  const back = ok(
    await fx.operator.put(grant(A0.id), {
      grantedCents: 7_000_000,
      reason: 'The travel costs are eligible after all.',
    }),
  )
  const restored = back.items.find((i: Record<string, unknown>) => i.applicationId === A0.id)
  assert.deepEqual([restored.grantedCents, restored.adjustmentReason], [7_000_000, null])
  const audit = await auditEvents(t.db, 'evaluation.grant_adjusted', A0.id)
  assert.equal(audit.length, 2)
  assert.deepEqual((audit[0]!.change as { grantedCents: unknown }).grantedCents, { from: 7_000_000, to: 6_000_000 })
})

test('notify sends once to every member, in their language, with the summary PDF attached', async () => {
  await t.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', A0.partners[1]!.org.member.id).execute()
  const r = ok(await fx.operator.post(`${decisionsUrl}/notify`))
  assert.equal(r.notified, 5)
  assert.equal(r.board.notifiedAt, '2026-04-01T08:00:00.000Z')
  const sent = await mails('evaluation_result')
  assert.equal(sent.length, 10)
  const toA0 = sent.filter((m) => m.to_address === A0.partners[0]!.org.member.email.toLowerCase())
  assert.equal(toA0.length, 1)
  assert.equal(toA0[0]!.subject, `Evaluation result: ${A0.reference} “${A0.acronym}”`)
  assert.match(
    toA0[0]!.text_body,
    /your application is selected for funding, with €70,000.00 granted \(you requested €70,000.00\)/,
  )
  assert.match(toA0[0]!.text_body, new RegExp(`http://localhost:3000/app/applications/${A0.id}/result`))
  const fr = sent.find((m) => m.to_address === A0.partners[1]!.org.member.email.toLowerCase())!
  assert.equal(fr.subject, `Résultat de l’évaluation : ${A0.reference} « ${A0.acronym} »`)
  const attachments = toA0[0]!.attachments as { filename: string; contentType: string; content: string }[]
  assert.deepEqual(
    attachments.map((a) => [a.filename, a.contentType]),
    [[`evaluation-summary-${A0.reference}.pdf`, 'application/pdf']],
  )
  const mailed = pdfText(await PDFDocument.load(Buffer.from(attachments[0]!.content, 'base64'))).join('\n')
  assert.match(mailed, /Selected for funding/)
  assert.match(mailed, /Excellence consensus 0/)
  const frPdf = (fr.attachments as { content: string }[])[0]!.content
  assert.match(pdfText(await PDFDocument.load(Buffer.from(frPdf, 'base64'))).join('\n'), /Retenue pour financement/)
  for (const e of fx.experts) {
    assert.equal(mailed.includes(e.name), false)
    assert.equal(mailed.includes(e.email), false)
  }
  const inApp = await t.db
    .selectFrom('notifications')
    .select(['user_id', 'link'])
    .where('kind', '=', 'evaluation_result')
    .execute()
  assert.equal(inApp.length, 10)
  const second = ok(await fx.operator.post(`${decisionsUrl}/notify`))
  assert.equal(second.notified, 0)
  assert.equal((await mails('evaluation_result')).length, 10)
  assert.equal((await auditEvents(t.db, 'evaluation.decisions_notified', callId)).length, 1)
})

test('once notified, amounts are final', async () => {
  const r = await fx.operator.put(`${decisionsUrl}/${A0.id}/grant`, {
    grantedCents: 5_000_000,
    reason: 'Too late: the applicant has been told the amount already.',
  })
  assert.deepEqual([r.status, r.body.code], [409, 'decision_not_adjustable'])
})

test('the applicant reads consensus scores and comments — never an expert, an individual evaluation or a justification', async () => {
  for (const client of [await lead(A1), await partner(A1)]) {
    const r = ok(await client.get(resultUrl(A1.id)))
    assert.equal(r.outcome, 'funded')
    assert.equal(r.rank, 2)
    assert.equal(r.grantedCents, 6_500_000)
    assert.equal(r.requestedCents, 7_000_000)
    assert.equal(r.cutToAccept, true)
    assert.deepEqual(
      r.criteria.map((c: { id: string; score: number; comment: string; weight: number }) => [
        c.id,
        c.score,
        c.comment,
        c.weight,
      ]),
      [
        ['excellence', 4, 'Excellence consensus 1', 1],
        ['impact', 3.5, 'Impact consensus 1', 1],
        ['implementation', 4, 'Implementation consensus 1', 1],
      ],
    )
    assert.equal(r.overallComment, 'Overall consensus 1')
    assert.equal(r.total, 11.5)
    assert.equal(r.maxTotal, 15)
    assert.equal(r.notifiedAt, '2026-04-01T08:00:00.000Z')
    assert.equal(r.redress.windowEndsAt, '2026-04-06T21:59:59.999Z')
    assert.equal(r.redress.windowOpen, true)
    const text = JSON.stringify(r)
    for (const e of fx.experts) {
      assert.equal(text.includes(e.name), false, 'expert name leaked')
      assert.equal(text.includes(e.email), false, 'expert e-mail leaked')
      assert.equal(text.includes(e.id), false, 'expert id leaked')
    }
    for (const leak of [SECRET, 'JUSTIFY-', 'MINORITY-', fx.operatorUser.name, fx.operatorUser.id])
      assert.equal(text.includes(leak), false, `${leak} leaked`)
  }
  const canRespond = async (c: Awaited<ReturnType<typeof lead>>) => ok(await c.get(resultUrl(A1.id))).canRespond
  assert.equal(await canRespond(await lead(A1)), true)
  assert.equal(await canRespond(await partner(A1)), false)
})

test('the summary PDF: consensus only, in the language asked; 404 to non-members', async () => {
  const res = await (await lead(A4)).get(`${resultUrl(A4.id)}/summary.pdf?lang=en`)
  assert.equal(res.status, 200)
  assert.equal(res.headers['content-type'], 'application/pdf')
  assert.match(String(res.headers['content-disposition']), new RegExp(`evaluation-summary-${A4.reference}\\.pdf`))
  const text = pdfText(await PDFDocument.load(res.raw.rawPayload)).join('\n')
  for (const want of [
    `Evaluation summary — ${A4.reference}`,
    'Not selected',
    'Excellence consensus 4',
    'Impact consensus 4',
    'Overall consensus 4',
    '8.5 / 15',
  ])
    assert.ok(text.includes(want), `missing ${want}`)
  for (const e of fx.experts) {
    assert.equal(text.includes(e.name), false)
    assert.equal(text.includes(e.email), false)
  }
  for (const leak of ['EXPERT-PRIVATE', 'JUSTIFY-', 'MINORITY-']) assert.equal(text.includes(leak), false)
  const nl = await (await lead(A4)).get(`${resultUrl(A4.id)}/summary.pdf?lang=nl`)
  assert.match(pdfText(await PDFDocument.load(nl.raw.rawPayload)).join('\n'), /Niet geselecteerd/)
  for (const client of [await lead(A0), fx.operator, fx.experts[0]!.client]) {
    const r = await client.get(`${resultUrl(A4.id)}/summary.pdf`)
    assert.equal(r.status, 404)
    const j = await client.get(resultUrl(A4.id))
    assert.equal(j.status, 404)
    assert.equal(j.body.code, 'application_not_found')
  }
  const stranger = await signedIn(t, await createUser(t.db, t.programmeId))
  assert.equal((await stranger.get(resultUrl(A4.id))).status, 404)
  assert.equal((await t.client().get(resultUrl(A4.id))).status, 401)
})

test('grant response: lead only, explicit acceptance of a cut, once; reserves cannot answer', async () => {
  const p = await (await partner(A1)).post(`${resultUrl(A1.id)}/respond`, { response: 'accepted', acceptCut: true })
  assert.equal(p.status, 403)
  const noCut = await (await lead(A1)).post(`${resultUrl(A1.id)}/respond`, { response: 'accepted' })
  assert.equal(noCut.status, 400)
  assert.equal(noCut.body.code, 'validation_failed')
  assert.equal(noCut.body.errors[0].path, 'acceptCut')
  clock.set('2026-04-02T09:00:00Z')
  const r = ok(await (await lead(A1)).post(`${resultUrl(A1.id)}/respond`, { response: 'accepted', acceptCut: true }))
  assert.equal(r.response, 'accepted')
  assert.equal(r.respondedAt, '2026-04-02T09:00:00.000Z')
  assert.equal(r.canRespond, false)
  const twice = await (await lead(A1)).post(`${resultUrl(A1.id)}/respond`, { response: 'declined' })
  assert.equal(twice.status, 409)
  assert.equal(twice.body.code, 'grant_response_closed')
  const reserve = await (await lead(A2)).post(`${resultUrl(A2.id)}/respond`, { response: 'accepted' })
  assert.equal(reserve.status, 409)
  assert.equal(reserve.body.code, 'grant_response_closed')
  const audit = await auditEvents(t.db, 'evaluation.grant_accepted', A1.id)
  assert.deepEqual(audit[0]!.change, {
    grantedCents: 6_500_000,
    requestedCents: 7_000_000,
    acceptCut: true,
    promoted: null,
    passedOver: [],
  })
})

test('a decline promotes the first reserve that fits the freed budget, which is notified', async () => {
  clock.set('2026-04-03T10:00:00Z')
  const r = ok(await (await lead(A0)).post(`${resultUrl(A0.id)}/respond`, { response: 'declined' }))
  assert.equal(r.response, 'declined')
  const board = ok(await fx.operator.get(decisionsUrl))
  assert.deepEqual(
    board.items.map((i: Record<string, unknown>) => [
      i.reference,
      i.outcome,
      i.reserveRank,
      i.grantedCents,
      i.response,
      i.promotedAt,
    ]),
    [
      [A0.reference, 'funded', null, 7_000_000, 'declined', null],
      [A1.reference, 'funded', null, 6_500_000, 'accepted', null],
      [A2.reference, 'funded', null, 7_000_000, null, '2026-04-03T10:00:00.000Z'],
      [A3.reference, 'reserve', 2, null, null, null],
      [A4.reference, 'rejected', null, null, null, null],
    ],
  )
  assert.equal(board.committedCents, 13_500_000)
  const promotedMails = await mails('evaluation_promoted')
  assert.deepEqual(
    promotedMails.map((m) => m.to_address),
    A2.partners.map((p) => p.org.member.email.toLowerCase()).sort(),
  )
  assert.match(promotedMails[0]!.text_body, /with €70,000.00 granted/)
  const promoted = ok(await (await lead(A2)).get(resultUrl(A2.id)))
  assert.equal(promoted.outcome, 'funded')
  assert.equal(promoted.promotedAt, '2026-04-03T10:00:00.000Z')
  assert.equal(promoted.canRespond, true)
  assert.equal(promoted.cutToAccept, false)
  const audit = await auditEvents(t.db, 'evaluation.reserve_promoted', A2.id)
  assert.deepEqual(audit[0]!.change, {
    after: A0.id,
    grantedCents: 7_000_000,
    freedCents: 7_500_000,
    skipped: [],
    restores: [],
  })
  const declined = await auditEvents(t.db, 'evaluation.grant_declined', A0.id)
  assert.deepEqual((declined[0]!.change as { promoted: unknown }).promoted, {
    applicationId: A2.id,
    grantedCents: 7_000_000,
  })
  ok(await (await lead(A2)).post(`${resultUrl(A2.id)}/respond`, { response: 'accepted' }))
})
