import { Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { timeLeft } from '../../../shared/calls/time.ts'
import type { CallPhase } from '../../../shared/contracts/calls.ts'
import { useFormat } from '../../design-system/format.ts'
import { useHydrated } from '../../design-system/useHydrated.ts'
import { inZone, zoneCity } from './call-format.ts'

interface Props {
  phase: CallPhase
  opensAt: string
  deadline: string
  timeZone: string
  /** The server's time when the page was made: the countdown runs on it, not on the viewer's clock. */
  serverNow: string
}

/**
 * The deadline as the call states it: in the official zone with its UTC offset, and in UTC — the same
 * text for every viewer, rendered on the server, enough without JavaScript. Once the page runs in a
 * browser it adds the time left (on the server's clock: the viewer's own may be wrong) and the deadline
 * in the viewer's zone when it differs.
 */
export function CallCountdown({ phase, opensAt, deadline, timeZone, serverNow }: Props) {
  const { t } = useTranslation()
  const f = useFormat()
  const hydrated = useHydrated()
  const now = useServerClock(serverNow, hydrated && (phase === 'open' || phase === 'scheduled'))
  const official = inZone(f, deadline, timeZone)
  const viewerZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : null
  const target = phase === 'scheduled' ? opensAt : deadline
  const left = now === null ? null : timeLeft(target, now)
  return (
    <Stack gap={4}>
      <Text fw={700} fz="lg">
        <time dateTime={deadline} suppressHydrationWarning>
          {t('calls.public.deadline.inZone', official)}
        </time>
      </Text>
      <Text size="sm" c="dimmed" suppressHydrationWarning>
        {t('calls.public.deadline.utc', { time: f.dateTime(deadline, 'UTC') })}
      </Text>
      {viewerZone && viewerZone !== timeZone ? (
        <Text size="sm">
          {t('calls.public.deadline.yourTime', {
            time: f.dateTime(deadline, viewerZone),
            zone: zoneCity(viewerZone, f.locale),
          })}
        </Text>
      ) : null}
      {left && !left.passed ? (
        <Text role="timer" aria-live="off" fw={700} c="cascade.8">
          {t(phase === 'scheduled' ? 'calls.public.deadline.opensIn' : 'calls.public.deadline.closesIn', {
            time: t('calls.public.deadline.parts', {
              days: left.days,
              hours: String(left.hours).padStart(2, '0'),
              minutes: String(left.minutes).padStart(2, '0'),
              seconds: String(left.seconds).padStart(2, '0'),
            }),
          })}
        </Text>
      ) : null}
    </Stack>
  )
}

/** The server's time, ticking every second once `running` (null before: nothing time-dependent is rendered). */
function useServerClock(serverNow: string, running: boolean): number | null {
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    if (!running) return
    const skew = Date.parse(serverNow) - Date.now()
    setNow(Date.now() + skew)
    const timer = setInterval(() => setNow(Date.now() + skew), 1000)
    return () => clearInterval(timer)
  }, [serverNow, running])
  return now
}
