import { Alert, Anchor, Card, Group, Skeleton, Stack, Text } from '@mantine/core'
import { IconCalendarDown } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { OrganisationLine } from '../partnering/shared.tsx'
import { agendaIcsUrl, brokerageApi, brokerageKeys } from './api.ts'
import { EventTabs, useEventTime } from './shared.tsx'

const route = getRouteApi('/app/brokerage/$eventId/agenda')

/** The person's meetings in time order, in the event's zone, with the calendar file. */
export function AgendaPage() {
  const { t } = useTranslation()
  const { eventId } = route.useParams()
  const event = useQuery({ queryKey: brokerageKeys.event(eventId), queryFn: () => brokerageApi.event(eventId) })
  const agenda = useQuery({ queryKey: brokerageKeys.agenda(eventId), queryFn: () => brokerageApi.agenda(eventId) })
  const e = event.data
  const time = useEventTime(e?.timeZone ?? 'Europe/Brussels')
  if (!e) return event.error ? <ErrorAlert error={event.error} /> : <Skeleton height={240} />
  const room = e.mode === 'online' ? 'brokerage.agenda.room' : 'brokerage.agenda.table'
  return (
    <>
      <PageHeader
        title={t('brokerage.agenda.title')}
        description={t('brokerage.agenda.zone', { title: e.title, zone: e.timeZone })}
        actions={
          <Anchor href={agendaIcsUrl(eventId)} download>
            <Group gap={6}>
              <IconCalendarDown size={16} aria-hidden />
              {t('brokerage.agenda.ics')}
            </Group>
          </Anchor>
        }
      />
      <EventTabs event={e} current="agenda" />
      <ErrorAlert error={agenda.error} />
      {agenda.data && !agenda.data.published ? (
        <Alert color="blue" title={t('brokerage.agenda.notYet')}>
          {t('brokerage.agenda.notYetText')}
        </Alert>
      ) : null}
      {agenda.data?.published && agenda.data.items.length === 0 ? (
        <EmptyState title={t('brokerage.agenda.empty')} />
      ) : null}
      <Stack component="ol" gap="sm" p={0} style={{ listStyle: 'none' }}>
        {agenda.data?.items.map((i) => (
          <Card key={i.meetingId} withBorder padding="md" component="li">
            <Stack gap={4}>
              <Text fw={600}>{`${time.slot(i)} · ${t(room, { n: i.table })}`}</Text>
              <OrganisationLine org={i.with.organisation} />
              {i.with.name ? <Text size="sm">{i.with.name}</Text> : null}
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {i.reason}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  )
}
