import { Button, Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BrokerageEvent } from '../../../shared/contracts/brokerage.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { brokerageApi, brokerageKeys } from './api.ts'
import { SchedulePanel } from './SchedulePanel.tsx'
import { SessionsSection } from './Sessions.tsx'
import { EventTabs, RequestBadge, useEventTime } from './shared.tsx'

const route = getRouteApi('/app/brokerage/$eventId/organise')

/** Accepted requests: fix a meeting by hand in a slot. */
function Requests({ event }: { event: BrokerageEvent }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const time = useEventTime(event.timeZone)
  const [slot, setSlot] = useState<Record<string, string | null>>({})
  const list = useQuery({
    queryKey: brokerageKeys.requests(event.id, 'all'),
    queryFn: () => brokerageApi.requests(event.id, { box: 'all', pageSize: 100 }),
  })
  const fix = useMutation({
    mutationFn: (v: { requestId: string; slotId: string }) => brokerageApi.fix(event.id, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: brokerageKeys.all }),
  })
  const remove = useMutation({
    mutationFn: (meetingId: string) => brokerageApi.removeMeeting(event.id, meetingId),
    onSuccess: () => qc.invalidateQueries({ queryKey: brokerageKeys.all }),
  })
  const slots = event.sessions.flatMap((s) => s.slots).map((s) => ({ value: s.id, label: time.slot(s) }))
  const name = (p: { name: string | null; organisation: { name: string | null; country: string } }) =>
    p.organisation.name ? `${p.organisation.name}${p.name ? ` (${p.name})` : ''}` : p.organisation.country
  return (
    <Stack gap="xs">
      <ErrorAlert error={list.error ?? fix.error ?? remove.error} />
      <Table.ScrollContainer
        minWidth={640}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('table.region', { name: t('brokerage.organise.requests') })}
      >
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('brokerage.organise.from')}</Table.Th>
              <Table.Th>{t('brokerage.organise.to')}</Table.Th>
              <Table.Th>{t('brokerage.organise.status')}</Table.Th>
              <Table.Th>{t('brokerage.organise.meeting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{name(r.from)}</Table.Td>
                <Table.Td>{name(r.to)}</Table.Td>
                <Table.Td>
                  <RequestBadge status={r.status} />
                </Table.Td>
                <Table.Td>
                  {r.meeting ? (
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">
                        {`${time.slot(r.meeting)} · ${t('brokerage.agenda.table', { n: r.meeting.table })}${r.meeting.fixed ? ` · ${t('brokerage.organise.fixed')}` : ''}`}
                      </Text>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(r.meeting!.meetingId)}
                      >
                        {t('brokerage.organise.remove')}
                      </Button>
                    </Group>
                  ) : r.status === 'accepted' ? (
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        aria-label={t('brokerage.organise.fixSlot')}
                        data={slots}
                        value={slot[r.id] ?? null}
                        onChange={(v) => setSlot({ ...slot, [r.id]: v })}
                        w={220}
                      />
                      <Button
                        size="xs"
                        disabled={!slot[r.id]}
                        onClick={() => fix.mutate({ requestId: r.id, slotId: slot[r.id]! })}
                      >
                        {t('brokerage.organise.fix')}
                      </Button>
                    </Group>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}

/** Who registered, with their organisation and the slots they are free (organisers see every identity). */
function Participants({ event }: { event: BrokerageEvent }) {
  const { t } = useTranslation()
  const list = useQuery({
    queryKey: brokerageKeys.participants(event.id, 'organiser'),
    queryFn: () => brokerageApi.participants(event.id, { pageSize: 100 }),
  })
  return (
    <Stack gap="xs">
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer
        minWidth={560}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('table.region', { name: t('brokerage.directory.title') })}
      >
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('brokerage.organise.person')}</Table.Th>
              <Table.Th>{t('brokerage.organise.organisation')}</Table.Th>
              <Table.Th>{t('brokerage.organise.availability')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name ?? '—'}</Table.Td>
                <Table.Td>
                  {p.organisation.name ?? p.organisation.country}
                  {p.anonymous ? ` · ${t('brokerage.organise.anonymous')}` : ''}
                </Table.Td>
                <Table.Td>{t('brokerage.slotCount', { count: p.slotIds.length })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}

/** The organiser's page: sessions, the event's status, requests with meetings fixed by hand, and the schedule. */
export function OrganiserPage() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const { eventId } = route.useParams()
  const q = useQuery({ queryKey: brokerageKeys.event(eventId), queryFn: () => brokerageApi.event(eventId) })
  const change = useMutation({
    mutationFn: (a: 'publish' | 'close') =>
      a === 'publish' ? brokerageApi.publish(eventId) : brokerageApi.close(eventId),
    onSuccess: () => qc.invalidateQueries({ queryKey: brokerageKeys.all }),
  })
  const e = q.data
  if (!e) return q.error ? <ErrorAlert error={q.error} /> : <Skeleton height={240} />
  return (
    <>
      <PageHeader
        title={t('brokerage.organise.title')}
        description={`${e.title} · ${t(`brokerage.status.${e.status}`)} · ${t('brokerage.participantCount', { count: e.participantCount })}`}
        actions={
          <>
            {e.status !== 'closed' ? (
              <ButtonLink variant="default" to="/app/brokerage/$eventId/edit" params={{ eventId: e.id }}>
                {t('brokerage.organise.edit')}
              </ButtonLink>
            ) : null}
            {e.abilities.publish?.allowed ? (
              <Button loading={change.isPending} onClick={() => change.mutate('publish')}>
                {t('brokerage.organise.publish')}
              </Button>
            ) : null}
            {e.abilities.close?.allowed ? (
              <Button variant="default" loading={change.isPending} onClick={() => change.mutate('close')}>
                {t('brokerage.organise.close')}
              </Button>
            ) : null}
          </>
        }
      />
      <EventTabs event={e} current="organise" />
      <ErrorAlert error={change.error} />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="sessions-title">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="sessions-title">
              {t('brokerage.sessions.title')}
            </Title>
            <SessionsSection event={e} />
          </Stack>
        </Paper>
        <Stack component="section" aria-labelledby="participants-title" gap="sm">
          <Title order={2} fz="h4" id="participants-title">
            {t('brokerage.directory.title')}
          </Title>
          <Participants event={e} />
        </Stack>
        {e.schedulingMode === 'central' ? <SchedulePanel event={e} /> : null}
        <Stack component="section" aria-labelledby="requests-title" gap="sm">
          <Title order={2} fz="h4" id="requests-title">
            {t('brokerage.organise.requests')}
          </Title>
          <Requests event={e} />
        </Stack>
      </Stack>
    </>
  )
}
