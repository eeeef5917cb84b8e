import { Badge, Group, Text } from '@mantine/core'
import { IconEyeOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type {
  InterestStatus,
  PartneringKind,
  PartneringOrganisation,
  PartneringPost,
} from '../../../shared/contracts/partnering.ts'
import { flagEmoji, useFormat } from '../../design-system/format.ts'
import { ButtonLink } from '../../design-system/links.tsx'

const kindColours: Record<PartneringKind, string> = {
  technology_offer: 'teal',
  technology_request: 'indigo',
  business_offer: 'green',
  business_request: 'grape',
  partner_sought_for_call: 'orange',
}

export function KindBadge({ kind }: { kind: PartneringKind }) {
  const { t } = useTranslation()
  return (
    <Badge color={kindColours[kind]} variant="light" style={{ textTransform: 'none' }}>
      {t(`partnering.kinds.${kind}`)}
    </Badge>
  )
}

/** Draft, published, closed — or expired, which the reader cares about more than the stored status. */
export function PostStatusBadge({ post }: { post: Pick<PartneringPost, 'status' | 'expired'> }) {
  const { t } = useTranslation()
  if (post.status === 'published' && post.expired)
    return (
      <Badge color="gray" variant="outline">
        {t('partnering.status.expired')}
      </Badge>
    )
  const colour = post.status === 'published' ? 'green' : post.status === 'draft' ? 'yellow' : 'gray'
  return (
    <Badge color={colour} variant="light">
      {t(`partnering.status.${post.status}`)}
    </Badge>
  )
}

export function InterestBadge({ status }: { status: InterestStatus }) {
  const { t } = useTranslation()
  const colour = { pending: 'blue', accepted: 'green', declined: 'red', withdrawn: 'gray' }[status]
  return (
    <Badge color={colour} variant="light">
      {t(`partnering.interestStatus.${status}`)}
    </Badge>
  )
}

/** An organisation as the reader may see it: its name, or "an organisation" with its country only. */
export function OrganisationLine({ org }: { org: PartneringOrganisation }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Group gap={6} wrap="nowrap">
      {!org.disclosed ? <IconEyeOff size={16} aria-hidden /> : null}
      <Text size="sm">
        {org.disclosed
          ? `${org.name} · ${flagEmoji(org.country)} ${f.country(org.country)}`
          : t('partnering.undisclosed', { country: f.country(org.country), type: t(`organisationTypes.${org.type}`) })}
      </Text>
    </Group>
  )
}

/** The four parts of partner search, as links (the current one marked for assistive technology). */
export function PartneringTabs({ current }: { current: 'market' | 'mine' | 'interests' | 'messages' }) {
  const { t } = useTranslation()
  const link = (
    value: typeof current,
    to: '/app/partnering' | '/app/partnering/mine' | '/app/partnering/interests' | '/app/messages',
  ) => (
    <ButtonLink
      key={value}
      to={to}
      size="xs"
      variant={value === current ? 'filled' : 'default'}
      aria-current={value === current ? 'page' : undefined}
    >
      {t(`partnering.tabs.${value}`)}
    </ButtonLink>
  )
  return (
    <Group component="nav" aria-label={t('partnering.tabs.label')} gap="xs" mb="md" wrap="wrap">
      {link('market', '/app/partnering')}
      {link('mine', '/app/partnering/mine')}
      {link('interests', '/app/partnering/interests')}
      {link('messages', '/app/messages')}
    </Group>
  )
}
