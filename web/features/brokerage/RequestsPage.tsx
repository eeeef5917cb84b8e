import { Button, Card, Group, SegmentedControl, Select, Skeleton, Stack, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BrokerageEvent, MeetingRequest } from '../../../shared/contracts/brokerage.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { OrganisationLine } from '../partnering/shared.tsx'
import { brokerageApi, brokerageKeys } from './api.ts'
import { EventTabs, RequestBadge, useEventTime } from './shared.tsx'

const route = getRouteApi('/app/brokerage/$eventId/requests')

/** In self-booking events: pick a free common slot (when accepting, or later). */
function SlotPicker({
  event,
  request,
  action,
}: {
  event: BrokerageEvent
  request: MeetingRequest
  action: 'accept' | 'book'
}) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const time = useEventTime(event.timeZone)
  const [slotId, setSlotId] = useState<string | null>(null)
  const free = useQuery({
    queryKey: brokerageKeys.freeSlots(request.id),
    queryFn: () => brokerageApi.freeSlots(request.id),
  })
  const go = useMutation({
    mutationFn: () =>
      action === 'accept'
        ? brokerageApi.decide(request.id, 'accept', slotId ? { slotId } : {})
        : brokerageApi.book(request.id, slotId!),
    onSuccess: () => qc.invalidateQueries({ queryKey: brokerageKeys.all }),
  })
  return (
    <Stack gap={6}>
      <Group align="flex-end" wrap="wrap" gap="xs">
        <Select
          label={t('brokerage.requests.slot')}
          placeholder={free.data?.items.length === 0 ? t('brokerage.requests.noFreeSlot') : undefined}
          data={(free.data?.items ?? []).map((s) => ({
            value: s.id,
            label: `${time.slot(s)} · ${t('brokerage.tablesLeft', { count: s.tablesLeft })}`,
          }))}
          value={slotId}
          onChange={setSlotId}
          clearable={action === 'accept'}
          w={{ base: '100%', xs: 320 }}
        />
        <Button loading={go.isPending} disabled={action === 'book' && !slotId} onClick={() => go.mutate()}>
          {action === 'accept' ? t('brokerage.requests.accept') : t('brokerage.requests.book')}
        </Button>
      </Group>
      <ErrorAlert error={go.error} />
    </Stack>
  )
}

function RequestCard({ event, r }: { event: BrokerageEvent; r: MeetingRequest }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const time = useEventTime(event.timeZone)
  const decide = useMutation({
    mutationFn: (d: 'accept' | 'decline' | 'cancel') => brokerageApi.decide(r.id, d),
    onSuccess: () => qc.invalidateQueries({ queryKey: brokerageKeys.all }),
  })
  const other = r.sent ? r.to : r.from
  const selfBooking = event.schedulingMode === 'self_booking'
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <OrganisationLine org={other.organisation} />
          <RequestBadge status={r.status} />
        </Group>
        {other.name ? (
          <Text size="sm" fw={600}>
            {other.name}
          </Text>
        ) : null}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`brokerage.priority.${r.priority}`)}
          {r.status === 'pending' ? ` · ${t('brokerage.requests.expires', { at: time.at(r.expiresAt) })}` : ''}
        </Text>
        {r.decisionMessage ? <Text size="sm">{r.decisionMessage}</Text> : null}
        {r.meeting ? (
          <Text size="sm" fw={600}>
            {t('brokerage.requests.meeting', { at: time.slot(r.meeting), table: r.meeting.table })}
          </Text>
        ) : null}
        {r.abilities.accept?.allowed && selfBooking ? <SlotPicker event={event} request={r} action="accept" /> : null}
        {r.abilities.book?.allowed ? <SlotPicker event={event} request={r} action="book" /> : null}
        <Group gap="xs" wrap="wrap">
          {r.abilities.accept?.allowed && !selfBooking ? (
            <Button size="xs" loading={decide.isPending} onClick={() => decide.mutate('accept')}>
              {t('brokerage.requests.accept')}
            </Button>
          ) : null}
          {r.abilities.decline?.allowed ? (
            <Button size="xs" variant="default" loading={decide.isPending} onClick={() => decide.mutate('decline')}>
              {t('brokerage.requests.decline')}
            </Button>
          ) : null}
          {r.abilities.cancel?.allowed ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={decide.isPending}
              onClick={() => decide.mutate('cancel')}
            >
              {t('brokerage.requests.cancel')}
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={decide.error} />
      </Stack>
    </Card>
  )
}

/** The person's requests, received and sent: accept, decline, withdraw, and book a slot in self-booking events. */
export function RequestsPage() {
  const { t } = useTranslation()
  const { eventId } = route.useParams()
  const [box, setBox] = useState<'received' | 'sent'>('received')
  const event = useQuery({ queryKey: brokerageKeys.event(eventId), queryFn: () => brokerageApi.event(eventId) })
  const list = useQuery({
    queryKey: brokerageKeys.requests(eventId, box),
    queryFn: () => brokerageApi.requests(eventId, { box, pageSize: 100 }),
  })
  const e = event.data
  if (!e) return event.error ? <ErrorAlert error={event.error} /> : <Skeleton height={240} />
  return (
    <>
      <PageHeader title={t('brokerage.requests.title')} description={e.title} />
      <EventTabs event={e} current="requests" />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('brokerage.requests.box')}
          value={box}
          onChange={(v) => setBox(v as 'received' | 'sent')}
          data={[
            { value: 'received', label: t('brokerage.requests.received') },
            { value: 'sent', label: t('brokerage.requests.sent') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        <ErrorAlert error={list.error} />
        {list.isLoading ? <Skeleton height={120} /> : null}
        {list.data && list.data.items.length === 0 ? <EmptyState title={t('brokerage.requests.empty')} /> : null}
        {list.data?.items.map((r) => (
          <RequestCard key={r.id} event={e} r={r} />
        ))}
      </Stack>
    </>
  )
}
