import { Badge } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../design-system/format.ts'

export type Outcome = 'pass' | 'fail' | 'warning'
type Params = Record<string, string | number>

const outcomeStyle = {
  pass: { color: 'green', Icon: IconCheck },
  fail: { color: 'red', Icon: IconX },
  warning: { color: 'yellow', Icon: IconAlertTriangle },
} as const

/** A rule's result as a badge: colour and icon are decoration, the word says it. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation()
  const { color, Icon } = outcomeStyle[outcome]
  return (
    <Badge variant="light" color={color} leftSection={<Icon size={12} aria-hidden />}>
      {t(`screening.outcome.${outcome}`)}
    </Badge>
  )
}

const statusColor = { draft: 'gray', submitted: 'blue', withdrawn: 'dark' } as const
export function StatusBadge({ status }: { status: keyof typeof statusColor }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={statusColor[status]}>
      {t(`screening.status.${status}`)}
    </Badge>
  )
}

const admissibilityColor = { pending: 'gray', admissible: 'green', inadmissible: 'red' } as const
export function AdmissibilityBadge({ value }: { value: keyof typeof admissibilityColor }) {
  const { t } = useTranslation()
  return (
    <Badge variant="outline" color={admissibilityColor[value]}>
      {t(`screening.admissibility.${value}`)}
    </Badge>
  )
}

/**
 * A rule's reason in words (`applications.eligibility.<code>`), its amounts (`…Cents`) as euros and
 * numbers and countries written the reader's way (the server's mails do the same).
 */
export function useReasonText() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  return useCallback(
    (reason: { code: string; params: Params }) => {
      // `count` stays a number: the text takes its plural form from it ("1 country", "3 countries").
      const vars: Record<string, string | number> = {}
      for (const [k, v] of Object.entries(reason.params)) {
        if (k === 'count' && typeof v === 'number') vars[k] = v
        else if (typeof v === 'number' && k.endsWith('Cents'))
          vars[k] = f.number(v / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
        else if (typeof v === 'number') vars[k] = f.number(v)
        else if (k === 'country' && /^[A-Z]{2}(, [A-Z]{2})*$/.test(v))
          vars[k] = f.list(v.split(', ').map((c) => f.country(c)))
        else vars[k] = v
      }
      const key = `applications.eligibility.${reason.code}`
      return i18n.exists(key) ? t(key, vars) : reason.code
    },
    [t, i18n, f],
  )
}

/** Whole euros from cents, in the reader's language (`€88,000`). */
export function useEuros() {
  const f = useFormat()
  return useCallback(
    (cents: number) => f.number(cents / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
    [f],
  )
}
