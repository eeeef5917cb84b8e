import type {
  Answers,
  PartnerFacts,
  PartnerPart,
  ReceiptPayload,
  SignedReceipt,
  UploadedFile,
} from '../../../../shared/contracts/applications.ts'
import { canonical, type Signer, sha256Hex } from '../../../platform/signing/index.ts'

/** One partner as submitted: the lead and the partners that accepted, in consortium order. */
export interface SubmittedPartner {
  id: string
  role: 'lead' | 'partner'
  organisationId: string | null
  facts: PartnerFacts
  part: PartnerPart
  partVersion: number
}

export interface ContentInput {
  call: { id: string; code: string; version: number }
  application: {
    id: string
    reference: string
    challengeId: string | null
    acronym: string
    title: string
    leadOrganisationId: string
    /** The working-copy version submitted (`changedSinceSubmission` compares with it). */
    version: number
  }
  answers: Answers
  partners: SubmittedPartner[]
}

export interface ContentFile extends UploadedFile {
  questionId: string
  partnerId: string | null
}

export const CONTENT_FORMAT = 'cascade.application-content/v1'

const isFile = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && 'fileId' in v && 'sha256' in v && 'byteSize' in v

/** Every file the answers point at (shared answers, then each partner's), once each. */
export function filesOf(answers: Answers, partners: readonly SubmittedPartner[]): ContentFile[] {
  const out: ContentFile[] = []
  const seen = new Set<string>()
  const collect = (a: Answers, partnerId: string | null) => {
    for (const [questionId, value] of Object.entries(a)) {
      if (!Array.isArray(value)) continue
      for (const f of value) {
        if (!isFile(f) || seen.has(f.fileId)) continue
        seen.add(f.fileId)
        out.push({ ...f, questionId, partnerId })
      }
    }
  }
  collect(answers, null)
  for (const p of partners) collect(p.part.answers, p.id)
  return out
}

/**
 * The content of a revision, as hashed: the call (code and configuration version), the application's
 * fields, every shared answer, each partner with the facts read from its profile at submission and its
 * own part, and the list of files with their SHA-256 — so the digest covers the files' bytes too.
 */
export function buildContent(input: ContentInput): {
  content: Record<string, unknown>
  files: ContentFile[]
  digest: string
} {
  const files = filesOf(input.answers, input.partners)
  const content = {
    format: CONTENT_FORMAT,
    call: input.call,
    application: input.application,
    answers: input.answers,
    partners: input.partners,
    files,
  }
  return { content, files, digest: sha256Hex(canonical(content)) }
}

export const RECEIPT_TYPE = 'cascade.submission-receipt/v1'

/** The receipt's payload: what was submitted, when, by whom, with the digest of the content. */
export function receiptPayload(p: {
  receiptId: string
  input: ContentInput
  digest: string
  files: readonly ContentFile[]
  revision: number
  submittedAt: Date
  deadline: Date
  issuer: string
}): ReceiptPayload {
  const lead = p.input.partners.find((x) => x.role === 'lead')
  return {
    type: RECEIPT_TYPE,
    receiptId: p.receiptId,
    applicationId: p.input.application.id,
    reference: p.input.application.reference,
    callCode: p.input.call.code,
    callVersion: p.input.call.version,
    acronym: p.input.application.acronym,
    title: p.input.application.title,
    revision: p.revision,
    submittedAt: p.submittedAt.toISOString(),
    deadline: p.deadline.toISOString(),
    leadOrganisation: lead?.facts.legalName ?? '',
    partners: p.input.partners.map((x) => ({ name: x.facts.legalName ?? '', country: x.facts.country })),
    digest: p.digest,
    files: p.files.map((f) => ({ filename: f.filename, byteSize: f.byteSize, sha256: f.sha256 })),
    issuer: p.issuer,
  }
}

/** Signs the canonical JSON (RFC 8785) of the payload with the platform's Ed25519 key. */
export function signReceipt(signer: Signer, payload: ReceiptPayload): SignedReceipt {
  return {
    payload,
    signature: signer.sign(canonical(payload)),
    keyId: signer.keyId,
    algorithm: 'Ed25519',
    publicKey: signer.publicKey,
  }
}

/** `receipt-APP-00042-r2.json` */
export function receiptFilename(reference: string, revision: number, ext = 'json'): string {
  return `receipt-${reference}-r${revision}.${ext}`
}
