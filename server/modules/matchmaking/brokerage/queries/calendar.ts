import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import ical, { ICalCalendarMethod } from 'ical-generator'
import type { AgendaItem } from '../../../../../shared/contracts/brokerage.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import type { MailAttachment } from '../../../../platform/mail/mailer.ts'
import { vtimezone } from '../../../workshops/index.ts'
import { type EventRow, loadEvent, requireParticipant } from './access.ts'
import { agendaOf } from './agenda.ts'

dayjs.extend(utc)
dayjs.extend(timezone)

const DAY = 86_400_000

/** Who a meeting is with, in words for a calendar: the organisation (and person) when shown, else its country. */
function withWhom(item: AgendaItem): string {
  const o = item.with.organisation
  if (o.disclosed) return item.with.name ? `${o.name} (${item.with.name})` : `${o.name}`
  return `${o.type}, ${o.country}`
}

/**
 * A participant's agenda as an iCalendar file (METHOD:PUBLISH): one event per meeting with a stable UID (the
 * meeting's id), times with the event's TZID and a VTIMEZONE computed from the runtime's zone data (as the
 * workshops' invitations), the table or room in LOCATION.
 */
export function buildAgendaIcs(
  e: EventRow,
  items: readonly AgendaItem[],
  opts: { publicUrl: string; stamp: Date },
): string {
  const host = new URL(opts.publicUrl).hostname
  const first = items[0] ? Date.parse(items[0].startsAt) : opts.stamp.getTime()
  const last = items.at(-1) ? Date.parse(items.at(-1)!.endsAt) : first
  const cal = ical({
    prodId: { company: 'cascade', product: 'brokerage' },
    method: ICalCalendarMethod.PUBLISH,
    name: e.title,
    timezone: {
      name: e.time_zone,
      generator: (tz) =>
        vtimezone(tz, Math.floor((first - 366 * DAY) / DAY) * DAY, Math.ceil((last + 366 * DAY) / DAY) * DAY),
    },
  })
  const room = e.mode === 'online' ? 'Room' : 'Table'
  for (const item of items) {
    const place = [`${room} ${item.table}`, e.mode !== 'online' ? e.venue : null].filter(Boolean).join(', ')
    cal.createEvent({
      id: `brokerage-meeting-${item.meetingId}@${host}`,
      stamp: dayjs(opts.stamp).utc(),
      start: dayjs(item.startsAt).tz(e.time_zone),
      end: dayjs(item.endsAt).tz(e.time_zone),
      timezone: e.time_zone,
      summary: `${e.title}: ${withWhom(item)}`,
      description: [item.reason, e.mode !== 'on_site' && e.online_url ? e.online_url : ''].filter(Boolean).join('\n\n'),
      location: place,
      url: `${opts.publicUrl}/app/brokerage/${e.id}/agenda`,
    })
  }
  return cal.toString()
}

export function agendaAttachment(ics: string): MailAttachment {
  return {
    filename: 'agenda.ics',
    contentType: 'text/calendar; method=PUBLISH; charset=UTF-8',
    content: Buffer.from(ics, 'utf8').toString('base64'),
  }
}

/** The caller's own agenda as ICS (registered participants only). */
export async function agendaCalendar(ctx: CommandContext, eventId: string): Promise<string> {
  authorize(ctx.actor, 'brokerage.view')
  const e = await loadEvent(ctx.db, ctx.actor, eventId)
  const me = await requireParticipant(ctx.db, ctx.actor, eventId)
  const items = await agendaOf(ctx.db, ctx.actor, e, me.id)
  return buildAgendaIcs(e, items, { publicUrl: ctx.publicUrl, stamp: ctx.clock.now() })
}
