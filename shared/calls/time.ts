import type { CallPhase } from '../contracts/calls.ts'

/**
 * Wall-clock times of a call in its IANA time zone, and the phase and countdown derived from instants.
 * Pure and I/O-free (Intl only, no date library): the browser runs it for countdowns and the form
 * preview, the server for the instants it stores and for the phase it enforces. The server's clock
 * decides; `now` is always passed in.
 */

export type LocalToInstant = { instant: Date } | { error: 'local_time_missing' }

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    })
    formatters.set(timeZone, f)
  }
  return f
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallClock(date: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {}
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value
  const year = Number(parts.year)
  return {
    // Years before 1 AD are not a concern of calls, but stay correct: 1 BC is year 0.
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** Offset of `timeZone` from UTC at `date`, in milliseconds (Brussels in winter: +3,600,000). */
export function zoneOffsetMs(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  const truncated = date.getTime() - (((date.getTime() % 1000) + 1000) % 1000)
  return asUtc - truncated
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The wall-clock time of `date` in `timeZone`, as `YYYY-MM-DDTHH:mm` (seconds dropped). */
export function instantToLocal(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/**
 * The instant at which the wall clock in `timeZone` shows `local` (`YYYY-MM-DDTHH:mm`).
 * A time skipped by a spring-forward change (02:30 on the last Sunday of March in Brussels), or a
 * malformed or impossible date (2026-02-30), is `local_time_missing`. A time that happens twice in an
 * autumn fall-back (02:30 on the last Sunday of October) is the EARLIER instant (still summer time).
 */
export function localToInstant(local: string, timeZone: string): LocalToInstant {
  const m = LOCAL.exec(local)
  if (!m) return { error: 'local_time_missing' }
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return { error: 'local_time_missing' }
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  // Every offset the zone uses around that day: a transition changes it at most a few times a day.
  const offsets = new Set<number>()
  for (const shift of [-2 * DAY_MS, -DAY_MS, -HOUR_MS * 6, 0, HOUR_MS * 6, DAY_MS, 2 * DAY_MS]) {
    offsets.add(zoneOffsetMs(new Date(asUtc + shift), timeZone))
  }
  const candidates = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((t) => instantToLocal(new Date(t), timeZone) === local)
    .sort((a, b) => a - b)
  const earliest = candidates[0]
  return earliest === undefined ? { error: 'local_time_missing' } : { instant: new Date(earliest) }
}

/** `UTC+01:00`, `UTC-03:30`, `UTC+00:00`: the zone's offset at that instant, for labels next to times. */
export function zoneOffsetLabel(date: Date, timeZone: string): string {
  const minutes = Math.round(zoneOffsetMs(date, timeZone) / 60_000)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

type Instant = Date | string | number
const ms = (v: Instant): number => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v))

/** The moments that decide a call's phase; strings are ISO instants. */
export interface PhaseMoments {
  publishedAt: Instant | null
  cancelledAt?: Instant | null
  opensAt: Instant
  closesAt: Instant
}

/**
 * cancelled if cancelled; draft if not published; scheduled before opening; open from the opening
 * (inclusive) to the deadline (exclusive); closed from the deadline on: a request at exactly the
 * deadline is late.
 */
export function callPhase(call: PhaseMoments, now: Instant): CallPhase {
  if (call.cancelledAt !== null && call.cancelledAt !== undefined) return 'cancelled'
  if (call.publishedAt === null) return 'draft'
  const t = ms(now)
  if (t < ms(call.opensAt)) return 'scheduled'
  if (t < ms(call.closesAt)) return 'open'
  return 'closed'
}

/** True from the deadline on (now ≥ deadline): the server refuses with `deadline_passed`. */
export function isLate(deadline: Instant, now: Instant): boolean {
  return ms(now) >= ms(deadline)
}

export interface TimeLeft {
  /** Milliseconds until the deadline, 0 once passed. */
  totalMs: number
  days: number
  hours: number
  minutes: number
  seconds: number
  passed: boolean
}

/**
 * Parts for a countdown. Seconds are rounded UP, so the countdown shows 0 s only at the deadline itself
 * (999 ms before it still reads 1 s, and `passed` is false until now ≥ deadline).
 */
export function timeLeft(deadline: Instant, now: Instant): TimeLeft {
  const totalMs = Math.max(0, ms(deadline) - ms(now))
  const total = Math.ceil(totalMs / 1000)
  return {
    totalMs,
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
    passed: isLate(deadline, now),
  }
}
