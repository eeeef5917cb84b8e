import { useTranslation } from 'react-i18next'
import type { Notification } from '../../../shared/contracts/notifications.ts'
import { intlLocale, useFormat } from '../../design-system/format.ts'

/**
 * The text of a notification in the reader's language, from its kind and params: times are shown in
 * the zone they belong to (a workshop's own zone), with the zone's name.
 */
export function useNotificationText(): (n: Notification) => string {
  const { t } = useTranslation()
  const f = useFormat()
  return (n) => {
    const p = n.params
    const zone = p.timeZone || undefined
    const vars: Record<string, string> = {
      ...p,
      actorName: p.actorName || t('notifications.someone'),
      start: p.startsAt ? f.dateTime(p.startsAt, zone, true) : '',
      closes: p.closesAt ? f.dateTime(p.closesAt, zone, true) : '',
      // A country code (partner search names the interested organisation's country, never its name).
      ...(p.country ? { country: f.country(p.country) } : {}),
    }
    return t(`notifications.kinds.${n.kind}`, vars)
  }
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
]

/** "5 minutes ago", "yesterday", "3 weeks ago" in the given language. */
export function relativeTime(value: string, now: number, locale: string): string {
  let amount = (new Date(value).getTime() - now) / 1000
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' })
  if (Math.abs(amount) < 45) return rtf.format(0, 'second')
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return rtf.format(Math.round(amount), unit)
    amount /= size
  }
  return rtf.format(Math.round(amount), 'year')
}
