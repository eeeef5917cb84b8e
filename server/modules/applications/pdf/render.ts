import { PDFDocument } from 'pdf-lib'
import { drawSections } from './answers.ts'
import { drawConsortium, drawFiles } from './consortium.ts'
import { embedFonts } from './fonts.ts'
import { pdfFormat } from './format.ts'
import { type ApplicationPdfInput, readContent } from './input.ts'
import { PdfWriter } from './layout.ts'
import { drawReceiptPage, receiptFileName } from './receipt-page.ts'

/**
 * The application as submitted, as a PDF: the receipt first (facts, digest, key, signature, how to
 * verify), then every answered section with its questions, the consortium with each partner's part,
 * the budget table and the file list with SHA-256. The signed receipt itself is attached to the PDF
 * (`receipt-<reference>-r<revision>.json`), so the PDF carries what `npm run receipt:verify` checks.
 * Pure: the same input gives the same pages (the PDF's dates are the submission time).
 */
export async function renderApplicationPdf(input: ApplicationPdfInput): Promise<Uint8Array> {
  const f = pdfFormat(input.locale)
  const p = input.receipt.payload
  const submitted = new Date(p.submittedAt)
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setTitle(f.t('title', { reference: p.reference, revision: p.revision }))
  doc.setSubject(`${p.callCode} · ${p.acronym} · revision ${p.revision} · sha256 ${p.digest}`)
  doc.setKeywords([p.reference, p.callCode, p.digest, input.receipt.keyId])
  doc.setAuthor(p.leadOrganisation)
  doc.setCreator('Cascade')
  doc.setProducer('Cascade (pdf-lib)')
  doc.setLanguage(input.locale)
  doc.setCreationDate(submitted)
  doc.setModificationDate(submitted)

  const fonts = await embedFonts(doc)
  const w = new PdfWriter(doc, fonts)
  drawReceiptPage(w, input, f)

  const content = readContent(input.content, input.receipt)
  const questions = input.call.form.sections.flatMap((s) => s.questions)
  w.newPage()
  w.heading(`${content.acronym || p.acronym}${content.title ? ` — ${content.title}` : ''}`, 1)
  w.field(f.t('receipt.reference'), content.reference)
  w.field(
    f.t('receipt.call'),
    f.t('receipt.callValue', {
      code: input.call.code,
      title: f.localized(input.call.title),
      version: input.call.version,
    }),
  )
  const challenge = input.call.challenges?.find((c) => c.id === content.challengeId)
  if (challenge) w.field(f.t('app.challenge'), f.localized(challenge.title))
  w.field(f.t('receipt.revision'), String(p.revision))
  w.field(f.t('receipt.submittedLocal', { zone: input.call.timeZone }), f.instant(p.submittedAt, input.call.timeZone))
  w.space(4)
  w.text(f.t('app.requiredNote'), { size: 8, after: 2 })

  drawSections(w, input.call.form, content, f)
  drawConsortium(w, input.call.form, content, f)
  drawFiles(w, questions, content, f)

  w.finish(f.t('footer', { reference: p.reference, revision: p.revision, digest: p.digest.slice(0, 16) }), (n, total) =>
    f.t('page', { n, total }),
  )

  await doc.attach(
    new TextEncoder().encode(`${JSON.stringify(input.receipt, null, 2)}\n`),
    receiptFileName(input.receipt),
    {
      mimeType: 'application/json',
      description: f.t('receipt.title'),
      creationDate: submitted,
      modificationDate: submitted,
    },
  )
  return doc.save({ useObjectStreams: true })
}
