import { zoneOffsetLabel } from '../../../shared/calls/time.ts'
import type { Formatter } from '../../design-system/format.ts'
import { zoneCity } from '../../design-system/zone-city.ts'

/** Whole euros from cents (`€60,000`), in the reader's language. */
export function euros(f: Formatter, cents: number): string {
  return f.number(cents / 100, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  })
}

export { zoneCity }

/** A moment in a zone with the zone's offset then: `{ time: '14 March 2023, 17:00', offset: 'UTC+01:00' }`. */
export function inZone(f: Formatter, iso: string, zone: string) {
  return { time: f.dateTime(iso, zone), zone: zoneCity(zone, f.locale), offset: zoneOffsetLabel(new Date(iso), zone) }
}

/** `1.2 MB`, `340 kB`. */
export function fileSize(f: Formatter, bytes: number): string {
  if (bytes >= 1024 * 1024) return `${f.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
  return `${f.number(Math.max(1, Math.round(bytes / 1024)))} kB`
}

const extensions: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
}

export function fileType(contentType: string): string {
  return extensions[contentType] ?? contentType
}
