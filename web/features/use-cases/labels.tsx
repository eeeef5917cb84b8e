import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Confidentiality, UseCaseStatus } from '../../../shared/contracts/use-cases.ts'

const statusColor: Record<UseCaseStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  changes_requested: 'orange',
  resubmitted: 'indigo',
  accepted: 'green',
  promoted: 'teal',
  archived: 'dark',
}

export function UseCaseStatusBadge({ status }: { status: UseCaseStatus }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={statusColor[status]}>
      {t(`useCases.status.${status}`)}
    </Badge>
  )
}

export function ConfidentialityBadge({ value }: { value: Confidentiality }) {
  const { t } = useTranslation()
  return (
    <Badge variant="outline" color={value === 'restricted' ? 'red' : value === 'programme' ? 'yellow' : 'gray'}>
      {t(`useCases.confidentiality.${value}`)}
    </Badge>
  )
}

export function trlRange(min: number | null, max: number | null): string {
  if (min == null && max == null) return '—'
  if (min === max) return `TRL ${min}`
  return `TRL ${min ?? '?'}–${max ?? '?'}`
}
