import assert from 'node:assert/strict'
import { generateKeyPairSync, sign } from 'node:crypto'
import { describe, it } from 'node:test'
import type { ReceiptPayload, SignedReceipt } from '../../../shared/contracts/applications.ts'
import { canonical, keyIdOf, sha256Hex } from './index.ts'
import { fingerprintOf, keysOf, type PublishedKey, verifyReceipt } from './verify-receipt.ts'

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
  return { privateKey, spki, keyId: keyIdOf(spki) }
}

const content = {
  call: { code: 'DEMO-1', version: 1 },
  answers: { acronym: 'ŁÓDŹ', abstract: 'Détection précoce — één platform' },
  files: [{ filename: 'plan.pdf', sha256: 'ab'.repeat(32) }],
}

function receiptWith(key: ReturnType<typeof keyPair>, overrides: Partial<ReceiptPayload> = {}): SignedReceipt {
  const payload: ReceiptPayload = {
    type: 'cascade.submission-receipt/v1',
    receiptId: 'RCPT-1',
    applicationId: '3f0c1e9a-0000-4000-8000-000000000001',
    reference: 'APP-DEMO-1-0001',
    callCode: 'DEMO-1',
    callVersion: 1,
    acronym: 'ŁÓDŹ',
    title: 'Žalgiris émeute',
    revision: 1,
    submittedAt: '2026-03-14T15:59:59.000Z',
    deadline: '2026-03-14T16:00:00.000Z',
    leadOrganisation: 'Société Générale de Sécurité',
    partners: [{ name: 'Šiaulių bankas', country: 'LT' }],
    digest: sha256Hex(canonical(content)),
    files: [{ filename: 'plan.pdf', byteSize: 10, sha256: 'ab'.repeat(32) }],
    issuer: 'http://localhost:3000',
    ...overrides,
  }
  return {
    payload,
    signature: sign(null, Buffer.from(canonical(payload)), key.privateKey).toString('base64'),
    keyId: key.keyId,
    algorithm: 'Ed25519',
    publicKey: key.spki,
  }
}

const platform = keyPair()
const published: PublishedKey[] = [
  { keyId: platform.keyId, algorithm: 'Ed25519', publicKey: platform.spki, createdAt: '2026-01-01T00:00:00.000Z' },
]
const statusOf = (r: ReturnType<typeof verifyReceipt>, name: string) => r.checks.find((c) => c.name === name)?.status

describe('receipt verification', () => {
  it('accepts a receipt signed by a published key, with the content it was issued for', () => {
    const r = verifyReceipt(receiptWith(platform), { keys: published, content })
    assert.equal(r.verdict, 'valid')
    assert.deepEqual(
      r.checks.map((c) => [c.name, c.status]),
      [
        ['format', 'pass'],
        ['key_id', 'pass'],
        ['signature', 'pass'],
        ['published_key', 'pass'],
        ['digest', 'pass'],
      ],
    )
    assert.equal(r.fingerprint, fingerprintOf(platform.spki))
    assert.match(r.fingerprint ?? '', /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/)
  })

  it('accepts a revision download ({ revision, digest, content, receipt }) as the content', () => {
    const receipt = receiptWith(platform)
    const download = { revision: 1, digest: receipt.payload.digest, content, receipt }
    assert.equal(verifyReceipt(receipt, { keys: published, content: download }).verdict, 'valid')
    assert.equal(verifyReceipt(receipt, { keys: published, content: { ...download, revision: 2 } }).verdict, 'invalid')
  })

  it('without published keys, says the signature holds but the key is unverified', () => {
    const r = verifyReceipt(receiptWith(platform))
    assert.equal(r.verdict, 'unverified_key')
    assert.equal(statusOf(r, 'signature'), 'pass')
    assert.equal(statusOf(r, 'published_key'), 'skipped')
  })

  it('refuses a receipt whose payload was changed after signing', () => {
    const receipt = receiptWith(platform)
    for (const tampered of [
      { ...receipt.payload, submittedAt: '2026-03-14T15:59:58.000Z' },
      { ...receipt.payload, revision: 2 },
      { ...receipt.payload, acronym: 'LODZ' },
      { ...receipt.payload, digest: sha256Hex('something else') },
      { ...receipt.payload, partners: [] },
      // An extra field is part of what was signed: adding one breaks the signature too.
      { ...receipt.payload, note: 'late but accepted' },
    ]) {
      const r = verifyReceipt({ ...receipt, payload: tampered }, { keys: published })
      assert.equal(r.verdict, 'invalid', JSON.stringify(tampered))
      assert.equal(statusOf(r, 'signature'), 'fail')
    }
  })

  it('refuses a tampered signature', () => {
    const receipt = receiptWith(platform)
    const bytes = Buffer.from(receipt.signature, 'base64')
    bytes[10] = (bytes[10] ?? 0) ^ 0x01
    const r = verifyReceipt({ ...receipt, signature: bytes.toString('base64') }, { keys: published })
    assert.equal(r.verdict, 'invalid')
    assert.equal(statusOf(r, 'signature'), 'fail')
    assert.equal(verifyReceipt({ ...receipt, signature: 'not base64 at all!' }, { keys: published }).verdict, 'invalid')
  })

  it('refuses a well-signed receipt whose key is not published (a forger signing with their own key)', () => {
    const forger = keyPair()
    const r = verifyReceipt(receiptWith(forger), { keys: published })
    assert.equal(r.verdict, 'invalid')
    assert.equal(statusOf(r, 'signature'), 'pass')
    assert.equal(statusOf(r, 'published_key'), 'fail')
    // …or claims a published key id while embedding another key.
    const claimed = { ...receiptWith(forger), keyId: platform.keyId }
    const c = verifyReceipt(claimed, { keys: published })
    assert.equal(c.verdict, 'invalid')
    assert.equal(statusOf(c, 'key_id'), 'fail')
    assert.equal(statusOf(c, 'published_key'), 'fail')
  })

  it('refuses a receipt dated after its key was retired', () => {
    const retired = [{ ...published[0]!, retiredAt: '2026-03-01T00:00:00.000Z' }]
    assert.equal(verifyReceipt(receiptWith(platform), { keys: retired }).verdict, 'invalid')
    const before = receiptWith(platform, { submittedAt: '2026-02-27T10:00:00.000Z' })
    assert.equal(verifyReceipt(before, { keys: retired }).verdict, 'valid')
  })

  it('refuses content that does not match the digest, and anything that is not a receipt', () => {
    const r = verifyReceipt(receiptWith(platform), {
      keys: published,
      content: { ...content, answers: { ...content.answers, acronym: 'LODZ' } },
    })
    assert.equal(r.verdict, 'invalid')
    assert.equal(statusOf(r, 'digest'), 'fail')
    for (const junk of [null, 'text', {}, { payload: {} }, { ...receiptWith(platform), algorithm: 'RSA' }]) {
      const j = verifyReceipt(junk, { keys: published })
      assert.equal(j.verdict, 'invalid')
      assert.equal(statusOf(j, 'format'), 'fail')
    }
  })

  it('reads keys documents as published or as a bare list', () => {
    assert.deepEqual(keysOf({ keys: published }), published)
    assert.deepEqual(keysOf(published), published)
    assert.equal(keysOf({ keys: [{ keyId: 1 }] }), null)
    assert.equal(keysOf('nope'), null)
  })
})
