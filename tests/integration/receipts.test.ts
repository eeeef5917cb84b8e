/**
 * Receipts: a real submission through the API (lead signed in, a PDF annex uploaded, Idempotency-Key),
 * then its PDF (parsed back: pages, text, the attached receipt, fonts with the accented letters) and
 * the offline verifier `npm run receipt:verify` on the downloaded receipt — valid against the published
 * keys (from a file and from the running server's well-known address), and refused when tampered with.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { PDFDocument } from 'pdf-lib'
import { FixedClock } from '../../server/platform/clock.ts'
import { defaultCallConfig } from '../../shared/calls/presets.ts'
import { createOrg, partOf } from '../factories/screening.ts'
import { createTestApp } from '../support/app.ts'
import { ROOT, tempDir } from '../support/process.ts'
import { attachmentsOf, pdfText } from './receipts-pdf-text.ts'

const OPENS_AT = new Date('2026-01-15T08:00:00Z')
const CLOSES_AT = new Date('2026-03-14T16:00:00Z') // 17:00 in Brussels
const clock = new FixedClock('2026-03-14T15:59:58Z') // two seconds before the deadline
const { app, db, programmeId, client } = await createTestApp({ clock })

const config = defaultCallConfig()
const call = await db
  .insertInto('calls')
  .values({
    programme_id: programmeId,
    code: 'RCPT-1',
    title: JSON.stringify({ en: 'Receipts test call', fr: 'Appel de test des accusés' }),
    summary: JSON.stringify({ en: 'For the receipts tests' }),
    opens_at: OPENS_AT,
    closes_at: CLOSES_AT,
    time_zone: 'Europe/Brussels',
    config: JSON.stringify(config),
    published_at: OPENS_AT,
    frozen_at: OPENS_AT,
  })
  .returning('id')
  .executeTakeFirstOrThrow()
await db
  .insertInto('call_versions')
  .values({ call_id: call.id, version: 1, config: JSON.stringify(config), opens_at: OPENS_AT, closes_at: CLOSES_AT })
  .execute()

const lead = await createOrg(db, programmeId, {
  legalName: 'Société Générale de Sécurité SAS',
  country: 'FR',
  sme: 'small',
})
const partner = await createOrg(db, programmeId, {
  legalName: 'Šiaulių Technologijos UAB',
  country: 'LT',
  sme: 'micro',
})
const outsider = await createOrg(db, programmeId, { legalName: 'Outsider GmbH', country: 'DE', sme: 'small' })

const text = (n: number, words: string) =>
  `${words} `
    .repeat(Math.ceil(n / (words.length + 1)))
    .slice(0, n)
    .trim()
const answers = {
  acronym: 'ŁÓDŹ-WATER',
  title: 'Détection précoce des intrusions — één platform für Wasser',
  abstract: text(400, 'Nous détecterons les intrusions dans les réseaux d’eau de Łódź, Šiauliai et Gent.'),
  trl_start: 5,
  trl_end: 7,
  duration_months: 12,
  challenge_fit: text(300, 'Straße, Ąžuolas, Œuvre.'),
  solution_description: text(600, 'Capteurs acoustiques et thermiques fédérés.'),
  innovation: 'Première plateforme fédérée pour les services d’eau.',
  output_type: 'demonstrator',
  impact: text(300, 'Moins de coupures pour les citoyens.'),
  target_markets: ['public_sector', 'critical_infrastructure'],
  work_plan: {
    durationMonths: 12,
    milestones: [
      { title: 'Lancement à Bruxelles', month: 1, description: '' },
      { title: 'Pilote à Šiauliai', month: 8, description: 'Sur le réseau réel.' },
    ],
    deliverables: [
      { title: 'D1 Rapport intermédiaire', month: 6, description: '' },
      { title: 'D2 Rapport final', month: 12, description: '' },
    ],
  },
  budget_justification: 'Coûts de personnel pour deux PME.',
  end_user_involved: 'yes',
  end_user_name: 'Stad Gent',
  validation_plan: 'Essais de terrain avec la ville.',
}
const partAnswers = { partner_expertise: 'Vingt ans de détection ; Jūratė Žemaitytė dirige l’équipe.' }
const application = await db
  .insertInto('applications')
  .values({
    call_id: call.id,
    reference: 'APP-R0001',
    lead_organisation_id: lead.id,
    acronym: answers.acronym,
    title: answers.title,
    answers: JSON.stringify(answers),
  })
  .returning('id')
  .executeTakeFirstOrThrow()
for (const [i, p] of [lead, partner].entries()) {
  await db
    .insertInto('application_partners')
    .values({
      application_id: application.id,
      organisation_id: p.id,
      role: i === 0 ? 'lead' : 'partner',
      status: 'accepted',
      part: JSON.stringify({ ...partOf({ org: p, requested: 40_000 }), answers: partAnswers }),
      part_version: 1,
      confirmed_version: 1,
      position: i,
    })
    .execute()
}

// The lead signs in, attaches a PDF annex, and submits through the API.
const leadClient = client()
await leadClient.signIn(lead.member.email, lead.member.password)
const annex = await PDFDocument.create()
annex.addPage().drawText('Annex')
const upload = await leadClient.post(`/api/v1/applications/${application.id}/files`, {
  questionId: 'annexes',
  filename: 'annexe-Łódź.pdf',
  data: Buffer.from(await annex.save()).toString('base64'),
})
assert.equal(upload.status, 201, JSON.stringify(upload.body))
const loaded = await leadClient.get(`/api/v1/applications/${application.id}`)
const saved = await leadClient.patch(`/api/v1/applications/${application.id}/answers`, {
  baseVersion: loaded.body.version,
  changes: { annexes: [upload.body] },
})
assert.equal(saved.status, 200, JSON.stringify(saved.body))
assert.deepEqual(
  saved.body.readiness.filter((i: { severity: string }) => i.severity === 'error'),
  [],
  'the fixture application is ready to submit',
)
const submitted = await leadClient.post(
  `/api/v1/applications/${application.id}/submit`,
  { version: saved.body.version },
  { 'idempotency-key': 'receipts-test-0001' },
)
assert.equal(submitted.status, 201, JSON.stringify(submitted.body))
const receipt = submitted.body.receipt

// What a verifier downloads: the receipt file, the revision, the published keys.
const dir = tempDir('receipts')
const files = {
  receipt: join(dir, 'receipt.json'),
  revision: join(dir, 'revision.json'),
  keys: join(dir, 'keys.json'),
}
const receiptFile = await leadClient.get(`/api/v1/applications/${application.id}/revisions/1/receipt.json`)
writeFileSync(files.receipt, receiptFile.raw.body)
writeFileSync(files.revision, (await leadClient.get(`/api/v1/applications/${application.id}/revisions/1`)).raw.body)
const keys = await client().get('/.well-known/cascade-receipt-keys.json')
writeFileSync(files.keys, keys.raw.body)

/** `npm exec -- node scripts/receipt-verify.ts …`, as a person runs it (`direct`: the same Node, without npm). */
function run(direct: boolean, argv: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = direct
      ? spawn(process.execPath, ['scripts/receipt-verify.ts', ...argv], { cwd: ROOT })
      : spawn('npm', ['exec', '--', 'node', 'scripts/receipt-verify.ts', ...argv], { cwd: ROOT })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('close', (code) => resolve({ code, out }))
  })
}
const verify = (...argv: string[]) => run(false, argv)
const verifyDirect = (...argv: string[]) => run(true, argv)

