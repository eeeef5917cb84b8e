import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Badge, Card, Progress, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconChartBar, IconUsers } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ApplicationProgress,
  ExpertCalibration,
  ExpertProgress,
  ProgressView,
  StatisticsView,
} from '../../../shared/contracts/evaluation-ranking.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { type Column, DataTable } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { rankingApi, rankingKeys } from './api.ts'
import { ExportsMenu, FigureTable, useCallLine, useLocalPage } from './shared.tsx'

const route = getRouteApi('/app/evaluation/$callId/progress')

/** CHART_LIMIT experts at most in the calibration chart (the largest deviations); the table lists them all. */
const CHART_LIMIT = 30

/** The evaluation's progress, score distributions and the experts' calibration (operators). */
export function ProgressPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="evaluation.view" title={t('ranking.progress.title')}>
      <ProgressViews />
    </RequireCapability>
  )
}

function ProgressViews() {
  const { t } = useTranslation()
  const { callId } = route.useParams()
  const callLine = useCallLine(callId)
  const progress = useQuery({ queryKey: rankingKeys.progress(callId), queryFn: () => rankingApi.progress(callId) })
  const stats = useQuery({ queryKey: rankingKeys.statistics(callId), queryFn: () => rankingApi.statistics(callId) })
  const title = t('ranking.progress.title')
  const p = progress.data
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={p ? `${title}: ${p.callCode}` : title}
        description={callLine}
        actions={<ExportsMenu callId={callId} kinds={['evaluations', 'consensus']} />}
      />
      <EvaluationTabs callId={callId} active="progress" />
      <Stack gap="xl" mt="lg">
        <ErrorAlert error={progress.error ?? stats.error} />
        {p ? (
          <>
            <Figures p={p} />
            <ExpertsTable p={p} />
            <ApplicationsTable p={p} />
          </>
        ) : progress.isLoading ? (
          <Stack aria-busy="true" aria-label={t('common.loading')}>
            <Skeleton height={90} />
            <Skeleton height={300} />
          </Stack>
        ) : null}
        {stats.data ? (
          <>
            <Distributions s={stats.data} />
            <Calibration s={stats.data} />
          </>
        ) : stats.isLoading ? (
          <Skeleton height={240} aria-busy="true" aria-label={t('common.loading')} />
        ) : null}
      </Stack>
    </>
  )
}

