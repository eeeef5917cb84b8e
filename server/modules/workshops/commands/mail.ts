import type { Database, Tx } from '../../../platform/db/client.ts'
import { asLocale, translate } from '../../../platform/i18n/index.ts'
import type { Mailer } from '../../../platform/mail/mailer.ts'
import { calendarUrl } from '../queries/workshop-view.ts'
import type { WorkshopRow } from './guard.ts'

export type WorkshopMail = 'workshopInvitation' | 'workshopReminder' | 'workshopChanged' | 'registrationApproved'

/**
 * Sends one workshop mail per address, in the recipient's language when they have an account. Our
 * mailer has no attachments yet, so the calendar invitation is the ICS link in the text.
 */
export async function sendWorkshopMail(
  tx: Tx | Database,
  deps: { mailer: Mailer; publicUrl: string },
  w: WorkshopRow,
  kind: WorkshopMail,
  to: readonly string[],
): Promise<void> {
  for (const address of to) {
    const user = await tx
      .selectFrom('users')
      .select('locale')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', address.toLowerCase()))
      .executeTakeFirst()
    const locale = asLocale(user?.locale)
    const start = new Intl.DateTimeFormat(locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: w.time_zone,
    }).format(new Date(w.starts_at))
    const vars = {
      title: w.title,
      start: `${start} (${w.time_zone})`,
      calendarUrl: calendarUrl(deps.publicUrl, w.id),
      url: `${deps.publicUrl}/app/workshops/${w.id}`,
    }
    const subject = translate(locale, `email.${kind}.subject`, vars)
    const body = translate(locale, `email.${kind}.body`, vars)
    const text = body.includes(vars.calendarUrl) ? body : `${body}\n\n${vars.calendarUrl}\n`
    await deps.mailer.send(tx, { to: address, template: kind, subject, text })
  }
}

/** Addresses of the registrants in the given statuses. */
export async function registrantEmails(tx: Tx | Database, workshopId: string, statuses: string[]): Promise<string[]> {
  const rows = await tx
    .selectFrom('workshop_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.email')
    .where('r.workshop_id', '=', workshopId)
    .where('r.status', 'in', statuses)
    .orderBy('r.position')
    .execute()
  return rows.map((r) => r.email)
}
