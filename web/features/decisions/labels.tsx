import { Badge } from '@mantine/core'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { DecisionOutcome, DecisionReason, RedressStatus } from '../../../shared/contracts/evaluation-decisions.ts'
import { useFormat } from '../../design-system/format.ts'
import { explain } from '../selection/explain.ts'

export const outcomeColor: Record<DecisionOutcome, string> = { funded: 'green', reserve: 'yellow', rejected: 'gray' }
export const redressColor: Record<RedressStatus, string> = {
  open: 'blue',
  upheld: 'green',
  partially_upheld: 'teal',
  dismissed: 'gray',
}

export function OutcomeBadge({ outcome, reserveRank }: { outcome: DecisionOutcome; reserveRank?: number | null }) {
  const { t } = useTranslation()
  return (
    <Badge color={outcomeColor[outcome]} variant="light">
      {outcome === 'reserve' && reserveRank
        ? t('decisions.outcomeReserveRank', { rank: reserveRank })
        : t(`decisions.outcomes.${outcome}`)}
    </Badge>
  )
}

export function RedressBadge({ status }: { status: RedressStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={redressColor[status]} variant="light">
      {t(`decisions.redress.statuses.${status}`)}
    </Badge>
  )
}

/** Euros from integer cents, with the cents. */
export function useMoney() {
  const f = useFormat()
  return useCallback((cents: number) => f.number(cents / 100, { style: 'currency', currency: 'EUR' }), [f])
}

/**
 * The selection's explanation of a decision in words — the selection page's own sentences for the codes
 * it knows (selection/explain.ts), else a generic sentence for the status.
 */
export function useReason() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  return useCallback(
    (reason: DecisionReason) =>
      reason.code === 'reserve' || i18n.exists(`selection.explain.${reason.code}`)
        ? explain(t, f, reason)
        : t(`decisions.reasons.${reason.status}`),
    [t, i18n, f],
  )
}
