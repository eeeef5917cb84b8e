import type { ApplicationForm, FormQuestion } from '../../../../../shared/contracts/call-form.ts'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { ShownApplication, ShownPartner } from '../../../../../shared/contracts/evaluation.ts'

/** The parts of a submitted revision's content (applications/domain/content.ts) an expert reads. */
export interface RevisionForExpert {
  application: { id: string; reference: string; acronym: string; title: string }
  answers: Record<string, unknown>
  partners: {
    role: 'lead' | 'partner'
    facts: { legalName: string | null; country: string | null; type: string | null; smeStatus: string | null }
    part: {
      contactName?: string
      contactEmail?: string
      role?: string
      budget?: { requestedCents?: number }
      answers?: Record<string, unknown>
      declarationOfHonour?: { signatoryName?: string }
    }
  }[]
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
/** "A"…"Z", then "AA", "AB"… */
export function partnerLabel(i: number): string {
  return i < 26 ? LETTERS[i]! : `${partnerLabel(Math.floor(i / 26) - 1)}${LETTERS[i % 26]}`
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Legal forms dropped to find a name written without them ("Quokka Sensors" for "Quokka Sensors BV"). */
const LEGAL_FORM =
  /[\s,]+(B\.?V\.?|N\.?V\.?|S\.?A\.?S?\.?|S\.?A\.?R\.?L\.?|SRL|SPRL|GmbH|AG|Oy|AB|AS|Ltd\.?|LLC|Inc\.?|S\.?p\.?A\.?|S\.?L\.?|Sp\. z o\.o\.|ApS|A\/S|plc|Lda\.?|e\.?V\.?|vzw|asbl)$/i

/**
 * Replaces every mention of the names in `text` (case-insensitive, whole words; the longest first) by
 * their placeholder: organisation names with and without their legal form, contact and signatory
 * names, e-mail addresses.
 */
export function scrubText(text: string, names: { value: string; placeholder: string }[]): string {
  const terms: { value: string; placeholder: string }[] = []
  for (const n of names) {
    const v = n.value.trim()
    if (v.length < 3) continue
    terms.push({ value: v, placeholder: n.placeholder })
    const bare = v.replace(LEGAL_FORM, '').trim()
    if (bare.length >= 3 && bare !== v) terms.push({ value: bare, placeholder: n.placeholder })
  }
  terms.sort((a, b) => b.value.length - a.value.length)
  let out = text
  for (const t of terms) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(t.value)}(?![\\p{L}\\p{N}])`, 'giu'), t.placeholder)
  }
  return out
}

/** Applies `f` to every string inside a JSON value (answers: text, choices, work plans, file names). */
export function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v)
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]))
  return v
}

const leadFirst = <T extends { role: 'lead' | 'partner' }>(ps: readonly T[]): T[] =>
  [...ps].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1))

/** Every name that identifies an applicant, with the placeholder of its partner (the lead is A). */
export function identifyingNames(
  partners: RevisionForExpert['partners'],
  placeholderOf: (label: string) => string = (l) => `[Partner ${l}]`,
): { value: string; placeholder: string }[] {
  const names: { value: string; placeholder: string }[] = []
  leadFirst(partners).forEach((p, i) => {
    const ph = placeholderOf(partnerLabel(i))
    for (const v of [
      p.facts.legalName,
      p.part.contactName,
      p.part.contactEmail,
      p.part.declarationOfHonour?.signatoryName,
    ])
      if (v) names.push({ value: v, placeholder: ph })
  })
  return names
}

/** A file answer shown by name and size only (files are not handed to experts through this view). */
function shownValue(q: FormQuestion, v: unknown): unknown {
  if (q.type === 'file' && Array.isArray(v))
    return v.map((f) => ({
      filename: String((f as { filename?: unknown }).filename ?? ''),
      byteSize: Number((f as { byteSize?: unknown }).byteSize ?? 0),
    }))
  return v ?? null
}

/**
 * What an expert reads of a submitted revision, in the form's order. In anonymised mode the applicants
 * cannot be told: organisations become "Partner A" (the lead), "Partner B"…; their names, contact
 * names and e-mails, signatories and the references of their other applications are removed; every
 * mention of those in the answers (and in file names) is replaced by the partner's placeholder; image
 * answers (logos, photos) are dropped. Country, organisation type and SME status stay: experts judge
 * the consortium's make-up.
 */
export function revisionForExpert(
  rev: RevisionForExpert,
  form: ApplicationForm,
  meta: { revision: number; submittedAt: string },
  anonymised: boolean,
  placeholderOf: (label: string) => string = (l) => `[Partner ${l}]`,
): ShownApplication {
  const ordered = leadFirst(rev.partners)
  const names = identifyingNames(rev.partners, placeholderOf)
  const scrub = (v: unknown) => (anonymised ? mapStrings(v, (s) => scrubText(s, names)) : v)
  const isImage = (q: FormQuestion) => q.type === 'file' && q.accept.includes('image')
  const shown = (q: FormQuestion, answers: Record<string, unknown>) =>
    anonymised && isImage(q)
      ? []
      : [
          {
            questionId: q.id,
            label: q.label as LocalizedText,
            type: q.type,
            value: scrub(shownValue(q, answers[q.id])),
          },
        ]
  const questions = form.sections.flatMap((s) => s.questions)
  const partners: ShownPartner[] = ordered.map((p, i) => ({
    label: partnerLabel(i),
    role: p.role,
    name: anonymised ? null : p.facts.legalName,
    country: p.facts.country,
    type: p.facts.type,
    smeStatus: p.facts.smeStatus,
    contactName: anonymised ? null : p.part.contactName || null,
    contactEmail: anonymised ? null : p.part.contactEmail || null,
    roleText: String(scrub(p.part.role ?? '')),
    requestedCents: p.part.budget?.requestedCents ?? 0,
    answers: questions.filter((q) => q.scope === 'partner').flatMap((q) => shown(q, p.part.answers ?? {})),
  }))
  return {
    applicationId: rev.application.id,
    reference: rev.application.reference,
    acronym: String(scrub(rev.application.acronym)),
    title: String(scrub(rev.application.title)),
    revision: meta.revision,
    submittedAt: meta.submittedAt,
    requestedCents: partners.reduce((s, p) => s + p.requestedCents, 0),
    sections: form.sections.map((s) => ({
      id: s.id,
      title: s.title as LocalizedText,
      answers: s.questions.filter((q) => q.scope === 'shared').flatMap((q) => shown(q, rev.answers)),
    })),
    partners,
  }
}

/** The abstract: the answer to the question marked `abstract`, else the first long text, cut at 1,200 characters. */
export function abstractOf(form: ApplicationForm, answers: Record<string, unknown>): string {
  const qs = form.sections.flatMap((s) => s.questions).filter((q) => q.scope === 'shared')
  const q =
    qs.find((x) => x.semantic === 'abstract') ??
    qs.find((x) => x.type === 'long_text' && typeof answers[x.id] === 'string')
  const v = q ? answers[q.id] : undefined
  const s = typeof v === 'string' ? v.trim() : ''
  return s.length > 1200 ? `${s.slice(0, 1199)}…` : s
}
