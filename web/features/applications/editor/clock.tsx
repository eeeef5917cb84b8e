import { Badge, type BadgeProps } from '@mantine/core'
import { IconClock } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { timeLeft } from '../../../../shared/calls/time.ts'

/**
 * The server's clock as seen from the browser: the offset between the answer's `serverNow` and the
 * viewer's clock, so that a countdown does not trust a wrong computer clock. Ticks every second in the
 * last hour, else every 20 seconds.
 */
export function useServerNow(serverNow: string | undefined, deadline?: string): number {
  const offset = useMemo(() => (serverNow ? Date.parse(serverNow) - Date.now() : 0), [serverNow])
  const [now, setNow] = useState(() => Date.now() + offset)
  useEffect(() => {
    const left = deadline ? Date.parse(deadline) - (Date.now() + offset) : Number.POSITIVE_INFINITY
    const every = left < 3_600_000 ? 1000 : 20_000
    setNow(Date.now() + offset)
    const timer = setInterval(() => setNow(Date.now() + offset), every)
    return () => clearInterval(timer)
  }, [offset, deadline])
  return now
}

/** "3 d 4 h left", "12 min 5 s left", "Deadline passed". */
export function useTimeLeftText() {
  const { t } = useTranslation()
  return (deadline: string, now: number) => {
    const left = timeLeft(deadline, now)
    if (left.passed) return t('applications.deadline.passed')
    if (left.days > 0) return t('applications.deadline.leftDays', { days: left.days, hours: left.hours })
    if (left.hours > 0) return t('applications.deadline.leftHours', { hours: left.hours, minutes: left.minutes })
    return t('applications.deadline.leftMinutes', { minutes: left.minutes, seconds: left.seconds })
  }
}

/** A countdown badge: grey with time to spare, orange in the last 3 days, red in the last day and after. */
export function CountdownBadge({ deadline, now, ...rest }: { deadline: string; now: number } & BadgeProps) {
  const text = useTimeLeftText()
  const left = timeLeft(deadline, now)
  const color = left.passed || left.totalMs < 86_400_000 ? 'red' : left.totalMs < 3 * 86_400_000 ? 'orange' : 'gray'
  return (
    <Badge color={color} variant="light" leftSection={<IconClock size={12} aria-hidden />} {...rest}>
      <time dateTime={deadline}>{text(deadline, now)}</time>
    </Badge>
  )
}
