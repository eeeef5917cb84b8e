import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type {
  ConsortiumMemberStatus,
  ConsortiumOrganisation,
  ConsortiumStatus,
} from '../../../shared/contracts/consortia.ts'
import { flagEmoji, useFormat } from '../../design-system/format.ts'

export function ConsortiumStatusBadge({ status }: { status: ConsortiumStatus }) {
  const { t } = useTranslation()
  const colour = { forming: 'blue', converted: 'green', dissolved: 'gray' }[status]
  return (
    <Badge color={colour} variant="light">
      {t(`consortia.status.${status}`)}
    </Badge>
  )
}

export function MemberStatusBadge({ status }: { status: ConsortiumMemberStatus }) {
  const { t } = useTranslation()
  const colour = { invited: 'yellow', accepted: 'green', declined: 'red', removed: 'gray' }[status]
  return (
    <Badge color={colour} variant="light">
      {t(`consortia.memberStatus.${status}`)}
    </Badge>
  )
}

/** An organisation's name, or "an organisation" with its country while its identity is not shown. */
export function OrganisationName({ org, fw }: { org: ConsortiumOrganisation; fw?: number }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Text size="sm" fw={fw ?? 500} style={{ overflowWrap: 'anywhere' }}>
      {org.name ?? t('consortia.hiddenOrganisation')}
      {org.country ? (
        <Text span size="sm" c="dimmed" fw={400}>
          {' · '}
          <span aria-hidden="true">{flagEmoji(org.country)} </span>
          {f.country(org.country)}
        </Text>
      ) : null}
      {org.type ? (
        <Text span size="sm" c="dimmed" fw={400}>
          {' · '}
          {t(`organisationTypes.${org.type}`, { defaultValue: org.type })}
        </Text>
      ) : null}
    </Text>
  )
}
