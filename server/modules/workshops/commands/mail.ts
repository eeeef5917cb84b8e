import type { NotificationKind } from '../../../../shared/contracts/notifications.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { translate } from '../../../platform/i18n/index.ts'
import { type NotifyDeps, notify, type Recipient } from '../../notifications/index.ts'
import type { RegistrationStatus } from '../domain/registration.ts'
import { buildWorkshopIcs, icsAttachment } from '../queries/calendar.ts'
import { calendarUrl } from '../queries/workshop-view.ts'
import { iso, type WorkshopRow } from './guard.ts'

export type WorkshopKind = Extract<NotificationKind, `workshop_${string}`>

/** Kinds that carry the calendar invitation (`invite.ics`). */
const WITH_INVITATION: ReadonlySet<WorkshopKind> = new Set([
  'workshop_invitation',
  'workshop_registration_approved',
  'workshop_reminder',
  'workshop_changed',
])

function linkOf(w: WorkshopRow, kind: WorkshopKind): string {
  if (kind === 'workshop_vote_open' || kind === 'workshop_vote_closing') return `/app/workshops/${w.id}/vote`
  if (kind === 'workshop_vote_closed') return `/app/workshops/${w.id}/results`
  return `/app/workshops/${w.id}`
}

/** A moment in the workshop's zone, named; English the European way (as in the app). */
function when(d: Date | string, locale: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(d))
  return `${text} (${timeZone})`
}

/**
 * Every workshop notification goes through here, then through the notification centre's `notify`:
 * in-app for people with an account, e-mail in the recipient's language (times in the workshop's own
 * zone), and the ICS invitation attached for the kinds about the meeting itself. The meeting link is
 * in the invitation only for those `withMeetingLink` says (organisers and approved registrants).
 */
export async function notifyWorkshop(
  tx: Queryable,
  deps: NotifyDeps,
  w: WorkshopRow,
  kind: WorkshopKind,
  recipients: { userIds?: readonly string[]; emails?: readonly string[] },
  opts: { actorId?: string | null; withMeetingLink?: (r: Recipient) => boolean } = {},
): Promise<void> {
  const params: Record<string, string> = { title: w.title, startsAt: iso(w.starts_at), timeZone: w.time_zone }
  if (w.vote_closes_at) params.closesAt = iso(w.vote_closes_at)
  await notify(tx, deps, {
    kind,
    recipients,
    actorId: opts.actorId ?? null,
    programmeId: w.programme_id,
    subject: { type: 'workshop', id: w.id },
    params,
    link: linkOf(w, kind),
    mailVars: (r) => {
      const closes = w.vote_closes_at ? when(w.vote_closes_at, r.locale, w.time_zone) : ''
      return {
        start: when(w.starts_at, r.locale, w.time_zone),
        closes,
        deadline: closes ? translate(r.locale, 'email.voteDeadline', { closes }) : '',
        calendarUrl: calendarUrl(deps.publicUrl, w.id),
      }
    },
    ...(WITH_INVITATION.has(kind)
      ? {
          attachments: (r: Recipient) => [
            icsAttachment(
              buildWorkshopIcs(w, {
                publicUrl: deps.publicUrl,
                showMeetingLink: opts.withMeetingLink?.(r) ?? false,
                organiser: deps.mailer.from,
                attendee: { email: r.email, name: r.name },
              }),
            ),
          ],
        }
      : {}),
  })
}

/** The people registered in the given statuses, in queue order. */
export async function registrantIds(
  tx: Queryable,
  workshopId: string,
  statuses: readonly RegistrationStatus[],
): Promise<string[]> {
  const rows = await tx
    .selectFrom('workshop_registrations')
    .select('user_id')
    .where('workshop_id', '=', workshopId)
    .where('status', 'in', [...statuses])
    .orderBy('position')
    .execute()
  return rows.map((r) => r.user_id)
}
