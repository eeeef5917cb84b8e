import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { BrokerageEvent } from '../../../shared/contracts/brokerage.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { brokerageApi, brokerageKeys } from './api.ts'

/**
 * "Schedule all" (central events): starts a run, then polls it each second while it is queued or running and
 * shows its progress; a finished run shows how many meetings it placed against the bound, and can be published.
 */
export function SchedulePanel({ event }: { event: BrokerageEvent }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const latest = useQuery({
    queryKey: brokerageKeys.run(event.id),
    queryFn: () => brokerageApi.latestRun(event.id),
    refetchInterval: (q) => {
      const s = q.state.data?.run?.status
      return s === 'queued' || s === 'running' ? 1000 : false
    },
  })
  const start = useMutation({
    mutationFn: () => brokerageApi.schedule(event.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: brokerageKeys.run(event.id) }),
  })
  const publish = useMutation({
    mutationFn: (runId: string) => brokerageApi.publishSchedule(event.id, runId),
    onSuccess: () => qc.invalidateQueries({ queryKey: brokerageKeys.all }),
  })
  const run = latest.data?.run ?? null
  const busy = run?.status === 'queued' || run?.status === 'running'
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="schedule-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="schedule-title">
          {t('brokerage.schedule.title')}
        </Title>
        <Text size="sm">{t('brokerage.schedule.help')}</Text>
        {run ? (
          <Stack gap={4}>
            <Progress value={run.progress} aria-label={t('brokerage.schedule.progress')} animated={busy} />
            <Text size="sm" aria-live="polite">
              {t(`brokerage.schedule.status.${run.status}`, { phase: run.phase ?? '', progress: run.progress })}
            </Text>
            {run.status === 'done' ? (
              <Text size="sm">
                {t('brokerage.schedule.result', {
                  count: run.meetings ?? 0,
                  requests: run.requests ?? 0,
                  fixed: run.fixed ?? 0,
                  ratio: Math.round((run.ratio ?? 0) * 1000) / 10,
                })}
              </Text>
            ) : null}
            {run.error ? (
              <Alert color="red" title={t(`errors.${run.error.code}`, { defaultValue: run.error.code })}>
                {t('brokerage.schedule.conflicts', { count: run.error.conflicts.length })}
              </Alert>
            ) : null}
          </Stack>
        ) : null}
        <Group gap="xs" wrap="wrap">
          <Button
            loading={start.isPending}
            disabled={busy || !event.abilities.schedule?.allowed}
            onClick={() => start.mutate()}
          >
            {t('brokerage.schedule.run')}
          </Button>
          {run?.status === 'done' && !run.publishedAt ? (
            <Button variant="light" loading={publish.isPending} onClick={() => publish.mutate(run.id)}>
              {t('brokerage.schedule.publish')}
            </Button>
          ) : null}
        </Group>
        {event.schedulePublishedAt ? (
          <Text size="sm" c="dimmed">
            {t('brokerage.schedule.published')}
          </Text>
        ) : null}
        <ErrorAlert error={start.error ?? publish.error} />
      </Stack>
    </Paper>
  )
}
