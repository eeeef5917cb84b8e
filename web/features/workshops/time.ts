/** Wall-clock time in an IANA zone ↔ instants, without a date library (Intl only). */

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** `2021-11-18T09:30` read in `timeZone` → ISO instant; null when the text is not a date-time. */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!m) return null
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]))
  let instant = guess - offsetMs(guess, timeZone)
  instant = guess - offsetMs(instant, timeZone)
  return new Date(instant).toISOString()
}

/** ISO instant → `2021-11-18T09:30` in `timeZone` (the value of a datetime-local input). */
export function isoToZoned(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return ''
  const instant = new Date(iso).getTime()
  const d = new Date(instant + offsetMs(instant, timeZone))
  return d.toISOString().slice(0, 16)
}

/** The viewer's own zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Every IANA zone the browser knows (with a short fallback list). */
export function timeZones(): string[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone')
  const list = all && all.length > 0 ? [...all] : ['Europe/Brussels', 'Europe/Paris', 'Europe/Amsterdam', 'UTC']
  if (!list.includes('UTC')) list.push('UTC')
  return list
}