function tampered(name: string, change: (r: typeof receipt) => void): string {
  const copy = structuredClone(receipt)
  change(copy)
  const path = join(dir, `${name}.json`)
  writeFileSync(path, JSON.stringify(copy))
  return path
}

test('the submission answered a signed receipt for the time the server says', () => {
  assert.equal(receipt.payload.submittedAt, '2026-03-14T15:59:58.000Z')
  assert.equal(receipt.payload.reference, 'APP-R0001')
  assert.equal(receipt.payload.leadOrganisation, 'Société Générale de Sécurité SAS')
  assert.deepEqual(receipt.payload.files, [
    { filename: 'annexe-Łódź.pdf', byteSize: upload.body.byteSize, sha256: upload.body.sha256 },
  ])
  assert.equal(receiptFile.headers['content-disposition']?.toString().includes('receipt-APP-R0001-r1.json'), true)
})

test('the PDF has the receipt first, then the whole application, in the reader’s language', async () => {
  const res = await leadClient.get(`/api/v1/applications/${application.id}/revisions/1/receipt.pdf?lang=fr`)
  assert.equal(res.status, 200)
  assert.equal(res.headers['content-type'], 'application/pdf')
  assert.match(String(res.headers['content-disposition']), /receipt-APP-R0001-r1\.pdf/)
  const bytes = res.raw.rawPayload
  const pdf = await PDFDocument.load(bytes)
  assert.ok(pdf.getPageCount() >= 4, `${pdf.getPageCount()} pages`)
  assert.equal(pdf.getTitle(), 'Candidature APP-R0001, révision 1')
  const pages = pdfText(pdf)
  const first = pages[0]!
  assert.match(first, /Accusé de réception de la soumission/)
  assert.match(first, /14 mars 2026 (à )?15:59:58 UTC/)
  assert.match(first, /14 mars 2026 (à )?16:59:58 UTC\+01:00/)
  assert.match(first, /Société Générale de Sécurité SAS/)
  assert.match(first, /Šiaulių Technologijos UAB \(LT\)/)
  for (const fact of [receipt.keyId, receipt.payload.digest]) assert.ok(first.replaceAll('\n', '').includes(fact), fact)
  assert.ok(first.replaceAll('\n', '').includes(receipt.signature), 'the signature is printed in full')
  assert.match(
    first.replaceAll('\n', ' '),
    /npm run receipt:verify -- receipt-APP-R0001-r1\.json --url http:\/\/localhost:3000/,
  )
  assert.match(first, /Page 1 sur \d+/)
  const rest = pages.slice(1).join('\n')
  assert.match(rest, /ŁÓDŹ-WATER — Détection précoce des intrusions/)
  assert.match(rest, /Démonstrateur/, 'the option label, not its id')
  assert.match(rest, /• Secteur public/)
  assert.match(rest, /Pilote à Šiauliai/)
  assert.match(rest, /40\s000,00\s€/, 'money in French')
  assert.match(rest, /Total\n80\s000,00\s€/, 'the budget total')
  assert.match(rest, /Jūratė Žemaitytė/)
  assert.match(rest, /annexe-Łódź\.pdf/)
  assert.ok(rest.replaceAll('\n', '').includes(upload.body.sha256), 'the file list carries the SHA-256')
  // The signed receipt travels inside the PDF.
  const attached = attachmentsOf(pdf)
  assert.deepEqual(Object.keys(attached), ['receipt-APP-R0001-r1.json'])
  assert.deepEqual(JSON.parse(attached['receipt-APP-R0001-r1.json']!), receipt)

  const en = await leadClient.get(`/api/v1/applications/${application.id}/revisions/1/receipt.pdf`, {
    'accept-language': 'nl-BE,nl;q=0.9',
  })
  assert.match(pdfText(await PDFDocument.load(en.raw.rawPayload))[0]!, /Ontvangstbewijs van de indiening/)
})

