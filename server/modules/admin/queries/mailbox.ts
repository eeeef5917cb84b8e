import { type Selectable, sql } from 'kysely'
import type { z } from 'zod'
import type { MailMessage, mailboxQuery } from '../../../../shared/contracts/admin.ts'
import type { Page } from '../../../../shared/contracts/common.ts'
import type { MailMessages } from '../../../db/types.generated.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { type MailAttachment, storedAttachments } from '../../../platform/mail/mailer.ts'

function toMail(r: Selectable<MailMessages>): MailMessage {
  return {
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    textBody: r.text_body,
    htmlBody: r.html_body,
    transport: r.transport as MailMessage['transport'],
    status: r.status as MailMessage['status'],
    createdAt: new Date(r.created_at).toISOString(),
    attachments: storedAttachments(r.attachments).map((a, index) => ({
      index,
      filename: a.filename,
      contentType: a.contentType,
      size: Buffer.byteLength(a.content, 'base64'),
    })),
  }
}

/** The development mailbox (and the log of sent mail), newest first. */
export async function listMail(ctx: CommandContext, q: z.output<typeof mailboxQuery>): Promise<Page<MailMessage>> {
  authorize(ctx.actor, 'admin.mailbox.view')
  let base = ctx.db.selectFrom('mail_messages')
  if (q.to) base = base.where('to_address', 'ilike', `%${escapeLike(q.to)}%`)
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`
    base = base.where((eb) => eb.or([eb('subject', 'ilike', like), eb('to_address', 'ilike', like)]))
  }
  const [{ total }, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('created_at', q.sort === 'createdAt' ? 'asc' : 'desc')
      .orderBy('id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ])
  return { items: rows.map(toMail), total: Number(total), page: q.page, pageSize: q.pageSize }
}

export async function getMail(ctx: CommandContext, id: string): Promise<MailMessage> {
  authorize(ctx.actor, 'admin.mailbox.view')
  const r = await ctx.db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) throw new DomainError('not_found', 'No such message.')
  return toMail(r)
}

/** One attachment of a message, by its index, for download. */
export async function getMailAttachment(ctx: CommandContext, id: string, index: number): Promise<MailAttachment> {
  authorize(ctx.actor, 'admin.mailbox.view')
  const r = await ctx.db.selectFrom('mail_messages').select('attachments').where('id', '=', id).executeTakeFirst()
  const attachment = r ? storedAttachments(r.attachments)[index] : undefined
  if (!attachment) throw new DomainError('not_found', 'No such attachment.')
  return attachment
}
