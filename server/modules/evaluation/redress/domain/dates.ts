import { instantToLocal, localToInstant } from '../../../../../shared/calls/time.ts'

/**
 * The redress calendar, in the call's time zone:
 *  - the window to file closes at the END of the `days`-th calendar day after the day of notification
 *    (notified on Wednesday 1 April, 5 days: until Monday 6 April, 23:59:59.999 local time);
 *  - a request is due at the end of the `workingDays`-th working day after the day it was filed, working
 *    days being Monday to Friday except the call's public holidays (local days `YYYY-MM-DD` an operator
 *    declares per call in the evaluation settings, since they differ per country and year). The day of
 *    filing never counts: a request filed on a weekend or a holiday counts from the next working day.
 */

const DAY_MS = 86_400_000

/** `YYYY-MM-DD` of the local calendar day `offset` days after `date`'s local day. */
function localDay(date: Date, timeZone: string, offset = 0): { iso: string; weekday: number } {
  const [y, m, d] = instantToLocal(date, timeZone).slice(0, 10).split('-').map(Number) as [number, number, number]
  const day = new Date(Date.UTC(y, m - 1, d) + offset * DAY_MS)
  return { iso: day.toISOString().slice(0, 10), weekday: day.getUTCDay() }
}

/** The last millisecond of a local day: one before the next day's first instant in the zone. */
function endOfLocalDay(isoDay: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${isoDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
  // Midnight can be skipped by a daylight-saving change in a few zones: the first hour that exists.
  for (const hh of ['00', '01', '02']) {
    const r = localToInstant(`${next}T${hh}:00`, timeZone)
    if ('instant' in r) return new Date(r.instant.getTime() - 1)
  }
  return new Date(Date.parse(`${next}T00:00:00Z`) - 1)
}

/** When the window to request redress closes (inclusive). */
export function redressWindowEnd(notifiedAt: Date, days: number, timeZone: string): Date {
  return endOfLocalDay(localDay(notifiedAt, timeZone, days).iso, timeZone)
}

/**
 * When a request filed at `filedAt` must be handled by (inclusive): `workingDays` working days later —
 * Mondays to Fridays that are not in `holidays` (local days `YYYY-MM-DD`; one on a weekend changes nothing).
 */
export function redressDueAt(
  filedAt: Date,
  workingDays: number,
  timeZone: string,
  holidays: readonly string[] = [],
): Date {
  const off = new Set(holidays)
  let counted = 0
  let offset = 0
  let day = localDay(filedAt, timeZone)
  while (counted < workingDays) {
    offset++
    day = localDay(filedAt, timeZone, offset)
    if (day.weekday !== 0 && day.weekday !== 6 && !off.has(day.iso)) counted++
  }
  return endOfLocalDay(day.iso, timeZone)
}
