import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BrokerageEvent, Participant } from '../../../shared/contracts/brokerage.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { OrganisationLine } from '../partnering/shared.tsx'
import { brokerageApi, brokerageKeys } from './api.ts'
import { RegisterForm } from './RegisterForm.tsx'
import { RequestDialog } from './RequestDialog.tsx'
import { EventTabs, RequestBadge, useEventTime } from './shared.tsx'

const route = getRouteApi('/app/brokerage/$eventId')
const PAGE_SIZE = 20

function ParticipantCard({ p, onRequest }: { p: Participant; onRequest: (p: Participant) => void }) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <OrganisationLine org={p.organisation} />
          {p.requestWithMe ? <RequestBadge status={p.requestWithMe.status} /> : null}
          {p.mine ? <Badge color="teal">{t('brokerage.you')}</Badge> : null}
        </Group>
        {p.name ? (
          <Text size="sm" fw={600}>
            {p.name}
          </Text>
        ) : null}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {p.profile}
        </Text>
        {p.offer ? <Text size="sm">{t('brokerage.offers', { text: p.offer })}</Text> : null}
        {p.request ? <Text size="sm">{t('brokerage.seeks', { text: p.request })}</Text> : null}
        {p.abilities.requestMeeting?.allowed ? (
          <Button size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onRequest(p)}>
            {t('brokerage.requestMeeting')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  )
}

function Directory({ event }: { event: BrokerageEvent }) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const [to, setTo] = useState<Participant | null>(null)
  const query = { q: q.trim() || undefined, page, pageSize: PAGE_SIZE }
  const list = useQuery({
    queryKey: brokerageKeys.participants(event.id, query),
    queryFn: () => brokerageApi.participants(event.id, query),
    placeholderData: keepPreviousData,
  })
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1
  return (
    <Stack component="section" aria-labelledby="directory-title" gap="sm">
      <Title order={2} fz="h3" id="directory-title">
        {t('brokerage.directory.title')}
      </Title>
      <TextInput
        label={t('brokerage.directory.search')}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value)
          setPage(1)
        }}
        w={{ base: '100%', sm: 360 }}
      />
      <ErrorAlert error={list.error} />
      {list.isLoading ? <Skeleton height={120} /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState title={t('brokerage.directory.empty')} /> : null}
      {list.data?.items.map((p) => (
        <ParticipantCard key={p.id} p={p} onRequest={setTo} />
      ))}
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getItemProps={(n) => ({ 'aria-label': t('table.goToPage', { page: n }) })}
            getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
          />
        </Group>
      ) : null}
      <RequestDialog eventId={event.id} to={to} onClose={() => setTo(null)} />
    </Stack>
  )
}

/** One event: what, when and where, registration, and the participants' directory. */
export function EventPage() {
  const { t } = useTranslation()
  const { eventId } = route.useParams()
  const q = useQuery({ queryKey: brokerageKeys.event(eventId), queryFn: () => brokerageApi.event(eventId) })
  const e = q.data
  const time = useEventTime(e?.timeZone ?? 'Europe/Brussels')
  if (!e) return q.error ? <ErrorAlert error={q.error} /> : <Skeleton height={240} />
  return (
    <>
      <PageHeader title={e.title} description={e.description} />
      <EventTabs event={e} current="event" />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Stack gap={4}>
            <Text size="sm">
              {t(`brokerage.mode.${e.mode}`)} · {t(`brokerage.schedulingMode.${e.schedulingMode}`)}
            </Text>
            {e.venue ? <Text size="sm">{t('brokerage.venue', { venue: e.venue })}</Text> : null}
            {e.onlineUrl ? <Text size="sm">{t('brokerage.online', { url: e.onlineUrl })}</Text> : null}
            <Text size="sm">{t('brokerage.deadline', { at: time.at(e.registrationDeadline), zone: e.timeZone })}</Text>
            {e.sessions.map((s) => (
              <Text size="sm" key={s.id}>
                {`${s.title || t('brokerage.session')}: ${time.slot(s)} · ${t('brokerage.slotLength', { minutes: s.slotMinutes })} · ${t('brokerage.tables', { count: s.tables })}`}
              </Text>
            ))}
          </Stack>
        </Paper>
        {e.myParticipant ? (
          <Alert color="teal" title={t('brokerage.registeredTitle')}>
            {t('brokerage.registeredText')}
          </Alert>
        ) : e.abilities.register?.allowed ? (
          <RegisterForm event={e} />
        ) : null}
        <Directory event={e} />
      </Stack>
    </>
  )
}
