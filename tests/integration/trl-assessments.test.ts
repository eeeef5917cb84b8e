/**
 * The guided TRL self-assessment over HTTP: a draft filled in and saved, completion refused until every
 * "yes" has evidence and the confidence is given, the result computed by the server, reviews by staff
 * and experts with a reason the applicant sees, the history kept, and the TRL-window badge.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { questionnaireFor } from '../../server/modules/solutions/index.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { answersUpTo, b64, evidence, pdfBytes, solutionBody } from '../factories/solutions.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res, type TestClient } from '../support/app.ts'

const t = await createTestApp()
const team = await createTeam(t.db, t.programmeId, { type: 'sme', legalName: 'Lynxguard BV', country: 'NL' })
const rival = await createTeam(t.db, t.programmeId, { type: 'sme' })
const member = await signedIn(t, team.member)
const outsider = await signedIn(t, rival.owner)
const expertUser = await createUser(t.db, t.programmeId, { programmeRole: 'expert', name: 'Erika Expert' })
const expert = await signedIn(t, expertUser)
const staff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'safe-cluster' }),
)
const plain = await signedIn(t, await createUser(t.db, t.programmeId))
const anonymous = t.client()

const challenge = (code: string) =>
  t.db.selectFrom('challenges').select(['id', 'trl_min', 'trl_max']).where('code', '=', code).executeTakeFirstOrThrow()

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}
const put = (c: TestClient, url: string, body: Record<string, unknown>) => c.request('PUT', url, body)

async function newSolution(overrides: Record<string, unknown> = {}) {
  return ok(
    await member.post('/api/v1/solutions', solutionBody(team.org.id, { status: 'published', ...overrides })),
    201,
  )
}

test('the questionnaire of each type is served with its levels and criteria', async () => {
  const sw = ok(await anonymous.get('/api/v1/trl/questionnaires/software'))
  assert.equal(sw.type, 'software')
  assert.equal(sw.version, 1)
  assert.equal(sw.levels.length, 9)
  assert.ok(sw.levels[4].criteria.some((c: { id: string }) => c.id === 'sw-5-endtoend'))
  assert.equal((await anonymous.get('/api/v1/trl/questionnaires/gadget')).status, 400)
})

test('a draft is saved as it is filled in, then completed with evidence; the server computes the result', async () => {
  const s = await newSolution({ challengeIds: [(await challenge('D1-C2')).id, (await challenge('D1-C4')).id] })
  const base = `/api/v1/solutions/${s.id}/trl-assessments`
  const draft = ok(await member.post(base), 201)
  assert.equal(draft.status, 'draft')
  assert.equal(draft.questionnaire, 'hardware')
  assert.equal(draft.evaluation.nextLevel, 1)
  // One draft at a time: starting again points at it.
  const again = await member.post(base)
  assert.equal(again.status, 409)
  assert.equal(again.body.code, 'trl_assessment_draft_exists')
  const page = ok(await member.get(`/api/v1/solutions/${s.id}`))
  assert.equal(page.trl.draft.id, draft.id)

  // Autosave: levels 1–3 answered, the wizard waits at level 4.
  const partial = answersUpTo('hardware', 6).filter((a) => /^hw-[1-3]-/.test(a.criterion))
  const saved = ok(await put(member, `${base}/${draft.id}`, { answers: partial, confidence: null }))
  assert.equal(saved.evaluation.resultLevel, 3)
  assert.equal(saved.evaluation.nextLevel, 4)
  assert.equal(saved.answers[0].level, 1)
  const unknown = await put(member, `${base}/${draft.id}`, {
    answers: [{ ...partial[0], criterion: 'sw-1-principles' }],
  })
  assert.equal(unknown.status, 400)
  assert.equal(unknown.body.errors[0].code, 'unknown_criterion')

  // Completion refused: unfinished, then missing evidence, then no confidence — each said per field.
  const unfinished = await member.post(`${base}/${draft.id}/complete`, {})
  assert.equal(unfinished.status, 400)
  assert.equal(unfinished.body.code, 'trl_assessment_incomplete')
  assert.deepEqual(
    unfinished.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['answers', 'trl_unfinished'],
      ['confidence', 'confidence_required'],
    ],
  )
  const answers = answersUpTo('hardware', 6)
  const withoutEvidence = answers.map((a) =>
    a.criterion === 'hw-5-results'
      ? { ...a, evidenceUrl: '' }
      : a.criterion === 'hw-2-concept'
        ? { ...a, evidenceText: ' ' }
        : a,
  )
  const missing = await member.post(`${base}/${draft.id}/complete`, { answers: withoutEvidence, confidence: 4 })
  assert.equal(missing.status, 400)
  assert.deepEqual(
    missing.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['answers.hw-2-concept.evidenceText', 'evidence_text_required'],
      ['answers.hw-5-results.evidenceUrl', 'evidence_source_required'],
    ],
  )
  // The refused completion saved the answers sent with it? No: nothing is written on a refusal.
  const still = ok(await member.get(`${base}/${draft.id}`))
  assert.equal(still.status, 'draft')
  assert.equal(still.confidence, null)

  // A claimed result is ignored: the server counts the answers.
  const done = ok(await member.post(`${base}/${draft.id}/complete`, { answers, confidence: 4, resultLevel: 9 }))
  assert.equal(done.status, 'completed')
  assert.equal(done.resultLevel, 6)
  assert.equal(done.confidence, 4)
  assert.ok(done.completedAt)
  assert.equal((await put(member, `${base}/${draft.id}`, { answers: [] })).body.code, 'trl_assessment_closed')

  const after = ok(await member.get(`/api/v1/solutions/${s.id}`))
  assert.equal(after.assessedTrl, 6)
  assert.equal(after.fitsProgrammeWindow, true)
  assert.equal(after.trl.selfAssessed.level, 6)
  assert.equal(after.trl.effective, 6)
  assert.equal(after.trl.trlFit.fits, true)
  assert.equal(after.trl.draft, null)
  // D1-C2 asks for TRL 5–8, D1-C4 for 4–7: both fit.
  assert.deepEqual(after.trl.challenges.map((c: { code: string; fits: boolean }) => [c.code, c.fits]).sort(), [
    ['D1-C2', true],
    ['D1-C4', true],
  ])
  const audit = await auditEvents(t.db, 'trl_assessment.completed', s.id)
  assert.equal((audit[0]!.change as { resultLevel: number }).resultLevel, 6)
})

test('a gap counts: "yes" to level 6 after a "no" at level 5 gives 4, outside the 5–8 window', async () => {
  const s = await newSolution({ type: 'software', challengeIds: [(await challenge('D1-C4')).id] })
  const base = `/api/v1/solutions/${s.id}/trl-assessments`
  const a = ok(await member.post(base), 201)
  assert.equal(a.questionnaire, 'software')
  const q = questionnaireFor('software')
  const yes = (id: string) => ({ criterion: id, met: true, ...evidence })
  const answers = q.levels.flatMap((l) =>
    l.level <= 4 || l.level === 6
      ? l.criteria.map((c) => yes(c.id))
      : l.level === 5
        ? [{ criterion: 'sw-5-endtoend', met: false, evidenceText: '', evidenceUrl: '', evidenceFileId: null }]
        : [],
  )
  const done = ok(await member.post(`${base}/${a.id}/complete`, { answers, confidence: 2 }))
  assert.equal(done.resultLevel, 4)
  assert.equal(done.evaluation.stoppedAt, 5)
  assert.ok(!done.answers.some((x: { level: number }) => x.level === 6), 'answers above the stop are not kept')
  const after = ok(await anonymous.get(`/api/v1/solutions/${s.id}`))
  assert.equal(after.trl.effective, 4)
  assert.equal(after.trl.trlFit.fits, false)
  assert.equal(after.fitsProgrammeWindow, false)
  assert.deepEqual(
    after.trl.challenges.map((c: { code: string; fits: boolean }) => [c.code, c.fits]),
    [['D1-C4', true]],
  )
})

test('a result of 0 is kept as "no level reached"', async () => {
  const s = await newSolution({ type: 'methodology' })
  const base = `/api/v1/solutions/${s.id}/trl-assessments`
  const a = ok(await member.post(base), 201)
  const done = ok(
    await member.post(`${base}/${a.id}/complete`, {
      answers: [{ criterion: 'me-1-basis', met: false, evidenceText: '', evidenceUrl: '', evidenceFileId: null }],
      confidence: 5,
    }),
  )
  assert.equal(done.resultLevel, 0)
  const after = ok(await member.get(`/api/v1/solutions/${s.id}`))
  assert.equal(after.trl.effective, 0)
  assert.equal(after.assessedTrl, null)
  assert.equal(after.trl.trlFit.fits, false)
})

test('an uploaded file can stand as evidence instead of a link; it is served to members and reviewers only', async () => {
  const s = await newSolution({ type: 'service' })
  const base = `/api/v1/solutions/${s.id}/trl-assessments`
  const a = ok(await member.post(base), 201)
  const file = ok(
    await member.post(`${base}/${a.id}/evidence`, {
      filename: 'Lynxguard pilot report.pdf',
      data: b64(pdfBytes('Pilot')),
    }),
    201,
  )
  assert.equal(file.contentType, 'application/pdf')
  const notPdf = await member.post(`${base}/${a.id}/evidence`, {
    filename: 'x.pdf',
    data: b64(Buffer.from('plain text')),
  })
  assert.equal(notPdf.body.errors[0].code, 'file_type')
  const answers = answersUpTo('service', 5).map((x) =>
    x.criterion === 'sv-5-results' ? { ...x, evidenceUrl: '', evidenceFileId: file.id } : x,
  )
  // A file of another organisation cannot be named.
  const foreign = await t.db
    .insertInto('files')
    .values({
      organisation_id: rival.org.id,
      purpose: 'evidence',
      filename: 'x.pdf',
      content_type: 'application/pdf',
      byte_size: 3,
      sha256: 'x',
      data: Buffer.from('pdf'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const stolen = await put(member, `${base}/${a.id}`, {
    answers: answers.map((x) => (x.criterion === 'sv-4-kpis' ? { ...x, evidenceFileId: foreign.id } : x)),
  })
  assert.equal(stolen.status, 400)
  assert.equal(stolen.body.errors[0].code, 'unknown_file')
  const done = ok(await member.post(`${base}/${a.id}/complete`, { answers, confidence: 3 }))
  assert.equal(done.resultLevel, 5)
  const withFile = done.answers.find((x: { criterion: string }) => x.criterion === 'sv-5-results')
  assert.equal(withFile.evidenceFile.filename, 'Lynxguard pilot report.pdf')
  const url = `${base}/${a.id}/evidence/${file.id}`
  const got = await member.get(url)
  assert.equal(got.status, 200)
  assert.equal(got.headers['content-type'], 'application/pdf')
  assert.match(String(got.headers['content-disposition']), /^attachment/)
  assert.equal((await staff.get(url)).status, 200)
  for (const c of [outsider, plain, anonymous]) assert.equal((await c.get(url)).status, 404)
  assert.equal((await member.get(`${base}/${a.id}/evidence/${foreign.id}`)).status, 404)
})

test('staff and experts confirm or adjust with a reason the applicant sees; the review sets the effective TRL', async () => {
  const s = await newSolution()
  const base = `/api/v1/solutions/${s.id}/trl-assessments`
  const a = ok(await member.post(base), 201)
  // A draft cannot be reviewed (reviewers do not see it).
  assert.equal((await expert.post(`${base}/${a.id}/reviews`, { decision: 'confirmed', reason: 'Fine' })).status, 404)
  ok(await member.post(`${base}/${a.id}/complete`, { answers: answersUpTo('hardware', 7), confidence: 3 }))

  const noReason = await expert.post(`${base}/${a.id}/reviews`, { decision: 'adjusted', level: 5, reason: '' })
  assert.equal(noReason.status, 400)
  assert.ok(noReason.body.errors.some((e: { path: string }) => e.path === 'reason'))
  const noLevel = await expert.post(`${base}/${a.id}/reviews`, { decision: 'adjusted', reason: 'Too optimistic' })
  assert.equal(noLevel.status, 400)
  assert.equal(
    (await plain.post(`${base}/${a.id}/reviews`, { decision: 'confirmed', reason: 'ok' })).body.reason,
    'missing_role',
  )
  assert.equal((await member.post(`${base}/${a.id}/reviews`, { decision: 'confirmed', reason: 'ok' })).status, 403)
  // A reviewer who belongs to the owning organisation may not review it.
  const insider = await createUser(t.db, t.programmeId, { programmeRole: 'expert' })
  await t.db
    .insertInto('memberships')
    .values({ organisation_id: team.org.id, user_id: insider.id, role: 'member' })
    .execute()
  const own = await (await signedIn(t, insider)).post(`${base}/${a.id}/reviews`, {
    decision: 'confirmed',
    reason: 'Looks right to me',
  })
  assert.equal(own.status, 403)
  assert.equal(own.body.reason, 'own_organisation')

  const adjusted = ok(
    await expert.post(`${base}/${a.id}/reviews`, {
      decision: 'adjusted',
      level: 6,
      reason: 'The demonstration at the refinery was run by your engineers only: level 7 needs end-users.',
    }),
    201,
  )
  assert.equal(adjusted.review.level, 6)
  const seen = ok(await member.get(`/api/v1/solutions/${s.id}`))
  assert.equal(seen.trl.selfAssessed.level, 7)
  assert.equal(seen.trl.review.decision, 'adjusted')
  assert.equal(seen.trl.review.level, 6)
  assert.match(seen.trl.review.reason, /end-users/)
  assert.equal(seen.trl.review.reviewer.name, 'Erika Expert')
  assert.equal(seen.trl.effective, 6)
  assert.equal(seen.assessedTrl, 6)
  // The public sees both levels and the reason, not who reviewed.
  const pub = ok(await anonymous.get(`/api/v1/solutions/${s.id}`))
  assert.equal(pub.trl.effective, 6)
  assert.equal(pub.trl.review.reviewer, null)

  const confirmed = ok(
    await staff.post(`${base}/${a.id}/reviews`, { decision: 'confirmed', reason: 'Checked on site.' }),
    201,
  )
  assert.equal(confirmed.reviews.length, 2)
  assert.equal(confirmed.reviews[0].decision, 'confirmed')
  assert.equal(confirmed.reviews[0].level, 7, 'a confirmation keeps the self-assessed level')
  assert.equal(ok(await member.get(`/api/v1/solutions/${s.id}`)).trl.effective, 7)
  assert.equal((await auditEvents(t.db, 'trl_assessment.adjusted', s.id)).length, 1)
  assert.equal((await auditEvents(t.db, 'trl_assessment.confirmed', s.id)).length, 1)
})

test('assessments are kept over time; the newest completed one counts; the trail is for members and reviewers', async () => {
  const s = await newSolution({ type: 'data_model' })
  const base = `/api/v1/solutions/${s.id}/trl-assessments`
  const first = ok(await member.post(base), 201)
  ok(await member.post(`${base}/${first.id}/complete`, { answers: answersUpTo('data_model', 4), confidence: 2 }))
  ok(
    await expert.post(`${base}/${first.id}/reviews`, {
      decision: 'adjusted',
      level: 3,
      reason: 'No reference data yet.',
    }),
    201,
  )
  assert.equal(ok(await member.get(`/api/v1/solutions/${s.id}`)).trl.effective, 3)
  const second = ok(await member.post(base), 201)
  const discarded = await member.delete(`${base}/${second.id}`)
  assert.equal(discarded.status, 204)
  const third = ok(await member.post(base), 201)
  ok(await member.post(`${base}/${third.id}/complete`, { answers: answersUpTo('data_model', 6), confidence: 4 }))

  const history = ok(await member.get(base))
  assert.deepEqual(
    history.items.map((x: { id: string; resultLevel: number; status: string }) => [x.id, x.status, x.resultLevel]),
    [
      [third.id, 'completed', 6],
      [first.id, 'completed', 4],
    ],
  )
  assert.equal(history.items[1].review.level, 3)
  const now = ok(await member.get(`/api/v1/solutions/${s.id}`))
  assert.equal(now.trl.selfAssessed.assessmentId, third.id)
  assert.equal(now.trl.review, null, 'the review of an older assessment does not carry over')
  assert.equal(now.trl.effective, 6)
  // Reviewing the older assessment again does not change the effective TRL.
  ok(await staff.post(`${base}/${first.id}/reviews`, { decision: 'confirmed', reason: 'Fine then.' }), 201)
  assert.equal(ok(await member.get(`/api/v1/solutions/${s.id}`)).assessedTrl, 6)

  // A draft is the members' own: reviewers list completed assessments only.
  const draft = ok(await member.post(base), 201)
  assert.equal(ok(await member.get(base)).items.length, 3)
  assert.equal(ok(await expert.get(base)).items.length, 2)
  assert.equal((await expert.get(`${base}/${draft.id}`)).status, 404)
  for (const c of [outsider, plain, anonymous]) {
    assert.equal((await c.get(base)).status, 404)
    assert.equal((await c.get(`${base}/${third.id}`)).status, 404)
    const page = ok(await c.get(`/api/v1/solutions/${s.id}`))
    assert.equal(page.trl.draft, null)
    assert.equal(page.trl.effective, 6)
  }
})
