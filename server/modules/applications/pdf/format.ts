import type { Locale } from '../../../../shared/contracts/common.ts'
import { translate } from '../../../platform/i18n/index.ts'

/** Values written the way the reader's language writes them (English the European way: en-GB). */
export interface PdfFormat {
  locale: Locale
  t(key: string, vars?: Record<string, string | number>): string
  /** `14 March 2026, 17:00:00 UTC+01:00` in the given zone. */
  instant(iso: string, timeZone: string): string
  date(isoDate: string): string
  money(cents: number): string
  number(value: number): string
  bytes(n: number): string
  country(code: string | null | undefined): string
  localized(text: Record<string, string> | null | undefined): string
}

export function pdfFormat(locale: Locale): PdfFormat {
  const tag = locale === 'en' ? 'en-GB' : locale
  let regions: Intl.DisplayNames | null = null
  try {
    regions = new Intl.DisplayNames([tag], { type: 'region' })
  } catch {
    regions = null
  }
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 })
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' })
  return {
    locale,
    t: (key, vars = {}) =>
      translate(
        locale,
        `applications.pdf.${key}`,
        Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])),
      ),
    instant: (iso, timeZone) =>
      new Intl.DateTimeFormat(tag, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
        timeZone,
        timeZoneName: 'longOffset',
      })
        .format(new Date(iso))
        .replace(/GMT(?=[+-]|$)/, 'UTC'),
    date: (isoDate) =>
      /^\d{4}-\d{2}-\d{2}$/.test(isoDate)
        ? new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
        : isoDate,
    money: (cents) => money.format(cents / 100),
    number: (value) => number.format(value),
    bytes: (n) =>
      n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${number.format(n / 1024)} KB` : `${number.format(n / 1024 / 1024)} MB`,
    country: (code) => {
      if (!code) return '—'
      try {
        return `${regions?.of(code) ?? code} (${code})`
      } catch {
        return code
      }
    },
    localized: (text) => (text ? (text[locale] ?? text.en ?? Object.values(text)[0] ?? '') : ''),
  }
}
