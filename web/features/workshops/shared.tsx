import { Badge, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ballot, type Workshop } from '../../../shared/contracts/workshops.ts'
import { api, queryKeys, request } from '../../app/api.ts'
import { type Formatter, useFormat } from '../../design-system/format.ts'
import { workshopKeys, workshopsApi } from './api.ts'
import { viewerTimeZone } from './time.ts'

export function useWorkshop(id: string) {
  return useQuery({ queryKey: workshopKeys.one(id), queryFn: () => workshopsApi.get(id) })
}

/** The signed-in person's saved ballot for the workshop (their points on the use cases they may see). */
export function useMyBallot(id: string, enabled = true) {
  return useQuery({
    queryKey: [...workshopKeys.one(id), 'ballot'] as const,
    queryFn: () => request('GET', `/api/v1/workshops/${encodeURIComponent(id)}/ballot`, { schema: ballot }),
    enabled,
  })
}

export function useProgramme() {
  return useQuery({ queryKey: queryKeys.programme, queryFn: () => api.programme() })
}

/** `18 November 2021, 09:30 – 12:30 (CET)` in one zone; the end date is repeated only if it differs. */
export function timeRange(f: Formatter, w: Pick<Workshop, 'startsAt' | 'endsAt'>, timeZone: string): string {
  const tag = f.locale === 'en' ? 'en-GB' : f.locale
  const fmt = new Intl.DateTimeFormat(tag, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  })
  try {
    return `${(fmt as Intl.DateTimeFormat & { formatRange: (a: Date, b: Date) => string }).formatRange(
      new Date(w.startsAt),
      new Date(w.endsAt),
    )} (${zoneName(tag, w.startsAt, timeZone)})`
  } catch {
    return `${f.dateTime(w.startsAt, timeZone, true)} – ${f.dateTime(w.endsAt, timeZone, true)}`
  }
}

function zoneName(tag: string, iso: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat(tag, { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')
  return `${timeZone.replace(/_/g, ' ')}, ${part?.value ?? ''}`
}

export function isPast(w: Pick<Workshop, 'endsAt'>, now = Date.now()): boolean {
  return new Date(w.endsAt).getTime() < now
}

export function StatusBadge({ w }: { w: Pick<Workshop, 'status'> }) {
  const { t } = useTranslation()
  const color = w.status === 'published' ? 'green' : w.status === 'cancelled' ? 'red' : 'gray'
  return (
    <Badge variant="light" color={color}>
      {t(`workshops.status.${w.status}`)}
    </Badge>
  )
}

export function RegistrationBadge({ status }: { status: Workshop['myRegistration'] }) {
  const { t } = useTranslation()
  if (!status) return null
  const color =
    status === 'approved' ? 'green' : status === 'pending' ? 'yellow' : status === 'waitlisted' ? 'orange' : 'gray'
  return (
    <Badge variant="light" color={color}>
      {t(`workshops.registrationStatus.${status}`)}
    </Badge>
  )
}

export function WhenText({ w }: { w: Pick<Workshop, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const f = useFormat()
  return <Text size="sm">{timeRange(f, w, w.timeZone)}</Text>
}

export { viewerTimeZone }
