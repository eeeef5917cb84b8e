/**
 * Co-editing an application: shared answers merged per field (a conflict answers 409 with the
 * conflicts and writes nothing), partners' parts with their own versions and confirmations, and files
 * whose type is read from the bytes.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { buildConsortium, completePart, createOpenCall, type Json } from '../factories/applications.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { pdfBytes, pngBytes } from '../factories/solutions.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, type Res } from '../support/app.ts'

const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const challenge = await t.db.selectFrom('challenges').select('id').where('code', '=', 'D1-C2').executeTakeFirstOrThrow()
const call = await createOpenCall(t.db, t.programmeId, {
  closesAt: new Date('2026-03-14T16:00:00Z'),
  challengeIds: [challenge.id],
})
const leadTeam = await createTeam(t.db, t.programmeId, { legalName: 'Quokka Sensors BV', country: 'NL' })
const partnerTeam = await createTeam(t.db, t.programmeId, { legalName: 'Lynx Analytics SAS', country: 'FR' })
const otherTeam = await createTeam(t.db, t.programmeId, { legalName: 'Otter Robotics GmbH', country: 'DE' })
const otherPartnerTeam = await createTeam(t.db, t.programmeId, { legalName: 'Ibis Data Oy', country: 'FI' })
const lead = await signedIn(t, leadTeam.owner)
const leadMember = await signedIn(t, leadTeam.member)
const partner = await signedIn(t, partnerTeam.owner)
const otherLead = await signedIn(t, otherTeam.owner)
const otherPartner = await signedIn(t, otherPartnerTeam.owner)
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))

const mine = await buildConsortium(t.db, {
  lead,
  leadOrgId: leadTeam.org.id,
  partner,
  partnerOrgId: partnerTeam.org.id,
  partnerEmail: partnerTeam.owner.email,
  callId: call.id,
  challengeId: challenge.id,
  acronym: 'QUOKKA',
})
const theirs = await buildConsortium(t.db, {
  lead: otherLead,
  leadOrgId: otherTeam.org.id,
  partner: otherPartner,
  partnerOrgId: otherPartnerTeam.org.id,
  partnerEmail: otherPartnerTeam.owner.email,
  callId: call.id,
  challengeId: challenge.id,
  acronym: 'OTTER',
})
const annex = await lead.post(`/api/v1/applications/${mine.id}/files`, {
  questionId: 'annex',
  partnerId: null,
  filename: 'work-plan.pdf',
  data: pdfBytes('Work plan').toString('base64'),
})

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}
const refused = (res: Res, status: number, code: string) => {
  assert.equal(res.status, status, JSON.stringify(res.body))
  assert.equal(res.body.code, code, JSON.stringify(res.body))
  return res.body
}

test('concurrent edits: the same answer → 409 with the conflicts and nothing written; different answers → both kept', async () => {
  const base = ok(await lead.get(`/api/v1/applications/${mine.id}`))
  const v = base.version
  const first = ok(
    await lead.patch(`/api/v1/applications/${mine.id}/answers`, { baseVersion: v, changes: { summary: 'Owner text' } }),
  )
  assert.equal(first.version, v + 1)
  assert.equal(first.answerMeta.summary.version, v + 1)
  assert.equal(first.answerMeta.summary.by, 'Olivia Owner')
  const conflict = refused(
    await leadMember.patch(`/api/v1/applications/${mine.id}/answers`, {
      baseVersion: v,
      changes: { summary: 'Member text', impact: 'Member impact' },
    }),
    409,
    'application_edit_conflict',
  )
  assert.deepEqual(conflict.conflicts, [
    {
      questionId: 'summary',
      yours: 'Member text',
      theirs: 'Owner text',
      by: 'Olivia Owner',
      at: '2026-03-01T10:00:00.000Z',
    },
  ])
  const unchanged = ok(await lead.get(`/api/v1/applications/${mine.id}`))
  assert.equal(unchanged.version, v + 1)
  assert.equal(unchanged.answers.impact, undefined)
  // Same base, a different answer: merged, both kept. Re-sending the value already stored is no conflict.
  const merged = ok(
    await leadMember.patch(`/api/v1/applications/${mine.id}/answers`, {
      baseVersion: v,
      changes: { impact: 'Member impact', summary: 'Owner text' },
    }),
  )
  assert.equal(merged.version, v + 2)
  assert.equal(merged.answers.summary, 'Owner text')
  assert.equal(merged.answers.impact, 'Member impact')
  assert.equal(merged.answerMeta.impact.by, 'Mia Member')
  // Only the lead edits shared answers; wrong question ids and shapes are field errors.
  const notLead = refused(
    await partner.patch(`/api/v1/applications/${mine.id}/answers`, { baseVersion: v + 2, changes: { impact: 'x' } }),
    403,
    'forbidden',
  )
  assert.equal(notLead.reason, 'not_a_member')
  const invalid = refused(
    await lead.patch(`/api/v1/applications/${mine.id}/answers`, {
      baseVersion: v + 2,
      changes: { nope: 'x', summary: 42, expertise: 'partner question' },
    }),
    400,
    'validation_failed',
  )
  assert.deepEqual(
    invalid.errors.map((e: Json) => [e.path, e.code]),
    [
      ['changes.nope', 'unknown_question'],
      ['changes.summary', 'answer_invalid'],
      ['changes.expertise', 'wrong_scope'],
    ],
  )
})

test('partner parts: own members only, stale version → 409 with the current part, a change withdraws the confirmation', async () => {
  const app = ok(await partner.get(`/api/v1/applications/${mine.id}`))
  const part = app.partners.find((p: Json) => p.id === mine.partnerId)
  assert.equal(part.confirmedVersion, part.partVersion)
  assert.equal(part.mine, true)
  assert.deepEqual(app.abilities.edit_shared, { allowed: false, reason: 'not_a_member' })
  const denied = refused(
    await lead.patch(`/api/v1/applications/${mine.id}/partners/${mine.partnerId}/part`, {
      basePartVersion: part.partVersion,
      part: completePart(),
    }),
    403,
    'forbidden',
  )
  assert.equal(denied.reason, 'not_a_member')
  const changed = ok(
    await partner.patch(`/api/v1/applications/${mine.id}/partners/${mine.partnerId}/part`, {
      basePartVersion: part.partVersion,
      part: completePart({ role: 'Runs the pilot in Lyon.' }),
    }),
  )
  const after = changed.partners.find((p: Json) => p.id === mine.partnerId)
  assert.equal(after.partVersion, part.partVersion + 1)
  assert.equal(after.confirmedVersion, part.partVersion)
  assert.ok(
    changed.readiness.some((i: Json) => i.code === 'partner_part_not_confirmed' && i.partnerId === mine.partnerId),
  )
  const stale = refused(
    await partner.patch(`/api/v1/applications/${mine.id}/partners/${mine.partnerId}/part`, {
      basePartVersion: part.partVersion,
      part: completePart({ role: 'Something else' }),
    }),
    409,
    'application_part_conflict',
  )
  assert.equal(stale.partVersion, part.partVersion + 1)
  assert.equal(stale.part.role, 'Runs the pilot in Lyon.')
  refused(
    await partner.post(`/api/v1/applications/${mine.id}/partners/${mine.partnerId}/confirm`, {
      partVersion: part.partVersion,
    }),
    409,
    'application_part_conflict',
  )
  const confirmed = ok(
    await partner.post(`/api/v1/applications/${mine.id}/partners/${mine.partnerId}/confirm`, {
      partVersion: after.partVersion,
    }),
  )
  assert.equal(confirmed.partners.find((p: Json) => p.id === mine.partnerId).confirmedVersion, after.partVersion)
  assert.equal(confirmed.abilities.submit.reason, 'not_a_member')
})

test('files: the type read from the bytes and checked against the question; downloads for the consortium', async () => {
  const file = ok(annex, 201)
  assert.equal(file.contentType, 'application/pdf')
  assert.equal(file.filename, 'work-plan.pdf')
  const wrong = refused(
    await lead.post(`/api/v1/applications/${mine.id}/files`, {
      questionId: 'annex',
      filename: 'photo.pdf',
      data: pngBytes().toString('base64'),
    }),
    400,
    'validation_failed',
  )
  assert.equal(wrong.errors[0].code, 'file_type')
  refused(
    await partner.post(`/api/v1/applications/${mine.id}/files`, {
      questionId: 'annex',
      filename: 'a.pdf',
      data: 'JVBERi0=',
    }),
    403,
    'forbidden',
  )
  const base = ok(await lead.get(`/api/v1/applications/${mine.id}`))
  const saved = ok(
    await lead.patch(`/api/v1/applications/${mine.id}/answers`, {
      baseVersion: base.version,
      changes: { annex: [{ ...file, sha256: '0'.repeat(64), byteSize: 1 }] },
    }),
  )
  assert.deepEqual(saved.answers.annex, [file])
  const bogus = refused(
    await lead.patch(`/api/v1/applications/${mine.id}/answers`, {
      baseVersion: saved.version,
      changes: { annex: [{ ...file, fileId: theirs.id }] },
    }),
    400,
    'validation_failed',
  )
  assert.equal(bogus.errors[0].code, 'file_not_found')
  for (const who of [partner, operator]) {
    const res = await who.get(`/api/v1/applications/${mine.id}/files/${file.fileId}`)
    assert.equal(res.status, 200)
    assert.equal(res.headers['content-type'], 'application/pdf')
    assert.match(String(res.headers['content-disposition']), /^attachment; filename\*=UTF-8''work-plan\.pdf$/)
  }
  refused(await partner.get(`/api/v1/applications/${mine.id}/files/${theirs.id}`), 404, 'application_file_not_found')
})

test('a part save changes only the fields it sends: budget alone, then a declaration alone, then one answer', async () => {
  const url = `/api/v1/applications/${theirs.id}/partners/${theirs.partnerId}/part`
  const partOf = (app: Json) => app.partners.find((p: Json) => p.id === theirs.partnerId)
  const start = partOf(ok(await otherPartner.get(`/api/v1/applications/${theirs.id}`)))
  const before = start.part
  assert.equal(before.declarationOfHonour.signatoryName, 'Ada Contact')
  assert.equal(before.answers.expertise, 'Thermal imaging')

  const budgetOnly = partOf(
    ok(
      await otherPartner.patch(url, {
        basePartVersion: start.partVersion,
        part: { budget: { requestedCents: 4_000_000 } },
      }),
    ),
  )
  assert.equal(budgetOnly.partVersion, start.partVersion + 1)
  assert.deepEqual(budgetOnly.part, { ...before, budget: { ...before.budget, requestedCents: 4_000_000 } })

  const declarationOnly = partOf(
    ok(
      await otherPartner.patch(url, {
        basePartVersion: budgetOnly.partVersion,
        part: { declarationOfHonour: { signatoryRole: 'COO' }, smeDeclaration: { category: 'micro' } },
      }),
    ),
  )
  assert.deepEqual(declarationOnly.part, {
    ...before,
    budget: { ...before.budget, requestedCents: 4_000_000 },
    declarationOfHonour: { ...before.declarationOfHonour, signatoryRole: 'COO' },
    smeDeclaration: { category: 'micro', confirmed: true },
  })

  const answerOnly = partOf(
    ok(
      await otherPartner.patch(url, {
        basePartVersion: declarationOnly.partVersion,
        part: { contactName: 'Ivo Ibis', answers: { expertise: 'Lidar mapping' } },
      }),
    ),
  )
  assert.deepEqual(answerOnly.part, {
    ...declarationOnly.part,
    contactName: 'Ivo Ibis',
    answers: { ...before.answers, expertise: 'Lidar mapping' },
  })
  const stored = await t.db
    .selectFrom('application_partners')
    .select('part')
    .where('id', '=', theirs.partnerId)
    .executeTakeFirstOrThrow()
  const row = typeof stored.part === 'string' ? JSON.parse(stored.part) : stored.part
  assert.deepEqual(row, answerOnly.part)

  // Sending what is already there writes nothing; a stale version is still refused with the current part.
  const unchanged = partOf(
    ok(await otherPartner.patch(url, { basePartVersion: answerOnly.partVersion, part: { role: before.role } })),
  )
  assert.equal(unchanged.partVersion, answerOnly.partVersion)
  const stale = refused(
    await otherPartner.patch(url, { basePartVersion: budgetOnly.partVersion, part: { role: 'Older text' } }),
    409,
    'application_part_conflict',
  )
  assert.deepEqual(stale.part, answerOnly.part)
  const audits = await t.db
    .selectFrom('audit_events')
    .select('change')
    .where('action', '=', 'application.part_saved')
    .where('subject_id', '=', theirs.id)
    .orderBy('seq')
    .execute()
  const fields = audits.map((a) => (typeof a.change === 'string' ? JSON.parse(a.change) : a.change).fields)
  assert.deepEqual(fields.slice(-3), [
    ['budget'],
    ['smeDeclaration', 'declarationOfHonour'],
    ['contactName', 'answers'],
  ])
})
