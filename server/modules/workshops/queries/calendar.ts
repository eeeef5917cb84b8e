import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isOrganiser, loadWorkshop } from '../commands/guard.ts'
import { calendarUrl } from './workshop-view.ts'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * The workshop as an iCalendar invitation (METHOD:REQUEST). The UID is stable and SEQUENCE follows the
 * workshop's, so a calendar replaces the event when it moves. Public for published (and cancelled)
 * workshops, so calendar clients can fetch it without a session; drafts only for organisers. The
 * meeting link is included only for organisers and approved registrants.
 * Times are passed as dayjs objects: ical-generator formats a plain Date with TZID in the process's
 * local zone, dayjs converts in the event's own zone.
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
  const showLink = isOrganiser(ctx.actor, w) || approved !== undefined
  const host = new URL(ctx.publicUrl).hostname
  const cal = ical({
    prodId: { company: 'cascade', product: 'workshops' },
    method: ICalCalendarMethod.REQUEST,
    name: w.title,
  })
  const description = [w.description, showLink && w.meeting_url ? `\n${w.meeting_url}` : ''].join('')
  cal.createEvent({
    id: `workshop-${w.id}@${host}`,
    sequence: w.sequence,
    stamp: dayjs(w.updated_at).utc(),
    start: dayjs(w.starts_at).tz(w.time_zone),
    end: dayjs(w.ends_at).tz(w.time_zone),
    timezone: w.time_zone,
    summary: w.title,
    description,
    location: w.location ?? (showLink ? w.meeting_url : null),
    url: calendarUrl(ctx.publicUrl, w.id),
    status: w.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
  return cal.toString()
}
