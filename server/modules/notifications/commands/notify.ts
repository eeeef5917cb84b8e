import type { NotificationKind, NotificationParams } from '../../../../shared/contracts/notifications.ts'
import type { Clock } from '../../../platform/clock.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { asLocale, translate } from '../../../platform/i18n/index.ts'
import type { MailAttachment, Mailer } from '../../../platform/mail/mailer.ts'
import { type Delivery, planDelivery, type Recipient } from '../domain/delivery.ts'

export interface NotifyDeps {
  mailer: Mailer
  publicUrl: string
  clock: Clock
}

export interface NotifyInput {
  kind: NotificationKind
  /** People by account, and addresses (an address that belongs to an account counts as that person). */
  recipients: { userIds?: readonly string[]; emails?: readonly string[] }
  /** The person who caused the event: never notified. */
  actorId?: string | null
  programmeId: string | null
  subject: { type: string; id: string }
  /** Language-neutral values the texts are rendered with (title, reference, ISO times…). */
  params: NotificationParams
  /** The app path of the subject (`/app/…`); the e-mail links to it on PUBLIC_URL. */
  link: string
  /** Extra e-mail variables in the recipient's language (dates formatted for them, for instance). */
  mailVars?: (r: Recipient) => Record<string, string>
  /** Files sent with the e-mail to this recipient (the ICS invitation). */
  attachments?: (r: Recipient) => MailAttachment[]
}

export interface NotifyResult {
  deliveries: Delivery[]
}

/**
 * THE way an event reaches people: in the caller's transaction, an in-app notification for every
 * recipient with an account and an e-mail (in their language, unless they switched this kind off)
 * through the mailer, whose SMTP delivery is a job that runs only after the transaction commits.
 * Recipients who are only an address get the e-mail alone.
 */
export async function notify(tx: Queryable, deps: NotifyDeps, input: NotifyInput): Promise<NotifyResult> {
  const userIds = [...new Set(input.recipients.userIds ?? [])]
  const emails = [...new Set((input.recipients.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean))]
  if (userIds.length === 0 && emails.length === 0) return { deliveries: [] }
  const users = await tx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'disabled_at'])
    .where((eb) => {
      const any = []
      if (userIds.length) any.push(eb('id', 'in', userIds))
      if (emails.length) any.push(eb(eb.fn('lower', ['email']), 'in', emails))
      return eb.or(any)
    })
    .execute()
  const known = users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    locale: asLocale(u.locale),
    disabled: u.disabled_at !== null,
  }))
  const muted =
    known.length === 0
      ? []
      : await tx
          .selectFrom('notification_preferences')
          .select('user_id')
          .where(
            'user_id',
            'in',
            known.map((u) => u.id),
          )
          .where('kind', '=', input.kind)
          .where('email', '=', false)
          .execute()
  const deliveries = planDelivery({
    userIds,
    emails,
    users: known,
    actorId: input.actorId ?? null,
    mailMuted: new Set(muted.map((m) => m.user_id)),
  })
  const now = deps.clock.now()
  const inApp = deliveries.filter((d) => d.inApp && d.userId)
  if (inApp.length > 0) {
    await tx
      .insertInto('notifications')
      .values(
        inApp.map((d) => ({
          user_id: d.userId!,
          programme_id: input.programmeId,
          kind: input.kind,
          subject_type: input.subject.type,
          subject_id: input.subject.id,
          params: JSON.stringify(input.params),
          link: input.link,
          created_at: now,
        })),
      )
      .execute()
  }
  for (const d of deliveries.filter((x) => x.mail)) {
    const vars: Record<string, string> = {
      ...input.params,
      ...(input.mailVars?.(d) ?? {}),
      url: `${deps.publicUrl}${input.link}`,
    }
    const body = translate(d.locale, `email.${input.kind}.body`, vars)
    const footer = d.userId
      ? translate(d.locale, 'email.notificationFooter', { url: `${deps.publicUrl}/app/notifications` })
      : ''
    const attachments = input.attachments?.(d) ?? []
    await deps.mailer.send(tx, {
      to: d.email,
      template: input.kind,
      subject: translate(d.locale, `email.${input.kind}.subject`, vars),
      text: footer ? `${body}\n\n--\n${footer}\n` : `${body}\n`,
      ...(attachments.length ? { attachments } : {}),
    })
  }
  return { deliveries }
}
