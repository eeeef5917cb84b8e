import type { FastifyReply } from 'fastify'
import { PDFDocument } from 'pdf-lib'
import type { Locale } from '../../../../../shared/contracts/common.ts'
import type { EvaluationResult } from '../../../../../shared/contracts/evaluation-decisions.ts'
import { attachmentHeader } from '../../../../platform/export/tabular.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { translate } from '../../../../platform/i18n/index.ts'
// The application PDF's tooling (fonts, flowing layout, formats); not re-exported by the applications
// module's index.ts yet.
import { embedFonts, PdfWriter, pdfFormat } from '../../../applications/index.ts'
import { readEvaluationResult } from '../queries/result.ts'

/** `evaluation-summary-APP-00042.pdf` */
export function summaryFileName(reference: string): string {
  return `evaluation-summary-${reference.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`
}

/**
 * The evaluation summary as a PDF, in the reader's language: the decision (outcome, rank, granted
 * amount), then per criterion the consensus score and comment, the overall comment and the total. It is
 * drawn from the same `EvaluationResult` the page shows — which holds no expert identity and no
 * individual evaluation. Pure: the same result gives the same bytes (dated at the notification).
 */
export async function renderSummaryPdf(r: EvaluationResult, locale: Locale): Promise<Uint8Array> {
  const f = pdfFormat(locale)
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    translate(locale, `decisions.pdf.${key}`, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])))
  const at = new Date(r.notifiedAt)
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setTitle(t('title', { reference: r.reference }))
  doc.setSubject(`${r.call.code} · ${r.reference} · ${r.acronym}`)
  doc.setCreator('Cascade')
  doc.setProducer('Cascade (pdf-lib)')
  doc.setLanguage(locale)
  doc.setCreationDate(at)
  doc.setModificationDate(at)
  const w = new PdfWriter(doc, await embedFonts(doc))

  w.heading(t('title', { reference: r.reference }), 1)
  w.field(t('application'), `${r.reference} — ${r.acronym}: ${r.title}`)
  w.field(t('call'), `${r.call.code} — ${f.localized(r.call.title)}`)
  w.field(t('notifiedAt'), f.instant(r.notifiedAt, r.call.timeZone))

  w.heading(t('decision'), 2)
  w.field(t('outcome'), t(`outcomes.${r.outcome}`))
  w.field(t('rank'), r.rank === null ? t('notRanked') : String(r.rank))
  if (r.reserveRank !== null) w.field(t('reserveRank'), String(r.reserveRank))
  w.field(t('requested'), f.money(r.requestedCents))
  if (r.grantedCents !== null) w.field(t('granted'), f.money(r.grantedCents))
  if (r.adjustmentReason) w.field(t('adjustmentReason'), r.adjustmentReason)
  if (r.promotedAt) w.field(t('promotedAt'), f.instant(r.promotedAt, r.call.timeZone))
  if (r.response && r.respondedAt)
    w.field(t('response'), `${t(`responses.${r.response}`)} (${f.instant(r.respondedAt, r.call.timeZone)})`)

  w.heading(t('scores'), 2)
  w.text(t('scale', { min: f.number(r.scale.min), max: f.number(r.scale.max) }), { size: 9, after: 6 })
  w.table(
    [
      { header: t('criterion'), width: 3 },
      { header: t('weight'), width: 1, align: 'right' },
      { header: t('score'), width: 1, align: 'right' },
    ],
    [
      ...r.criteria.map((c) => [f.localized(c.name), f.number(c.weight), c.score === null ? '—' : f.number(c.score)]),
      [t('total'), '', r.total === null ? '—' : `${f.number(r.total)} / ${f.number(r.maxTotal)}`],
    ],
    { boldLast: true },
  )
  for (const c of r.criteria) {
    w.answer(f.localized(c.name), c.comment.trim() || t('noComment'), { muted: !c.comment.trim() })
  }
  w.heading(t('overall'), 2)
  w.text(r.overallComment.trim() || t('noComment'))

  w.space(8)
  w.text(
    t('redress', {
      end: f.instant(r.redress.windowEndsAt, r.call.timeZone),
      days: r.redress.handlingWorkingDays,
    }),
    { size: 9 },
  )
  w.finish(t('footer', { reference: r.reference, call: r.call.code }), (n, total) => t('page', { n, total }))
  return doc.save({ useObjectStreams: true })
}

/** GET …/evaluation-result/summary.pdf */
export async function downloadSummaryPdf(
  ctx: CommandContext,
  applicationId: string,
  locale: Locale,
  reply: FastifyReply,
): Promise<void> {
  const result = await readEvaluationResult(ctx, applicationId)
  const pdf = await renderSummaryPdf(result, locale)
  await reply
    .code(200)
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentHeader(summaryFileName(result.reference)))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf))
}
