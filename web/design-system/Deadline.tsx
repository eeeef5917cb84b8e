import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { programmeTimeZone, useFormat } from './format.ts'
import { useHydrated } from './useHydrated.ts'
import { zoneCity } from './zone-city.ts'

interface DeadlineProps {
  /** An ISO instant (`2022-03-31T17:00:00+02:00`). */
  value: string
  /** The zone the programme states the deadline in; Europe/Brussels by default. */
  timeZone?: string
  size?: 'xs' | 'sm' | 'md'
}

/**
 * A programme date shown in the programme's zone (Europe/Brussels) and, once the page runs in the browser,
 * in the viewer's own zone when it differs. The server renders only the programme's zone, which is the same
 * for every viewer, so hydration matches.
 */
export function Deadline({ value, timeZone = programmeTimeZone, size = 'sm' }: DeadlineProps) {
  const { t } = useTranslation()
  const f = useFormat()
  const hydrated = useHydrated()
  const viewerZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : null
  const inProgrammeZone = f.dateTime(value, timeZone, true)
  const sameZone =
    viewerZone != null && f.dateTime(value, viewerZone, true) === inProgrammeZone && viewerZone === timeZone
  return (
    <Stack gap={0}>
      <Text size={size} component="span">
        <time dateTime={value} suppressHydrationWarning>
          {t('deadline.inZone', {
            time: inProgrammeZone,
            zone: timeZone === programmeTimeZone ? t('deadline.brussels') : zoneCity(timeZone, f.locale),
          })}
        </time>
      </Text>
      {viewerZone && !sameZone ? (
        <Text size="xs" c="dimmed" component="span">
          {t('deadline.yourTime', { time: f.dateTime(value, viewerZone, true), zone: zoneCity(viewerZone, f.locale) })}
        </Text>
      ) : null}
    </Stack>
  )
}