test('another organisation’s member cannot download the PDF', async () => {
  const other = client()
  await other.signIn(outsider.member.email, outsider.member.password)
  const res = await other.get(`/api/v1/applications/${application.id}/revisions/1/receipt.pdf`)
  assert.equal(res.status, 404)
  assert.equal(res.body.code, 'application_not_found')
})

test('receipt:verify accepts the real receipt against the published keys, with its content', async () => {
  const r = await verify(files.receipt, '--keys', files.keys, '--content', files.revision)
  assert.equal(r.code, 0, r.out)
  assert.match(r.out, /VALID: the receipt was signed by a published key/)
  assert.match(r.out, /\[ok {2}\] digest/)
})

test('receipt:verify fetches the published keys from the platform’s address', async () => {
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' })
  const r = await verifyDirect(files.receipt, '--url', url)
  assert.equal(r.code, 0, r.out)
  assert.match(r.out, /published keys from http:\/\/127\.0\.0\.1:\d+\/\.well-known\/cascade-receipt-keys\.json/)
})

test('receipt:verify refuses a tampered receipt with exit code 1', async () => {
  const earlier = tampered('earlier', (r) => {
    r.payload.submittedAt = '2026-03-14T15:59:57.000Z'
  })
  const a = await verify(earlier, '--keys', files.keys)
  assert.equal(a.code, 1, a.out)
  assert.match(a.out, /\[FAIL\] signature/)
  assert.match(a.out, /INVALID/)

  const signature = tampered('signature', (r) => {
    const bytes = Buffer.from(r.signature, 'base64')
    bytes[0] = (bytes[0] ?? 0) ^ 0xff
    r.signature = bytes.toString('base64')
  })
  assert.equal((await verifyDirect(signature, '--keys', files.keys)).code, 1)

  const otherKeys = join(dir, 'other-keys.json')
  writeFileSync(otherKeys, JSON.stringify({ keys: [] }))
  const unknown = await verifyDirect(files.receipt, '--keys', otherKeys)
  assert.equal(unknown.code, 1, unknown.out)
  assert.match(unknown.out, /\[FAIL\] published_key/)

  const wrongContent = join(dir, 'content.json')
  writeFileSync(wrongContent, JSON.stringify({ ...JSON.parse(receiptFile.raw.body), tampered: true }))
  assert.equal((await verifyDirect(files.receipt, '--keys', files.keys, '--content', wrongContent)).code, 1)
})

test('receipt:verify without published keys says so (exit 3) and prints the fingerprint; bad usage is exit 2', async () => {
  const r = await verifyDirect(files.receipt)
  assert.equal(r.code, 3, r.out)
  assert.match(r.out, /SIGNATURE VALID, KEY NOT VERIFIED/)
  assert.match(r.out, /fingerprint \(SHA-256\) ([0-9a-f]{2}:){31}[0-9a-f]{2}/)
  assert.equal((await verifyDirect()).code, 2)
  assert.equal((await verifyDirect(files.receipt, '--keys', files.keys, '--url', 'http://x')).code, 2)
})
