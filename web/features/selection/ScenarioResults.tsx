import { Badge, Button, Card, Group, Progress, Select, Stack, Text, Title } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScenarioDetail, ScenarioItem, SelectionStatus } from '../../../shared/contracts/evaluation-selection.ts'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { useFormat } from '../../design-system/format.ts'
import { selectionApi } from './api.ts'
import { explain, money } from './explain.ts'

export const statusColor: Record<SelectionStatus, string> = { selected: 'green', reserve: 'yellow', out: 'gray' }
const PAGE_SIZE = 25

/** One scenario: its parameters, the budget bar, and every application funded, in reserve or out, with why. */
export function ScenarioResults(props: {
  scenario: ScenarioDetail
  timeZone: string
  canAdopt: boolean
  onAdopt: () => void
}) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const s = props.scenario
  const [query, setQuery] = useState<ListQuery>({})
  const [status, setStatus] = useState<SelectionStatus | 'all'>('all')
  const percent = s.budgetCents > 0 ? Math.round((s.spentCents / s.budgetCents) * 1000) / 10 : 0
  const page = useMemo(() => {
    const q = (query.q ?? '').trim().toLowerCase()
    const items = s.items.filter(
      (i) =>
        (status === 'all' || i.status === status) &&
        (!q || [i.reference, i.acronym, i.title].some((x) => x.toLowerCase().includes(q))),
    )
    const p = query.page ?? 1
    const size = query.pageSize ?? PAGE_SIZE
    return { items: items.slice((p - 1) * size, p * size), total: items.length, page: p, pageSize: size }
  }, [s.items, query, status])
  const columns: Column<ScenarioItem>[] = [
    { key: 'rank', header: t('selection.results.rank'), render: (i) => i.rank ?? '—', nowrap: true, align: 'right' },
    {
      key: 'application',
      header: t('selection.results.application'),
      rowHeader: true,
      render: (i) => (
        <Stack gap={0}>
          <Text fw={600} size="sm">
            {i.acronym}
          </Text>
          <Text size="xs" c="dimmed">
            {i.reference} · {i.title}
          </Text>
        </Stack>
      ),
    },
    { key: 'challenge', header: t('selection.results.challenge'), render: (i) => i.challengeCode ?? '—', nowrap: true },
    {
      key: 'requested',
      header: t('selection.results.requested'),
      render: (i) => money(f, i.requestedCents),
      nowrap: true,
      align: 'right',
    },
    {
      key: 'granted',
      header: t('selection.results.granted'),
      render: (i) => (i.grantedCents === null ? '—' : money(f, i.grantedCents)),
      nowrap: true,
      align: 'right',
    },
    {
      key: 'status',
      header: t('selection.results.status'),
      nowrap: true,
      render: (i) => (
        <Badge color={statusColor[i.status]} variant="light">
          {t(`selection.status.${i.status}`)}
          {i.reserveRank ? ` ${i.reserveRank}` : ''}
        </Badge>
      ),
    },
    {
      key: 'why',
      header: t('selection.results.why'),
      render: (i) => <Text size="sm">{explain(t, f, i.explanation)}</Text>,
    },
  ]
  const p = s.params
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="scenario-results">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Title order={2} size="h3" id="scenario-results">
              {t('selection.results.heading', { name: s.name })}
            </Title>
            <Group gap="xs">
              <Badge variant="outline">{t(`selection.scenarioStatus.${s.status}`)}</Badge>
              {s.adoptedAt ? (
                <Text size="sm" c="dimmed">
                  {t('selection.results.adopted', { date: f.dateTime(s.adoptedAt, props.timeZone) })}
                </Text>
              ) : null}
            </Group>
          </Stack>
          <Group gap="xs">
            <Button
              component="a"
              href={selectionApi.exportUrl(s.callId, s.id, i18n.language)}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('selection.list.export')}
            </Button>
            {props.canAdopt ? <Button onClick={props.onAdopt}>{t('selection.results.adopt')}</Button> : null}
          </Group>
        </Group>
        <Text size="sm">
          {t('selection.results.params', {
            budget: money(f, p.budgetCents),
            cap: money(f, p.perOrganisationCapCents),
            country: p.maxPerCountry ?? t('selection.results.noCountryLimit'),
          })}
        </Text>
        {p.quotas.length ? (
          <Stack gap={2} component="ul" m={0} pl="md">
            {p.quotas.map((q) => (
              <Text component="li" size="sm" key={`${q.scope}:${q.key}`}>
                {t('selection.results.quota', {
                  scope: t(`selection.form.scopes.${q.scope}`),
                  key: q.key,
                  min: q.min,
                  max: q.max ?? t('selection.results.noMax'),
                })}
              </Text>
            ))}
          </Stack>
        ) : null}
        <Stack gap={4}>
          <Progress
            value={Math.min(100, percent)}
            size="lg"
            aria-label={t('selection.results.budgetBarLabel')}
            color={percent > 100 ? 'red' : 'blue'}
          />
          <Text size="sm">
            {t('selection.results.budgetBar', {
              spent: money(f, s.spentCents),
              budget: money(f, s.budgetCents),
              percent: f.number(percent),
            })}
          </Text>
        </Stack>
        <DataTable
          label={t('selection.results.heading', { name: s.name })}
          columns={columns}
          data={page}
          isLoading={false}
          query={query}
          onQueryChange={(patch) => setQuery((q) => ({ ...q, ...patch }))}
          searchLabel={t('selection.results.search')}
          filtered={status !== 'all'}
          filters={
            <Select
              label={t('selection.results.filter')}
              data={[
                { value: 'all', label: t('selection.results.all') },
                ...(['selected', 'reserve', 'out'] as const).map((v) => ({
                  value: v,
                  label: t(`selection.status.${v}`),
                })),
              ]}
              value={status}
              onChange={(v) => {
                setStatus((v as SelectionStatus | 'all' | null) ?? 'all')
                setQuery((q) => ({ ...q, page: undefined }))
              }}
              allowDeselect={false}
              w={180}
            />
          }
          empty={<Text c="dimmed">{t('selection.results.empty')}</Text>}
          rowKey={(i) => i.applicationId}
          minWidth={900}
          pageSizes={[PAGE_SIZE, 50, 100]}
        />
      </Stack>
    </Card>
  )
}
