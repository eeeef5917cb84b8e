import type { NotificationKind } from '../../../../../shared/contracts/notifications.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import type { MailAttachment } from '../../../../platform/mail/mailer.ts'
import { type NotifyDeps, notify, type Recipient } from '../../../notifications/index.ts'
import type { EventRow } from '../queries/access.ts'

export type BrokerageKind = Extract<NotificationKind, `brokerage_${string}`>

/** A moment in the event's zone, named, in the reader's language (English the European way). */
export function when(d: Date | string, locale: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(d))
  return `${text} (${timeZone})`
}

/**
 * Every brokerage notification goes through here to the notification centre: the event's title always, other
 * language-neutral values as given (never an organisation's name before a request is accepted), a link to the
 * event's page in the app, and optional mail variables and attachments per recipient.
 */
export async function notifyBrokerage(
  tx: Queryable,
  deps: NotifyDeps,
  e: EventRow,
  kind: BrokerageKind,
  userIds: readonly string[],
  opts: {
    actorId?: string | null
    params?: Record<string, string>
    link?: string
    mailVars?: (r: Recipient) => Record<string, string>
    attachments?: (r: Recipient) => MailAttachment[]
  } = {},
): Promise<void> {
  await notify(tx, deps, {
    kind,
    recipients: { userIds },
    actorId: opts.actorId ?? null,
    programmeId: e.programme_id,
    subject: { type: 'brokerage_event', id: e.id },
    params: { title: e.title, ...opts.params },
    link: opts.link ?? `/app/brokerage/${e.id}`,
    ...(opts.mailVars ? { mailVars: opts.mailVars } : {}),
    ...(opts.attachments ? { attachments: opts.attachments } : {}),
  })
}
