import { Badge, type BadgeProps } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconHelpCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SolutionStatus, SolutionType, SolutionVisibility } from '../../../shared/contracts/solutions.ts'
import type { TrlWindow } from '../../../shared/contracts/trl.ts'

const statusColor: Record<SolutionStatus, string> = { draft: 'gray', published: 'green', archived: 'dark' }

export function SolutionStatusBadge({ status }: { status: SolutionStatus }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={statusColor[status]}>
      {t(`solutions.status.${status}`)}
    </Badge>
  )
}

export function VisibilityBadge({ value }: { value: SolutionVisibility }) {
  const { t } = useTranslation()
  return (
    <Badge variant="outline" color={value === 'anonymous' ? 'violet' : value === 'members' ? 'yellow' : 'gray'}>
      {t(`solutions.visibility.${value}`)}
    </Badge>
  )
}

export function TypeBadge({ type }: { type: SolutionType }) {
  const { t } = useTranslation()
  return (
    <Badge variant="dot" color="blue">
      {t(`solutions.types.${type}`)}
    </Badge>
  )
}

/**
 * The TRL-window badge: whether the effective TRL fits a window (a call's, the programme's — its latest
 * published call's, else 5–8 — or a challenge's range). Colour AND words say it, so it reads without colour.
 */
export function TrlFitBadge({
  fits,
  window,
  size,
}: {
  fits: boolean | null
  window: TrlWindow
  size?: BadgeProps['size']
}) {
  const { t } = useTranslation()
  const range = `${window.min}–${window.max}`
  if (fits === null)
    return (
      <Badge size={size} variant="light" color="gray" leftSection={<IconHelpCircle size={14} aria-hidden />}>
        {t('solutions.trl.fitUnknown', { range })}
      </Badge>
    )
  return (
    <Badge
      size={size}
      variant="light"
      color={fits ? 'green' : 'orange'}
      leftSection={fits ? <IconCircleCheck size={14} aria-hidden /> : <IconAlertTriangle size={14} aria-hidden />}
    >
      {fits ? t('solutions.trl.fits', { range }) : t('solutions.trl.outside', { range })}
    </Badge>
  )
}

/** "TRL 6 · Technology demonstrated in a relevant environment" (or "No level reached"). */
export function useLevelTitle() {
  const { t } = useTranslation()
  return (level: number | null | undefined) =>
    level === null || level === undefined ? t('solutions.trl.notAssessed') : t(`trl.levels.${level}.title`)
}
