import { Badge, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApplicationStatus } from '../../../shared/contracts/applications.ts'

const statusColor: Record<ApplicationStatus, string> = { draft: 'gray', submitted: 'green', withdrawn: 'red' }

export function ApplicationStatusBadge({ status, ...rest }: { status: ApplicationStatus } & BadgeProps) {
  const { t } = useTranslation()
  return (
    <Badge color={statusColor[status]} variant="light" {...rest}>
      {t(`applications.status.${status}`)}
    </Badge>
  )
}
