/**
 * Submission: only the lead, only when ready, the server's clock against the deadline (one second
 * either side), idempotent retries (same Idempotency-Key → the same receipt, one revision), signed
 * receipts that verify against the published keys (and a tampered one that does not), receipts mailed
 * to the consortium, resubmission keeping every revision, withdrawal.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { canonical, sha256Hex, verifySignature } from '../../server/platform/signing/index.ts'
import { buildConsortium, createOpenCall, type Json } from '../factories/applications.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createTestApp, type Res } from '../support/app.ts'

const DEADLINE = new Date('2026-03-14T16:00:00Z') // 17:00 in Brussels
const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const challenge = await t.db.selectFrom('challenges').select('id').where('code', '=', 'D1-C2').executeTakeFirstOrThrow()
const call = await createOpenCall(t.db, t.programmeId, { closesAt: DEADLINE, challengeIds: [challenge.id] })
const leadTeam = await createTeam(t.db, t.programmeId, { legalName: 'Quokka Sensors BV', country: 'NL' })
const partnerTeam = await createTeam(t.db, t.programmeId, { legalName: 'Lynx Analytics SAS', country: 'FR' })
const lead = await signedIn(t, leadTeam.owner)
const leadMember = await signedIn(t, leadTeam.member)
const partner = await signedIn(t, partnerTeam.owner)
const anonymous = t.client()
const c = await buildConsortium(t.db, {
  lead,
  leadOrgId: leadTeam.org.id,
  partner,
  partnerOrgId: partnerTeam.org.id,
  partnerEmail: partnerTeam.owner.email,
  callId: call.id,
  challengeId: challenge.id,
  acronym: 'QUOKKA',
})
const url = `/api/v1/applications/${c.id}`

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}
const refused = (res: Res, status: number, code: string) => {
  assert.equal(res.status, status, JSON.stringify(res.body))
  assert.equal(res.body.code, code, JSON.stringify(res.body))
  return res.body
}
const submit = (who = lead, version: number, key: string) =>
  who.post(`${url}/submit`, { version }, { 'idempotency-key': key })
const revisions = async () =>
  t.db
    .selectFrom('application_revisions')
    .select(['revision', 'digest'])
    .where('application_id', '=', c.id)
    .orderBy('revision')
    .execute()

test('only the lead submits, only once every partner has confirmed its part, with an Idempotency-Key', async () => {
  const app = ok(await lead.get(url))
  assert.deepEqual(
    app.readiness.filter((i: Json) => i.severity === 'error'),
    [],
  )
  assert.deepEqual(app.abilities.submit, { allowed: true })
  const notLead = refused(await submit(partner, app.version, 'partner-key-0001'), 403, 'forbidden')
  assert.equal(notLead.reason, 'not_a_member')
  refused(await anonymous.post(`${url}/submit`, { version: app.version }), 401, 'not_signed_in')
  const noKey = refused(await lead.post(`${url}/submit`, { version: app.version }), 400, 'validation_failed')
  assert.deepEqual(noKey.errors[0], {
    path: 'Idempotency-Key',
    code: 'required',
    message: 'Send an Idempotency-Key header.',
  })
  refused(await submit(lead, app.version, 'short'), 400, 'validation_failed')
  // The partner withdraws its confirmation: not ready, with the issue that says why.
  const unconfirmed = ok(await partner.post(`${url}/partners/${c.partnerId}/unconfirm`))
  const notReady = refused(await submit(lead, unconfirmed.version, 'not-ready-0001'), 409, 'application_not_ready')
  assert.deepEqual(
    notReady.issues.map((i: Json) => [i.code, i.partnerId]),
    [['partner_part_not_confirmed', c.partnerId]],
  )
  const part = unconfirmed.partners.find((p: Json) => p.id === c.partnerId)
  const back = ok(await partner.post(`${url}/partners/${c.partnerId}/confirm`, { partVersion: part.partVersion }))
  refused(await submit(lead, back.version - 1, 'stale-version-01'), 409, 'application_version_stale')
  assert.deepEqual(await revisions(), [])
})

test('a submission: revision 1 with the digest of its canonical content and a signed receipt; a retry returns the same receipt', async () => {
  const app = ok(await lead.get(url))
  clock.set('2026-03-10T12:00:00Z')
  const first = ok(await submit(lead, app.version, 'submit-key-0001'), 201)
  assert.equal(first.revision, 1)
  assert.equal(first.replayed, false)
  const p = first.receipt.payload
  assert.deepEqual(
    {
      type: p.type,
      reference: p.reference,
      callCode: p.callCode,
      acronym: p.acronym,
      revision: p.revision,
      submittedAt: p.submittedAt,
      deadline: p.deadline,
      leadOrganisation: p.leadOrganisation,
      partners: p.partners,
      issuer: p.issuer,
    },
    {
      type: 'cascade.submission-receipt/v1',
      reference: app.reference,
      callCode: call.code,
      acronym: 'QUOKKA',
      revision: 1,
      submittedAt: '2026-03-10T12:00:00.000Z',
      deadline: DEADLINE.toISOString(),
      leadOrganisation: 'Quokka Sensors BV',
      partners: [
        { name: 'Quokka Sensors BV', country: 'NL' },
        { name: 'Lynx Analytics SAS', country: 'FR' },
      ],
      issuer: 'http://localhost:3000',
    },
  )
  // The digest is the SHA-256 of the canonical JSON of the revision's content.
  const rev = ok(await partner.get(`${url}/revisions/1`))
  assert.equal(rev.digest, p.digest)
  assert.equal(sha256Hex(canonical(rev.content)), p.digest)
  assert.equal(rev.content.answers.summary, 'Thermal sensing of crowded platforms.')
  assert.deepEqual(rev.receipt, first.receipt)
  // Retried (a lost answer): 200, the same receipt, still one revision.
  clock.advance(5_000)
  const again = ok(await submit(lead, app.version, 'submit-key-0001'), 200)
  assert.equal(again.replayed, true)
  assert.deepEqual(again.receipt, first.receipt)
  // The same key for another body is refused.
  refused(await submit(lead, app.version + 7, 'submit-key-0001'), 422, 'idempotency_key_reused')
  assert.deepEqual(
    (await revisions()).map((r) => r.revision),
    [1],
  )
  const after = ok(await lead.get(url))
  assert.equal(after.status, 'submitted')
  assert.equal(after.submittedRevision, 1)
  assert.equal(after.submittedAt, '2026-03-10T12:00:00.000Z')
  assert.equal(after.changedSinceSubmission, false)
  assert.deepEqual(after.latestReceipt, first.receipt)
  assert.deepEqual(
    after.revisions.map((r: Json) => [r.revision, r.current, r.submittedBy]),
    [[1, true, 'Olivia Owner']],
  )
  assert.equal((await auditEvents(t.db, 'application.submitted', c.id)).length, 1)
})

test('the receipt verifies against the published keys; a tampered one does not', async () => {
  const keys = ok(await anonymous.get('/api/v1/receipts/keys'))
  assert.deepEqual(ok(await anonymous.get('/.well-known/cascade-receipt-keys.json')), keys)
  const download = await partner.get(`${url}/revisions/1/receipt.json`)
  assert.equal(download.status, 200)
  const app = ok(await lead.get(url))
  assert.match(String(download.headers['content-disposition']), new RegExp(`receipt-${app.reference}-r1\\.json`))
  const receipt = JSON.parse(download.raw.body)
  const key = keys.keys.find((k: Json) => k.keyId === receipt.keyId)
  assert.ok(key, 'the signing key is published')
  assert.equal(key.publicKey, receipt.publicKey)
  assert.equal(verifySignature(key.publicKey, canonical(receipt.payload), receipt.signature), true)
  const tampered = { ...receipt.payload, submittedAt: '2026-03-14T15:59:59.000Z' }
  assert.equal(verifySignature(key.publicKey, canonical(tampered), receipt.signature), false)
  const otherDigest = { ...receipt.payload, digest: sha256Hex('something else') }
  assert.equal(verifySignature(key.publicKey, canonical(otherDigest), receipt.signature), false)
})

test('the receipt is mailed to every member of every organisation of the consortium, with the JSON attached', async () => {
  await t.app.worker.runDue()
  const mails = await t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject', 'attachments'])
    .where('template', '=', 'application_receipt')
    .orderBy('to_address')
    .execute()
  const members = [leadTeam, partnerTeam].flatMap((team) => [team.owner, team.admin, team.member].map((u) => u.email))
  assert.deepEqual(mails.map((m) => m.to_address).sort(), members.map((e) => e.toLowerCase()).sort())
  const attachments = mails[0]!.attachments as { filename: string; contentType: string; content: string }[]
  const app = ok(await lead.get(url))
  assert.equal(attachments[0]!.filename, `receipt-${app.reference}-r1.json`)
  assert.deepEqual(JSON.parse(Buffer.from(attachments[0]!.content, 'base64').toString()), app.latestReceipt)
  assert.equal(attachments[1]!.filename, `receipt-${app.reference}-r1.pdf`)
  assert.equal(attachments[1]!.contentType, 'application/pdf')
  assert.equal(Buffer.from(attachments[1]!.content, 'base64').subarray(0, 5).toString(), '%PDF-')
})

test('concurrent duplicates of one submission answer the same receipt and make one revision', async () => {
  const base = ok(await lead.get(url))
  const edited = ok(
    await lead.patch(`${url}/answers`, { baseVersion: base.version, changes: { impact: 'More impact' } }),
  )
  assert.equal(edited.changedSinceSubmission, true)
  const [a, b, d] = await Promise.all([
    submit(lead, edited.version, 'concurrent-key-01'),
    submit(lead, edited.version, 'concurrent-key-01'),
    submit(leadMember, edited.version, 'concurrent-key-01'),
  ])
  const bodies = [a, b, d].map((r) => {
    assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body))
    return r.body
  })
  assert.equal(bodies.filter((x) => !x.replayed).length, 1)
  for (const x of bodies) assert.deepEqual(x.receipt, bodies[0].receipt)
  assert.deepEqual(
    (await revisions()).map((r) => r.revision),
    [1, 2],
  )
})

test('resubmission keeps every revision; the latest counts', async () => {
  const app = ok(await lead.get(url))
  assert.equal(app.submittedRevision, 2)
  assert.equal(app.changedSinceSubmission, false)
  assert.deepEqual(
    app.revisions.map((r: Json) => [r.revision, r.current]),
    [
      [1, false],
      [2, true],
    ],
  )
  const [r1, r2] = await revisions()
  assert.notEqual(r1!.digest, r2!.digest)
  assert.equal(ok(await lead.get(`${url}/revisions/1`)).content.answers.impact, undefined)
  assert.equal(ok(await lead.get(`${url}/revisions/2`)).content.answers.impact, 'More impact')
  refused(await lead.get(`${url}/revisions/3`), 404, 'application_revision_not_found')
})

test('the deadline: accepted one second before, refused one second after with deadline_passed, read-only', async () => {
  const app = ok(await lead.get(url))
  const edited = ok(await lead.patch(`${url}/answers`, { baseVersion: app.version, changes: { impact: 'Last words' } }))
  clock.set(new Date(DEADLINE.getTime() - 1000))
  const inTime = ok(await submit(lead, edited.version, 'deadline-key-0001'), 201)
  assert.equal(inTime.receipt.payload.submittedAt, '2026-03-14T15:59:59.000Z')
  clock.set(new Date(DEADLINE.getTime() + 1000))
  refused(await submit(lead, edited.version, 'deadline-key-0002'), 409, 'deadline_passed')
  // …a retry of the accepted one still answers its receipt
  assert.deepEqual(ok(await submit(lead, edited.version, 'deadline-key-0001')).receipt, inTime.receipt)
  const late = ok(await lead.get(url))
  assert.equal(late.call.phase, 'closed')
  for (const ability of ['edit_shared', 'invite', 'upload', 'submit', 'withdraw'])
    assert.deepEqual(late.abilities[ability], { allowed: false, reason: 'deadline_passed' }, ability)
  assert.deepEqual(late.abilities.edit_part, { allowed: false, reason: 'deadline_passed' })
  refused(
    await lead.patch(`${url}/answers`, { baseVersion: late.version, changes: { impact: 'x' } }),
    409,
    'deadline_passed',
  )
  refused(await lead.post(`${url}/partners`, { email: 'late@example.test' }), 409, 'deadline_passed')
  refused(await partner.post(`${url}/partners/${c.partnerId}/unconfirm`), 409, 'deadline_passed')
  refused(await lead.post(`${url}/withdraw`, { reason: 'Too late to change our mind' }), 409, 'deadline_passed')
  // Exactly at the deadline is late too.
  clock.set(DEADLINE)
  refused(await submit(lead, edited.version, 'deadline-key-0003'), 409, 'deadline_passed')
  assert.equal((await revisions()).length, 3)
  clock.set('2026-03-10T12:00:00Z')
})

test('withdrawal: the lead only, with a reason; then read-only, and the organisations are free again', async () => {
  const app = ok(await lead.get(url))
  refused(await partner.post(`${url}/withdraw`, { reason: 'We leave' }), 403, 'forbidden')
  const withdrawn = ok(await leadMember.post(`${url}/withdraw`, { reason: 'The consortium split up.' }))
  assert.equal(withdrawn.status, 'withdrawn')
  assert.equal(withdrawn.revisions.length, 3)
  assert.ok(withdrawn.revisions.every((r: Json) => r.current === false))
  assert.deepEqual(withdrawn.abilities.submit, { allowed: false, reason: 'wrong_status' })
  refused(await submit(lead, withdrawn.version, 'after-withdraw-01'), 409, 'application_read_only')
  refused(
    await lead.patch(`${url}/answers`, { baseVersion: app.version, changes: { impact: 'x' } }),
    409,
    'application_read_only',
  )
  refused(await lead.post(`${url}/withdraw`, { reason: 'Once more' }), 409, 'application_read_only')
  const [event] = await auditEvents(t.db, 'application.withdrawn', c.id)
  assert.equal((event!.change as Json).reason, 'The consortium split up.')
  ok(
    await lead.post('/api/v1/applications', {
      callId: call.id,
      organisationId: leadTeam.org.id,
      challengeId: challenge.id,
    }),
    201,
  )
})
