import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import type { CommandContext } from '../../../platform/http/route.ts'
import type { MailAttachment } from '../../../platform/mail/mailer.ts'
import { isOrganiser, loadWorkshop, type WorkshopRow } from '../commands/guard.ts'
import { vtimezone } from '../domain/vtimezone.ts'
import { calendarUrl } from './workshop-view.ts'

dayjs.extend(utc)
dayjs.extend(timezone)

const DAY = 86_400_000

export interface IcsOptions {
  publicUrl: string
  /** The meeting link is for organisers and approved registrants only. */
  showMeetingLink: boolean
  /** `Name <address>` or an address: the ORGANIZER (our sender, replies are not expected). */
  organiser: string
  /** The person the invitation is for (an ATTENDEE), when known. */
  attendee?: { email: string; name: string | null } | undefined
}

/** `Cascade <no-reply@x>` → { name, email }. */
function mailbox(from: string, fallbackName: string): { name: string; email: string } {
  const m = from.match(/^\s*(.*?)\s*<([^>]+)>\s*$/)
  if (m) return { name: m[1] || fallbackName, email: m[2]! }
  return { name: fallbackName, email: from.trim() }
}

/**
 * The workshop as an iCalendar invitation (METHOD:REQUEST) with a VTIMEZONE for its zone. The UID is
 * stable and SEQUENCE follows the workshop's, so a calendar replaces the event when it moves.
 * Times are passed as dayjs objects: ical-generator formats a plain Date with TZID in the process's
 * local zone, dayjs converts in the event's own zone.
 */
export function buildWorkshopIcs(w: WorkshopRow, opts: IcsOptions): string {
  const host = new URL(opts.publicUrl).hostname
  const start = new Date(w.starts_at).getTime()
  const end = new Date(w.ends_at).getTime()
  // The zone's rules from a year before to a year after: enough for the event and a later move.
  const windowFrom = Math.floor((start - 366 * DAY) / DAY) * DAY
  const windowTo = Math.ceil((end + 366 * DAY) / DAY) * DAY
  const cal = ical({
    prodId: { company: 'cascade', product: 'workshops' },
    method: ICalCalendarMethod.REQUEST,
    name: w.title,
    timezone: { name: w.time_zone, generator: (tz) => vtimezone(tz, windowFrom, windowTo) },
  })
  const description = [w.description, opts.showMeetingLink && w.meeting_url ? `\n${w.meeting_url}` : ''].join('')
  const organiser = mailbox(opts.organiser, 'Cascade')
  cal.createEvent({
    id: `workshop-${w.id}@${host}`,
    sequence: w.sequence,
    stamp: dayjs(w.updated_at).utc(),
    start: dayjs(w.starts_at).tz(w.time_zone),
    end: dayjs(w.ends_at).tz(w.time_zone),
    timezone: w.time_zone,
    summary: w.title,
    description,
    location: w.location ?? (opts.showMeetingLink ? w.meeting_url : null),
    url: calendarUrl(opts.publicUrl, w.id),
    status: w.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: organiser,
    attendees: opts.attendee
      ? [
          {
            email: opts.attendee.email,
            ...(opts.attendee.name ? { name: opts.attendee.name } : {}),
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.NEEDSACTION,
            rsvp: false,
          },
        ]
      : [],
  })
  return cal.toString()
}

export const ICS_CONTENT_TYPE = 'text/calendar; method=REQUEST; charset=UTF-8'

/** The invitation as a mail attachment (`invite.ics`). */
export function icsAttachment(ics: string): MailAttachment {
  return { filename: 'invite.ics', contentType: ICS_CONTENT_TYPE, content: Buffer.from(ics, 'utf8').toString('base64') }
}

/**
 * The downloadable invitation. Public for published (and cancelled) workshops, so calendar clients can
 * fetch it without a session; drafts only for organisers. The meeting link is included only for
 * organisers and approved registrants.
 */
export async function workshopCalendar(ctx: CommandContext, id: string): Promise<string> {
  const w = await loadWorkshop(ctx.db, ctx.actor, id)
  const approved = ctx.actor.userId
    ? await ctx.db
        .selectFrom('workshop_registrations')
        .select('id')
        .where('workshop_id', '=', id)
        .where('user_id', '=', ctx.actor.userId)
        .where('status', '=', 'approved')
        .executeTakeFirst()
    : undefined
  return buildWorkshopIcs(w, {
    publicUrl: ctx.publicUrl,
    showMeetingLink: isOrganiser(ctx.actor, w) || approved !== undefined,
    organiser: ctx.mailer.from,
  })
}
