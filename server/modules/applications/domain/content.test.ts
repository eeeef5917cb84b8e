import assert from 'node:assert/strict'
import { generateKeyPairSync, sign } from 'node:crypto'
import { describe, it } from 'node:test'
import { partnerPart } from '../../../../shared/contracts/applications.ts'
import { canonical, keyIdOf, sha256Hex, verifySignature } from '../../../platform/signing/index.ts'
import { buildContent, type ContentInput, filesOf, receiptFilename, receiptPayload, signReceipt } from './content.ts'

const file = (id: string) => ({
  fileId: `00000000-0000-4000-8000-00000000000${id}`,
  filename: `f${id}.pdf`,
  contentType: 'application/pdf',
  byteSize: 10,
  sha256: id.repeat(64).slice(0, 64),
})
const facts = (name: string, country: 'BE' | 'FR') => ({
  organisationId: null,
  legalName: name,
  country,
  type: 'sme',
  smeStatus: 'small' as const,
  linkedToProgrammePartner: false,
  otherApplications: [],
})
const input: ContentInput = {
  call: { id: 'c', code: 'OC1', version: 2 },
  application: {
    id: '11111111-1111-4111-8111-111111111111',
    reference: 'APP-00042',
    challengeId: null,
    acronym: 'QUOKKA',
    title: 'Quokka',
    leadOrganisationId: 'o',
    version: 9,
  },
  answers: { summary: 'Hello', annex: [file('1'), file('2')] },
  partners: [
    {
      id: 'p1',
      role: 'lead',
      organisationId: 'o1',
      facts: facts('Lead BV', 'BE'),
      part: partnerPart.parse({}),
      partVersion: 1,
    },
    {
      id: 'p2',
      role: 'partner',
      organisationId: 'o2',
      facts: facts('Partner SAS', 'FR'),
      part: partnerPart.parse({ answers: { cv: [file('3'), file('1')] } }),
      partVersion: 4,
    },
  ],
}

describe('submission content', () => {
  it('lists every file once, with where it answers', () => {
    assert.deepEqual(
      filesOf(input.answers, input.partners).map((f) => [f.filename, f.questionId, f.partnerId]),
      [
        ['f1.pdf', 'annex', null],
        ['f2.pdf', 'annex', null],
        ['f3.pdf', 'cv', 'p2'],
      ],
    )
  })
  it('the digest is the SHA-256 of the canonical content: key order does not matter, a file hash does', () => {
    const a = buildContent(input)
    assert.equal(a.digest, sha256Hex(canonical(a.content)))
    const reordered = buildContent({ ...input, answers: { annex: input.answers.annex!, summary: 'Hello' } })
    assert.equal(reordered.digest, a.digest)
    const otherBytes = buildContent({ ...input, answers: { ...input.answers, annex: [file('1'), file('4')] } })
    assert.notEqual(otherBytes.digest, a.digest)
  })
  it('the receipt is signed over its canonical payload and verifies; a changed payload does not', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
    const signer = {
      keyId: keyIdOf(spki),
      publicKey: spki,
      sign: (b: Uint8Array | string) => sign(null, Buffer.from(b), privateKey).toString('base64'),
    }
    const { digest, files } = buildContent(input)
    const payload = receiptPayload({
      receiptId: 'r',
      input,
      digest,
      files,
      revision: 3,
      submittedAt: new Date('2026-03-14T15:59:59Z'),
      deadline: new Date('2026-03-14T16:00:00Z'),
      issuer: 'https://cascade.example',
    })
    assert.equal(payload.leadOrganisation, 'Lead BV')
    assert.deepEqual(payload.partners, [
      { name: 'Lead BV', country: 'BE' },
      { name: 'Partner SAS', country: 'FR' },
    ])
    assert.equal(payload.files.length, 3)
    const receipt = signReceipt(signer, payload)
    assert.equal(verifySignature(spki, canonical(receipt.payload), receipt.signature), true)
    assert.equal(verifySignature(spki, canonical({ ...payload, revision: 4 }), receipt.signature), false)
    assert.equal(receiptFilename('APP-00042', 3), 'receipt-APP-00042-r3.json')
  })
})
