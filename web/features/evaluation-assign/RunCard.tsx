import { Alert, Button, Card, Group, List, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssignmentOverview, AssignmentRun } from '../../../shared/contracts/evaluation-assignments.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { assignApi, assignKeys } from './api.ts'

export function RunCard(props: {
  callId: string
  canManage: boolean
  overview: AssignmentOverview | undefined
  timeZone: string | undefined
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const { callId } = props
  const runs = useQuery({
    queryKey: assignKeys.runs(callId),
    queryFn: () => assignApi.runs(callId),
    refetchInterval: (q) => {
      const s = q.state.data?.latest?.status
      return s === 'queued' || s === 'running' ? 1000 : false
    },
  })
  const latest = runs.data?.latest ?? null
  const busy = latest?.status === 'queued' || latest?.status === 'running'
  // When a run finishes, the pairs and loads have changed.
  const wasBusy = useRef(false)
  useEffect(() => {
    if (wasBusy.current && !busy) void qc.invalidateQueries({ queryKey: assignKeys.all(callId) })
    wasBusy.current = busy
  }, [busy, qc, callId])
  const start = useMutation({
    mutationFn: () => assignApi.startRun(callId),
    onSuccess: (run) => {
      // Show the queued run (and its progress bar) at once: a small run may be over before the refetch.
      qc.setQueryData(assignKeys.runs(callId), (old: typeof runs.data) =>
        old ? { ...old, latest: run, items: [run, ...old.items] } : old,
      )
      return qc.invalidateQueries({ queryKey: assignKeys.runs(callId) })
    },
  })
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="assign-run">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="assign-run">
            {t('assign.run.title')}
          </Title>
          {props.canManage ? (
            <Button onClick={() => start.mutate()} loading={start.isPending} disabled={busy}>
              {latest ? t('assign.run.rerun') : t('assign.run.start')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('assign.run.description')}
        </Text>
        <ErrorAlert error={start.error ?? runs.error} />
        {runs.isLoading ? <Skeleton height={48} /> : null}
        {runs.data && !latest ? <Text size="sm">{t('assign.run.none')}</Text> : null}
        {latest && busy ? (
          <Stack gap={4}>
            <Text size="sm" id="assign-progress-label">
              {t('assign.run.running', { phase: t(`assign.phase.${latest.progress.phase}`, latest.progress.phase) })}
            </Text>
            <Progress.Root>
              <Progress.Section value={latest.progress.percent} animated aria-labelledby="assign-progress-label" />
            </Progress.Root>
          </Stack>
        ) : null}
        {latest && !busy ? <RunOutcome run={latest} overview={props.overview} /> : null}
        {runs.data && runs.data.items.length > 1 ? (
          <Text size="xs" c="dimmed">
            {t('assign.run.history', {
              count: runs.data.items.length - 1,
              failed: runs.data.items.slice(1).filter((r) => r.status === 'failed').length,
            })}
          </Text>
        ) : null}
        {latest?.finishedAt ? (
          <Text size="xs" c="dimmed">
            {t('assign.run.finishedAt', {
              at: f.dateTime(latest.finishedAt, props.timeZone, true),
              by: latest.startedBy ?? t('assign.run.someone'),
            })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}

function RunOutcome({ run, overview }: { run: AssignmentRun; overview: AssignmentOverview | undefined }) {
  const { t } = useTranslation()
  const f = useFormat()
  if (run.status === 'succeeded' && run.result) {
    const r = run.result
    return (
      <Stack gap="xs">
        <Alert color="green" variant="light" title={t('assign.run.succeeded')}>
          {r.optimal ? t('assign.run.optimal') : t('assign.run.notProven')}
        </Alert>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('assign.run.objective')} value={f.number(r.objective, { maximumFractionDigits: 4 })} />
          <Figure label={t('assign.run.pairs')} value={f.number(r.pairs)} />
          <Figure label={t('assign.run.kept')} value={f.number(r.kept)} />
          <Figure label={t('assign.run.changes')} value={`+${r.added} / −${r.removed}`} />
          <Figure label={t('assign.run.applications')} value={f.number(r.applications)} />
          <Figure label={t('assign.run.experts')} value={f.number(r.experts)} />
          <Figure label={t('assign.run.method')} value={t(`assign.method.${r.method}`, r.method)} />
          <Figure
            label={t('assign.run.time')}
            value={t('assign.run.seconds', { s: f.number(r.timeMs / 1000, { maximumFractionDigits: 1 }) })}
          />
        </SimpleGrid>
      </Stack>
    )
  }
  if (run.status === 'failed' && run.error) return <RunFailure error={run.error} overview={overview} />
  return null
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  )
}

type Params = Record<string, unknown>

/** The optimiser's refusal in words: its code's text, then the applications, experts or locks concerned. */
function RunFailure({ error, overview }: { error: { code: string; params: Params }; overview?: AssignmentOverview }) {
  const { t, i18n } = useTranslation()
  const appName = (id: unknown) => {
    const a = overview?.applications.find((x) => x.applicationId === id)
    return a ? `${a.reference} · ${a.acronym}` : String(id)
  }
  const expertName = (id: unknown) => overview?.experts.find((x) => x.userId === id)?.name ?? String(id)
  const p = error.params
  const details: string[] = []
  if (typeof p.demand === 'number' && (typeof p.capacity === 'number' || typeof p.minimumLoads === 'number'))
    details.push(
      t('assign.failure.demand', { demand: p.demand, capacity: p.capacity ?? p.minimumLoads, kind: p.kind ?? '' }),
    )
  for (const a of (p.applications as Params[] | undefined) ?? [])
    details.push(
      t(`assign.failure.short.${String(a.reason)}`, {
        application: appName(a.application),
        available: a.available,
        needed: a.needed,
      }),
    )
  for (const e of (p.experts as Params[] | undefined) ?? [])
    details.push(t('assign.failure.minLoad', { expert: expertName(e.expert), available: e.available, min: e.minLoad }))
  for (const l of (p.locks as Params[] | undefined) ?? [])
    details.push(
      t(`assign.failure.lock.${String(l.reason)}`, {
        application: l.application ? appName(l.application) : '',
        expert: l.expert ? expertName(l.expert) : '',
      }),
    )
  const text = i18n.exists(`errors.${error.code}`) ? t(`errors.${error.code}`) : t('errors.internal_error')
  return (
    <Alert color="red" variant="light" title={t('assign.run.failed')} role="alert">
      <Text size="sm">{text}</Text>
      {details.length ? (
        <List size="sm" mt="xs">
          {details.map((d) => (
            <List.Item key={d}>{d}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  )
}

// ——— Loads ———
