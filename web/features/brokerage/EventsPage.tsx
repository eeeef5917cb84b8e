import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { BrokerageEvent } from '../../../shared/contracts/brokerage.ts'
import { abilityFor, useMe } from '../../app/session.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { brokerageApi, brokerageKeys } from './api.ts'
import { useEventTime } from './shared.tsx'

function EventCard({ event }: { event: BrokerageEvent }) {
  const { t } = useTranslation()
  const time = useEventTime(event.timeZone)
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge
            variant="light"
            color={event.status === 'published' ? 'green' : event.status === 'draft' ? 'yellow' : 'gray'}
          >
            {t(`brokerage.status.${event.status}`)}
          </Badge>
          <Badge variant="outline">{t(`brokerage.mode.${event.mode}`)}</Badge>
          {event.myParticipant ? <Badge color="teal">{t('brokerage.registered')}</Badge> : null}
        </Group>
        <Title order={2} fz="h4">
          <AnchorLink to="/app/brokerage/$eventId" params={{ eventId: event.id }}>
            {event.title}
          </AnchorLink>
        </Title>
        <Text size="sm">{event.startsAt ? time.at(event.startsAt) : t('brokerage.noSession')}</Text>
        <Text size="sm" c="dimmed">
          {t('brokerage.participantCount', { count: event.participantCount })} ·{' '}
          {t(`brokerage.schedulingMode.${event.schedulingMode}`)}
        </Text>
      </Stack>
    </Card>
  )
}

/** Brokerage events: what is on, with one's registration; organisers create new ones here. */
export function EventsPage() {
  const { t } = useTranslation()
  const { data: me } = useMe()
  const list = useQuery({ queryKey: brokerageKeys.events, queryFn: brokerageApi.events })
  const create = abilityFor(me, 'brokerage.manage')?.allowed ? (
    <ButtonLink to="/app/brokerage/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('brokerage.create')}
    </ButtonLink>
  ) : null
  return (
    <>
      <PageHeader title={t('brokerage.title')} description={t('brokerage.description')} actions={create} />
      <ErrorAlert error={list.error} />
      {list.isLoading ? <Skeleton height={160} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyState title={t('brokerage.empty')} description={t('brokerage.emptyText')} />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.data?.items.map((e) => (
          <EventCard key={e.id} event={e} />
        ))}
      </SimpleGrid>
    </>
  )
}
