import type { FastifyBaseLogger } from 'fastify'
import type { SignedReceipt } from '../../../../shared/contracts/applications.ts'
import type { Locale, LocalizedText } from '../../../../shared/contracts/common.ts'
import { systemActor } from '../../../platform/authz/actor.ts'
import { type Clock, systemClock } from '../../../platform/clock.ts'
import { type Database, inTransaction } from '../../../platform/db/client.ts'
import { asLocale } from '../../../platform/i18n/index.ts'
import type { JobWorker } from '../../../platform/jobs/queue.ts'
import type { Logger } from '../../../platform/logger.ts'
import type { MailAttachment, Mailer } from '../../../platform/mail/mailer.ts'
import { receiptFilename } from '../domain/content.ts'
import { renderApplicationPdf } from '../pdf/render.ts'
import { loadPdfInput } from '../pdf/serve-pdf.ts'
import { localized, translateOr } from './invitation-mail.ts'

/** One job per submission: it mails the receipt to every member of every organisation in the consortium. */
export const RECEIPT_MAIL_QUEUE = 'applications.receipt_mail'

export interface ReceiptMailDeps {
  mailer: Mailer
  publicUrl: string
  log: Logger
  clock?: Clock
}

/**
 * The PDF of the revision (receipt page and the whole application) in one language, or null if it
 * cannot be made: the receipt mail then goes without it rather than not at all.
 */
async function pdfAttachment(
  db: Database,
  deps: ReceiptMailDeps,
  p: { applicationId: string; revision: number; reference: string; locale: Locale },
): Promise<MailAttachment | null> {
  try {
    const ctx = {
      db,
      actor: systemActor,
      clock: deps.clock ?? systemClock,
      requestId: null,
      mailer: deps.mailer,
      publicUrl: deps.publicUrl,
      log: deps.log as FastifyBaseLogger,
    }
    const pdf = await renderApplicationPdf(await loadPdfInput(ctx, p.applicationId, p.revision, p.locale))
    return {
      filename: receiptFilename(p.reference, p.revision, 'pdf'),
      contentType: 'application/pdf',
      content: Buffer.from(pdf).toString('base64'),
    }
  } catch (err) {
    deps.log.error({ err, applicationId: p.applicationId, revision: p.revision }, 'receipt PDF failed')
    return null
  }
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * Sends the receipt of one revision, after the submission committed (the job is enqueued in its
 * transaction): to every member of the organisations submitted in the consortium (the revision's
 * partners), in their language, with the signed receipt (JSON) and the application's PDF (receipt page
 * and every answer, pdf/) attached. All the messages are
 * written in one transaction, so a retried job does not leave half the consortium unmailed.
 */
export async function sendReceiptMails(db: Database, deps: ReceiptMailDeps, applicationId: string, revision: number) {
  const r = await db
    .selectFrom('application_revisions as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select(['r.receipt', 'r.content', 'a.reference', 'a.acronym', 'c.title as call_title'])
    .where('r.application_id', '=', applicationId)
    .where('r.revision', '=', revision)
    .executeTakeFirst()
  if (!r) return
  const receipt = json<SignedReceipt>(r.receipt)
  const content = json<{ partners?: { organisationId: string | null }[] }>(r.content)
  const organisationIds = (content.partners ?? []).map((p) => p.organisationId).filter((x): x is string => !!x)
  if (organisationIds.length === 0) return
  const people = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.name', 'u.locale'])
    .distinct()
    .where('m.organisation_id', 'in', organisationIds)
    .where('u.disabled_at', 'is', null)
    .execute()
  const receiptJson: MailAttachment = {
    filename: receiptFilename(r.reference, revision),
    contentType: 'application/json',
    content: Buffer.from(`${JSON.stringify(receipt, null, 2)}\n`).toString('base64'),
  }
  const pdfs = new Map<Locale, MailAttachment | null>()
  for (const locale of new Set(people.map((x) => asLocale(x.locale)))) {
    pdfs.set(locale, await pdfAttachment(db, deps, { applicationId, revision, reference: r.reference, locale }))
  }
  const url = `${deps.publicUrl}/app/applications/${applicationId}`
  await inTransaction(db, async (tx) => {
    for (const person of people) {
      const locale = asLocale(person.locale)
      const vars = {
        name: person.name,
        reference: r.reference,
        acronym: r.acronym || r.reference,
        call: localized(r.call_title as LocalizedText, locale),
        revision: String(revision),
        submittedAt: receipt.payload.submittedAt,
        digest: receipt.payload.digest,
        url,
      }
      const subject = translateOr(
        locale,
        'applications.mail.receipt.subject',
        vars,
        `Receipt: ${vars.acronym} (${vars.reference}) submitted, revision ${vars.revision}`,
      )
      const body = translateOr(
        locale,
        'applications.mail.receipt.body',
        vars,
        `The application ${vars.acronym} (${vars.reference}) to the call “${vars.call}” was submitted on ${vars.submittedAt} (revision ${vars.revision}).\n\nSHA-256 of the submitted content: ${vars.digest}\n\nThe signed receipt is attached; it can be verified offline with the platform's published key. The application: ${url}`,
      )
      await deps.mailer.send(tx, {
        to: person.email,
        template: 'application_receipt',
        subject,
        text: body.includes(url) ? `${body}\n` : `${body}\n\n${url}\n`,
        attachments: [receiptJson, ...(pdfs.get(locale) ? [pdfs.get(locale)!] : [])],
      })
    }
  })
}

/**
 * The receipt mails are background work: the receipt is in the submit response already, and rendering
 * the PDF (milliseconds of CPU on the event loop) must not slow a deadline surge, so while requests are
 * under way the worker sends one per tick, and the rest when the server is quiet.
 */
export function registerApplicationJobs(worker: JobWorker, deps: ReceiptMailDeps): void {
  worker.register(
    RECEIPT_MAIL_QUEUE,
    async (payload, db) => {
      await sendReceiptMails(db, deps, String(payload.applicationId), Number(payload.revision))
    },
    { background: true },
  )
}