function Figures({ p }: { p: ProgressView }) {
  const { t } = useTranslation()
  const f = useFormat()
  const keys = [
    'applications',
    'experts',
    'assigned',
    'confirmed',
    'drafts',
    'submitted',
    'recused',
    'consensusFinal',
  ] as const
  const share = p.totals.assigned ? p.totals.submitted / p.totals.assigned : 0
  const shareText = t('ranking.progress.share', {
    submitted: f.number(p.totals.submitted),
    assigned: f.number(p.totals.assigned),
    percent: f.number(share, { style: 'percent' }),
  })
  return (
    <section aria-labelledby="progress-figures">
      <Title order={2} size="h3" id="progress-figures" mb="sm">
        {t('ranking.progress.figures')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
        {keys.map((k) => (
          <Card key={k} withBorder padding="sm">
            <Text component="dt" size="xs" c="dimmed">
              {t(`ranking.progress.totals.${k}`)}
            </Text>
            <Text component="dd" m={0} fw={700} fz="xl">
              {f.number(p.totals[k])}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="sm" mt="md">
        {shareText}
      </Text>
      <Progress value={share * 100} mt={4} aria-label={shareText} />
    </section>
  )
}

const countColumns = <T extends ExpertProgress | ApplicationProgress>(
  t: (k: string) => string,
  n: (x: number) => string,
) =>
  (['assigned', 'confirmed', 'drafts', 'submitted', 'recused'] as const).map(
    (k): Column<T> => ({
      key: k,
      header: t(`ranking.progress.columns.${k}`),
      align: 'right',
      nowrap: true,
      render: (r) => n(r[k]),
    }),
  )

function ExpertsTable({ p }: { p: ProgressView }) {
  const { t } = useTranslation()
  const f = useFormat()
  const list = useLocalPage(p.experts, (e, q) => e.name.toLowerCase().includes(q))
  const columns: Column<ExpertProgress>[] = [
    { key: 'name', header: t('ranking.progress.columns.expert'), rowHeader: true, render: (e) => e.name },
    ...countColumns<ExpertProgress>(t, (x) => f.number(x)),
  ]
  return (
    <section aria-labelledby="progress-experts">
      <Title order={2} size="h3" id="progress-experts" mb="sm">
        {t('ranking.progress.experts')}
      </Title>
      <DataTable
        label={t('ranking.progress.experts')}
        columns={columns}
        data={list.data}
        isLoading={false}
        query={list.query}
        onQueryChange={list.onQueryChange}
        searchLabel={t('ranking.progress.searchExperts')}
        empty={<EmptyState icon={<IconUsers size={24} />} title={t('ranking.progress.noExperts')} />}
        rowKey={(e) => e.userId}
        minWidth={560}
      />
    </section>
  )
}

type ConsensusFilter = 'all' | ApplicationProgress['consensus']

function ApplicationsTable({ p }: { p: ProgressView }) {
  const { t } = useTranslation()
  const f = useFormat()
  const [consensus, setConsensus] = useState<ConsensusFilter>('all')
  const list = useLocalPage(
    p.applications,
    (a, q) => a.acronym.toLowerCase().includes(q) || a.reference.toLowerCase().includes(q),
    (a) => consensus === 'all' || a.consensus === consensus,
  )
  const columns: Column<ApplicationProgress>[] = [
    {
      key: 'application',
      header: t('ranking.progress.columns.application'),
      rowHeader: true,
      render: (a) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {a.acronym || a.reference}
          </Text>
          <Text size="xs" c="dimmed">
            {a.reference}
          </Text>
        </Stack>
      ),
    },
    ...countColumns<ApplicationProgress>(t, (x) => f.number(x)),
    {
      key: 'consensus',
      header: t('ranking.progress.columns.consensus'),
      nowrap: true,
      render: (a) => (
        <Badge
          variant="light"
          color={a.consensus === 'final' ? 'green' : a.consensus === 'draft' ? 'yellow' : 'gray'}
          style={{ textTransform: 'none' }}
        >
          {t(`ranking.progress.consensus.${a.consensus}`)}
        </Badge>
      ),
    },
  ]
  return (
    <section aria-labelledby="progress-applications">
      <Title order={2} size="h3" id="progress-applications" mb="sm">
        {t('ranking.progress.applications')}
      </Title>
      <DataTable
        label={t('ranking.progress.applications')}
        columns={columns}
        data={list.data}
        isLoading={false}
        query={list.query}
        onQueryChange={list.onQueryChange}
        searchLabel={t('ranking.progress.searchApplications')}
        filters={
          <Select
            label={t('ranking.progress.columns.consensus')}
            w={200}
            allowDeselect={false}
            value={consensus}
            data={(['all', 'none', 'draft', 'final'] as const).map((v) => ({
              value: v,
              label: v === 'all' ? t('ranking.progress.consensus.all') : t(`ranking.progress.consensus.${v}`),
            }))}
            onChange={(v) => {
              setConsensus((v as ConsensusFilter) ?? 'all')
              list.onQueryChange({ page: undefined })
            }}
          />
        }
        filtered={consensus !== 'all'}
        empty={<EmptyState title={t('ranking.progress.noApplications')} />}
        rowKey={(a) => a.applicationId}
        minWidth={620}
      />
    </section>
  )
}

/** A chart hidden from screen readers above the table that carries the same figures. */
function ChartCard({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {chart ? (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {t('ranking.charts.alt')}
          </Text>
          <div aria-hidden="true">{chart}</div>
        </>
      ) : null}
      {table}
    </Card>
  )
}

function Distributions({ s }: { s: StatisticsView }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const empty = s.distributions.every((d) => d.n === 0)
  return (
    <section aria-labelledby="progress-distributions">
      <Title order={2} size="h3" id="progress-distributions" mb="xs">
        {t('ranking.progress.distributions')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('ranking.progress.distributionsHelp')}
      </Text>
      {empty ? (
        <EmptyState icon={<IconChartBar size={24} />} title={t('ranking.progress.noScores')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {s.distributions.map((d) => {
            const name = localized(d.name, i18n.language)
            const data = d.bins.map((b) => ({ score: f.number(b.score), count: b.count }))
            return (
              <ChartCard
                key={d.criterionId}
                title={`${name} · ${t('ranking.progress.meanOf', {
                  mean: d.mean === null ? '—' : f.number(d.mean, { maximumFractionDigits: 2 }),
                  n: f.number(d.n),
                })}`}
                chart={
                  d.n > 0 ? (
                    <BarChart
                      h={200}
                      data={data}
                      dataKey="score"
                      yAxisProps={{ allowDecimals: false }}
                      series={[{ name: 'count', label: t('ranking.progress.scores'), color: 'cascade.6' }]}
                      withTooltip={false}
                      barChartProps={{ accessibilityLayer: false }}
                    />
                  ) : null
                }
                table={
                  <FigureTable
                    label={name}
                    headers={[t('ranking.progress.score'), t('ranking.progress.scores')]}
                    rows={d.bins.filter((b) => b.count > 0).map((b) => [f.number(b.score), f.number(b.count)])}
                  />
                }
              />
            )
          })}
        </SimpleGrid>
      )}
    </section>
  )
}

function Calibration({ s }: { s: StatisticsView }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const dev = (x: number | null) =>
    x === null ? '—' : f.number(x, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })
  const compared = s.calibration.filter((c) => c.meanDeviation !== null)
  const charted = [...compared]
    .sort((a, b) => Math.abs(b.meanDeviation!) - Math.abs(a.meanDeviation!))
    .slice(0, CHART_LIMIT)
    .sort((a, b) => b.meanDeviation! - a.meanDeviation!)
  const list = useLocalPage(s.calibration, (c, q) => c.name.toLowerCase().includes(q))
  const criterionName = (id: string) => {
    const d = s.distributions.find((x) => x.criterionId === id)
    return d ? localized(d.name, i18n.language) : id
  }
  const columns: Column<ExpertCalibration>[] = [
    { key: 'name', header: t('ranking.progress.columns.expert'), rowHeader: true, render: (c) => c.name },
    {
      key: 'mean',
      header: t('ranking.progress.calibrationMean'),
      align: 'right',
      nowrap: true,
      render: (c) => <Text fw={600}>{dev(c.meanDeviation)}</Text>,
    },
    {
      key: 'n',
      header: t('ranking.progress.calibrationN'),
      align: 'right',
      nowrap: true,
      render: (c) => f.number(c.n),
    },
    ...s.distributions.map(
      (d): Column<ExpertCalibration> => ({
        key: `c-${d.criterionId}`,
        header: criterionName(d.criterionId),
        align: 'right',
        nowrap: true,
        render: (c) => {
          const pc = c.perCriterion.find((x) => x.criterionId === d.criterionId)
          return pc ? `${dev(pc.meanDeviation)} (${f.number(pc.n)})` : '—'
        },
      }),
    ),
  ]
  return (
    <section aria-labelledby="progress-calibration">
      <Title order={2} size="h3" id="progress-calibration" mb="xs">
        {t('ranking.progress.calibration')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('ranking.progress.calibrationHelp')}
      </Text>
      {charted.length > 0 ? (
        <Card withBorder padding="lg" mb="md">
          <Text size="xs" c="dimmed" mb="xs">
            {compared.length > CHART_LIMIT
              ? t('ranking.progress.calibrationChartLimited', { limit: CHART_LIMIT })
              : t('ranking.charts.alt')}
          </Text>
          <div aria-hidden="true">
            <BarChart
              h={Math.max(160, charted.length * 28 + 40)}
              data={charted.map((c) => ({ name: c.name, deviation: c.meanDeviation }))}
              dataKey="name"
              orientation="vertical"
              yAxisProps={{ width: 140 }}
              series={[{ name: 'deviation', label: t('ranking.progress.calibrationMean'), color: 'grape.6' }]}
              withTooltip={false}
              withBarValueLabel
              valueFormatter={(v) => dev(v)}
              barChartProps={{ accessibilityLayer: false }}
            />
          </div>
        </Card>
      ) : null}
      <DataTable
        label={t('ranking.progress.calibration')}
        columns={columns}
        data={list.data}
        isLoading={false}
        query={list.query}
        onQueryChange={list.onQueryChange}
        searchLabel={t('ranking.progress.searchExperts')}
        empty={<EmptyState icon={<IconUsers size={24} />} title={t('ranking.progress.noScores')} />}
        rowKey={(c) => c.userId}
        minWidth={560}
      />
    </section>
  )
}
