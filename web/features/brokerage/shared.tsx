import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BrokerageEvent, MeetingRequestStatus } from '../../../shared/contracts/brokerage.ts'
import { intlLocale } from '../../design-system/format.ts'
import { ButtonLink } from '../../design-system/links.tsx'

/** A time in the event's own zone, in the reader's language: "Fri 20 Nov, 09:30". */
export function useEventTime(timeZone: string) {
  const { i18n } = useTranslation()
  const fmt = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  })
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: '2-digit', minute: '2-digit', timeZone })
  return {
    at: (iso: string) => fmt.format(new Date(iso)),
    slot: (s: { startsAt: string; endsAt: string }) =>
      `${fmt.format(new Date(s.startsAt))}–${time.format(new Date(s.endsAt))}`,
  }
}

export function RequestBadge({ status }: { status: MeetingRequestStatus }) {
  const { t } = useTranslation()
  const colour = { pending: 'blue', accepted: 'green', declined: 'red', expired: 'gray', cancelled: 'gray' }[status]
  return (
    <Badge color={colour} variant="light">
      {t(`brokerage.requestStatus.${status}`)}
    </Badge>
  )
}

type Tab = 'event' | 'requests' | 'agenda' | 'organise'

/** The parts of an event's pages, as links (the current one marked for assistive technology). */
export function EventTabs({ event, current }: { event: BrokerageEvent; current: Tab }) {
  const { t } = useTranslation()
  const tabs: { value: Tab; to: string; show: boolean }[] = [
    { value: 'event', to: '/app/brokerage/$eventId', show: true },
    { value: 'requests', to: '/app/brokerage/$eventId/requests', show: event.myParticipant !== null },
    { value: 'agenda', to: '/app/brokerage/$eventId/agenda', show: event.myParticipant !== null },
    { value: 'organise', to: '/app/brokerage/$eventId/organise', show: event.organiser },
  ]
  return (
    <Group component="nav" aria-label={t('brokerage.tabs.label')} gap="xs" mb="md" wrap="wrap">
      {tabs
        .filter((x) => x.show)
        .map((x) => (
          <ButtonLink
            key={x.value}
            to={x.to}
            params={{ eventId: event.id }}
            size="xs"
            variant={x.value === current ? 'filled' : 'default'}
            aria-current={x.value === current ? 'page' : undefined}
          >
            {t(`brokerage.tabs.${x.value}`)}
          </ButtonLink>
        ))}
    </Group>
  )
}
