/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, computed from the runtime's own time-zone
 * data (Intl), so an invitation's `DTSTART;TZID=…` means the same instant in every calendar client,
 * including those that do not know the zone's name.
 *
 * Rather than guess a recurrence rule, it lists the zone's actual changes of offset in a window around
 * the event (each change one STANDARD or DAYLIGHT observance with its onset), plus one observance for
 * the offset in force at the window's start. Zones without changes get one STANDARD observance.
 */

const MINUTE = 60_000
const DAY = 86_400_000

const formatters = new Map<string, Intl.DateTimeFormat>()
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The zone's offset from UTC at instant `t` (ms), in minutes (east positive). */
export function offsetAt(timeZone: string, t: number): number {
  const parts = wallClock(timeZone).formatToParts(new Date(t))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / MINUTE)
}

export interface OffsetChange {
  /** The first instant (ms) of the new offset. */
  at: number
  from: number
  to: number
}

/** The changes of offset between `from` and `to` (ms), found day by day, then to the minute. */
export function offsetChanges(timeZone: string, from: number, to: number): OffsetChange[] {
  const out: OffsetChange[] = []
  let t = from
  let offset = offsetAt(timeZone, t)
  while (t < to) {
    const next = Math.min(t + DAY, to)
    const nextOffset = offsetAt(timeZone, next)
    if (nextOffset !== offset) {
      // Bisect on whole minutes: offsets change on minute boundaries.
      let lo = Math.floor(t / MINUTE)
      let hi = Math.ceil(next / MINUTE)
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2)
        if (offsetAt(timeZone, mid * MINUTE) === offset) lo = mid
        else hi = mid
      }
      out.push({ at: hi * MINUTE, from: offset, to: offsetAt(timeZone, hi * MINUTE) })
      offset = nextOffset
    }
    t = next
  }
  return out
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** `+0100`, `-0330`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const m = Math.abs(minutes)
  return `${sign}${pad(Math.floor(m / 60))}${pad(m % 60)}`
}

/** The local date-time of instant `t` at `offset` minutes, as a floating iCalendar DATE-TIME. */
function localStamp(t: number, offset: number): string {
  const d = new Date(t + offset * MINUTE)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(
    d.getUTCMinutes(),
  )}${pad(d.getUTCSeconds())}`
}

/** An abbreviation such as CET or EDT when the runtime has one; none rather than "GMT+1". */
function abbreviation(timeZone: string, t: number): string | null {
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(t))
      .find((p) => p.type === 'timeZoneName')?.value
    if (name && /^[A-Z]{3,5}$/.test(name)) return name
  }
  return null
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number, name: string | null) {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    ...(name ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ]
}

/**
 * The VTIMEZONE of `timeZone` valid from `from` to `to` (ms), CRLF-separated, or null for UTC (times
 * are then written with `Z`) and for a zone the runtime does not know.
 */
export function vtimezone(timeZone: string, from: number, to: number): string | null {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return null
  try {
    wallClock(timeZone)
  } catch {
    return null
  }
  const changes = offsetChanges(timeZone, from, to)
  const initial = offsetAt(timeZone, from)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`]
  if (changes.length === 0) {
    lines.push(...observance('STANDARD', '19700101T000000', initial, initial, abbreviation(timeZone, from)))
  } else {
    // The offset in force before the first change: daylight if the first change goes back from it.
    const first = changes[0]!
    lines.push(
      ...observance(
        first.to < first.from ? 'DAYLIGHT' : 'STANDARD',
        localStamp(from, initial),
        initial,
        initial,
        abbreviation(timeZone, from),
      ),
    )
    for (const c of changes) {
      lines.push(
        ...observance(
          c.to > c.from ? 'DAYLIGHT' : 'STANDARD',
          localStamp(c.at, c.from),
          c.from,
          c.to,
          abbreviation(timeZone, c.at),
        ),
      )
    }
  }
  lines.push('END:VTIMEZONE')
  return `${lines.join('\r\n')}\r\n`
}
