import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalizedText } from '../../shared/contracts/common.ts'

/** Programme deadlines are expressed in this zone unless a call says otherwise. */
export const programmeTimeZone = 'Europe/Brussels'

/** A regional-indicator flag for an ISO 3166-1 alpha-2 code (decorative: always shown next to the name). */
export function flagEmoji(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return ''
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65))
}

/** Text written in several languages: the requested one, else English. */
export function localized(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return ''
  return text[locale] || text.en
}

export interface Formatter {
  locale: string
  /** A calendar date (`2021-09-01` or an ISO instant) without time. */
  date: (value: string | Date, timeZone?: string) => string
  /** A compact calendar date for tables (`25 Nov 2026`). */
  dateShort: (value: string | Date) => string
  /** A moment with its time (`1 Sept 2021, 10:00`), in the given zone (default: the viewer's). */
  dateTime: (value: string | Date, timeZone?: string, withZoneName?: boolean) => string
  number: (value: number, options?: Intl.NumberFormatOptions) => string
  country: (code: string) => string
  list: (items: string[]) => string
}

const isDateOnly = (v: string | Date) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)

/** English is written the European way (day before month, 24-hour clock): the programmes are European. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale
}

export function createFormatter(locale: string): Formatter {
  const tag = intlLocale(locale)
  let regions: Intl.DisplayNames | null = null
  try {
    regions = new Intl.DisplayNames([tag], { type: 'region' })
  } catch {
    regions = null
  }
  return {
    locale,
    date: (value, timeZone) =>
      new Intl.DateTimeFormat(tag, {
        dateStyle: 'long',
        // A date without time is a calendar day: format it in UTC so no zone moves it to the day before.
        timeZone: isDateOnly(value) ? 'UTC' : timeZone,
      }).format(new Date(value)),
    dateShort: (value) =>
      new Intl.DateTimeFormat(tag, {
        dateStyle: 'medium',
        timeZone: isDateOnly(value) ? 'UTC' : undefined,
      }).format(new Date(value)),
    dateTime: (value, timeZone, withZoneName = false) =>
      new Intl.DateTimeFormat(tag, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
        ...(withZoneName ? { timeZoneName: 'short' } : {}),
      }).format(new Date(value)),
    number: (value, options) => new Intl.NumberFormat(tag, options).format(value),
    country: (code) => {
      try {
        return regions?.of(code) ?? code
      } catch {
        return code
      }
    },
    list: (items) => new Intl.ListFormat(tag, { type: 'conjunction' }).format(items),
  }
}

/** Locale-aware formatting for the active language. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(() => createFormatter(locale), [locale])
}
