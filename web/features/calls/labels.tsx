import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CallPhase } from '../../../shared/contracts/calls.ts'
import { useFormat } from '../../design-system/format.ts'

const phaseColor: Record<CallPhase, string> = {
  draft: 'gray',
  scheduled: 'blue',
  open: 'green',
  closed: 'dark',
  cancelled: 'red',
}

export function PhaseBadge({ phase }: { phase: CallPhase }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={phaseColor[phase]}>
      {t(`calls.phases.${phase}`)}
    </Badge>
  )
}

/** Whole euros from cents, in the reader's language (`€1,750,000`). */
export function useEuros() {
  const f = useFormat()
  return (cents: number) => f.number(cents / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
}
