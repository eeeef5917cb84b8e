import nodemailer, { type Transporter } from 'nodemailer'
import type { Database, Tx } from '../db/client.ts'
import type { JobWorker } from '../jobs/queue.ts'
import { enqueue } from '../jobs/queue.ts'

/** A file sent with a message; `content` is base64 (it is stored in the row as it is sent). */
export interface MailAttachment {
  filename: string
  contentType: string
  content: string
}

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html?: string
  /** Which template produced it (verify, reset, invitation…), for filtering. */
  template: string
  attachments?: MailAttachment[]
}

/** The attachments stored in a `mail_messages` row (anything malformed is left out). */
export function storedAttachments(value: unknown): MailAttachment[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  if (!Array.isArray(list)) return []
  return list.filter(
    (a): a is MailAttachment =>
      typeof a === 'object' &&
      a !== null &&
      typeof a.filename === 'string' &&
      typeof a.contentType === 'string' &&
      typeof a.content === 'string',
  )
}

export interface Mailer {
  /** Records the message; SMTP delivery happens after commit, from a job. */
  send(tx: Tx | Database, mail: OutgoingMail): Promise<string>
  readonly transport: 'smtp' | 'mailbox'
  /** The sender (MAIL_FROM), `Name <address>`. */
  readonly from: string
}

export const MAIL_QUEUE = 'mail.send'

/**
 * Without SMTP_URL, messages are kept in the development mailbox (the `mail_messages` table), which
 * operators open in the UI. With SMTP_URL they are queued and sent by the job worker, with retries.
 */
export function createMailer(opts: { smtpUrl: string | undefined; from: string }): Mailer {
  const transport = opts.smtpUrl ? 'smtp' : 'mailbox'
  return {
    transport,
    from: opts.from,
    async send(tx, mail) {
      const row = await tx
        .insertInto('mail_messages')
        .values({
          to_address: mail.to.toLowerCase(),
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html ?? null,
          transport,
          status: transport === 'mailbox' ? 'sent' : 'queued',
          template: mail.template,
          attachments: JSON.stringify(mail.attachments ?? []),
          ...(transport === 'mailbox' ? { sent_at: new Date() } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (transport === 'smtp') await enqueue(tx, MAIL_QUEUE, { messageId: row.id })
      return row.id
    },
  }
}

/** Registers the SMTP delivery job. */
export function registerMailDelivery(worker: JobWorker, opts: { smtpUrl: string | undefined; from: string }): void {
  if (!opts.smtpUrl) return
  const transporter: Transporter = nodemailer.createTransport(opts.smtpUrl)
  worker.register(MAIL_QUEUE, async (payload, db) => {
    const id = String(payload.messageId)
    const m = await db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst()
    if (!m || m.status === 'sent') return
    try {
      await transporter.sendMail({
        from: opts.from,
        to: m.to_address,
        subject: m.subject,
        text: m.text_body,
        ...(m.html_body ? { html: m.html_body } : {}),
        attachments: storedAttachments(m.attachments).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, 'base64'),
        })),
      })
      await db
        .updateTable('mail_messages')
        .set({ status: 'sent', sent_at: new Date(), error: null })
        .where('id', '=', id)
        .execute()
    } catch (err) {
      await db
        .updateTable('mail_messages')
        .set({ error: err instanceof Error ? err.message : String(err) })
        .where('id', '=', id)
        .execute()
      throw err
    }
  })
}
