import {
  type Answers,
  type PartnerPart,
  partnerPart,
  type SignedReceipt,
} from '../../../../shared/contracts/applications.ts'
import type { ApplicationForm } from '../../../../shared/contracts/call-form.ts'
import type { Locale, LocalizedText } from '../../../../shared/contracts/common.ts'

/** What the PDF is made of: the call (its form at the receipt's version), the submitted content, the receipt. */
export interface ApplicationPdfInput {
  call: {
    code: string
    title: LocalizedText
    /** The call version the application was submitted under (the receipt's `callVersion`). */
    version: number
    timeZone: string
    /** The form of that version: sections, questions, option labels. */
    form: ApplicationForm
    challenges?: { id: string; title: LocalizedText }[]
  }
  /** The revision's content as stored (`application_revisions.content`): what the digest covers. */
  content: Record<string, unknown>
  receipt: SignedReceipt
  locale: Locale
  /** The platform's address for the verification instructions (default: the receipt's issuer). */
  publicUrl?: string
}

export interface PdfPartner {
  id: string
  role: 'lead' | 'partner'
  name: string
  country: string | null
  type: string | null
  smeStatus: string | null
  part: PartnerPart
  confirmedVersion: number | null
}

export interface PdfFile {
  filename: string
  byteSize: number
  sha256: string
  questionId: string | null
  partnerId: string | null
}

export interface PdfContent {
  reference: string
  acronym: string
  title: string
  challengeId: string | null
  answers: Answers
  partners: PdfPartner[]
  files: PdfFile[]
}

type Loose = Record<string, unknown>

/** A part as stored; a piece that no longer fits today's contract falls back to its default alone. */
function readPart(raw: unknown): PartnerPart {
  const whole = partnerPart.safeParse(raw ?? {})
  if (whole.success) return whole.data
  const r = obj(raw)
  const out = partnerPart.parse({})
  for (const key of Object.keys(partnerPart.shape) as (keyof PartnerPart)[]) {
    const one = partnerPart.shape[key].safeParse(r[key])
    if (one.success) (out as Record<string, unknown>)[key] = one.data
  }
  return out
}
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {})
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null)

/**
 * Reads the stored content leniently: the PDF of an old revision must still render when the content's
 * shape has grown since. Missing parts read as empty; the receipt fills the facts it also carries.
 */
export function readContent(content: Loose, receipt: SignedReceipt): PdfContent {
  const app = { ...content, ...obj(content.application) }
  const partners = (Array.isArray(content.partners) ? content.partners : [])
    .map(obj)
    .filter((p) => !['declined', 'removed'].includes(str(p.status) ?? ''))
    .map((p, i): PdfPartner => {
      const facts = obj(p.facts)
      return {
        id: str(p.id) ?? String(i),
        role: p.role === 'lead' ? 'lead' : 'partner',
        name: str(facts.legalName) ?? str(p.name) ?? str(p.invitedName) ?? str(p.invitedEmail) ?? '—',
        country: str(facts.country) ?? str(p.country),
        type: str(facts.type) ?? str(p.type),
        smeStatus: str(facts.smeStatus) ?? str(p.smeStatus),
        part: readPart(p.part),
        confirmedVersion: num(p.confirmedVersion) ?? num(p.partVersion),
      }
    })
  // The lead first, then the partners in their order.
  partners.sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1))
  const fileList = Array.isArray(content.files) ? content.files : receipt.payload.files
  const files = fileList.map(obj).map(
    (f): PdfFile => ({
      filename: str(f.filename) ?? '—',
      byteSize: num(f.byteSize) ?? 0,
      sha256: str(f.sha256) ?? '',
      questionId: str(f.questionId),
      partnerId: str(f.partnerId),
    }),
  )
  return {
    reference: str(app.reference) ?? receipt.payload.reference,
    acronym: str(app.acronym) ?? receipt.payload.acronym,
    title: str(app.title) ?? receipt.payload.title,
    challengeId: str(app.challengeId),
    answers: obj(content.answers) as Answers,
    partners,
    files,
  }
}
