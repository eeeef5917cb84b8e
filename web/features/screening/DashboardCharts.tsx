import '@mantine/charts/styles.css'
import { BarChart, GaugeChart, LineChart } from '@mantine/charts'
import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallDashboard } from '../../../shared/contracts/screening.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { useEuros } from './labels.tsx'

/**
 * The call's statistics as charts, each with its figures in a table next to it: the table is the
 * text alternative (the chart itself is hidden from screen readers), in the shape SecurIT published.
 */
export function DashboardCharts({ d }: { d: CallDashboard }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const none = (key: string, label: string | null) => (key === 'none' ? t('screening.charts.none') : (label ?? key))
  const countries = d.byCountry.map((r) => ({ name: f.country(r.key), code: r.key, count: r.count }))
  const domains = d.byDomain.map((r) => ({
    name: none(r.key, localized(r.label, i18n.language) || null),
    code: r.key === 'none' ? '—' : r.key,
    count: r.count,
  }))
  const challenges = d.byChallenge.map((r) => ({
    name: r.key === 'none' ? t('screening.charts.none') : `${r.key} · ${localized(r.label, i18n.language)}`,
    code: r.key === 'none' ? '—' : r.key,
    count: r.count,
  }))
  const smes = d.smesPerApplication.map((r) => ({
    smes: t('screening.charts.smes.bucket', { count: r.smes }),
    count: r.count,
  }))
  const count = t('screening.charts.count')
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ChartCard
          title={t('screening.charts.overTime.title')}
          chart={
            d.overTime.length > 0 ? (
              <LineChart
                h={240}
                data={d.overTime.map((r) => ({ ...r, day: f.dateShort(r.date) }))}
                dataKey="day"
                series={[
                  { name: 'submitted', label: t('screening.charts.overTime.submitted'), color: 'cascade.4' },
                  { name: 'cumulative', label: t('screening.charts.overTime.cumulative'), color: 'cascade.8' },
                ]}
                curveType="linear"
                yAxisProps={{ allowDecimals: false }}
                withLegend
                withTooltip={false}
                lineChartProps={{ accessibilityLayer: false }}
              />
            ) : null
          }
          table={
            <FigureTable
              label={t('screening.charts.overTime.title')}
              headers={[
                t('screening.charts.overTime.date'),
                t('screening.charts.overTime.submitted'),
                t('screening.charts.overTime.cumulative'),
              ]}
              rows={d.overTime.map((r) => [f.dateShort(r.date), f.number(r.submitted), f.number(r.cumulative)])}
            />
          }
        />
        <BudgetCard d={d} />
        <ChartCard
          title={t('screening.charts.byCountry.title')}
          chart={barChart(countries, 'code', count, 'cascade.6')}
          table={
            <FigureTable
              label={t('screening.charts.byCountry.title')}
              headers={[t('screening.charts.byCountry.country'), t('screening.charts.byCountry.partners')]}
              rows={countries.map((r) => [r.name, f.number(r.count)])}
            />
          }
        />
        <ChartCard
          title={t('screening.charts.byDomain.title')}
          chart={barChart(domains, 'code', count, 'teal.6')}
          table={
            <FigureTable
              label={t('screening.charts.byDomain.title')}
              headers={[t('screening.charts.byDomain.domain'), t('screening.charts.applications')]}
              rows={domains.map((r) => [r.name, f.number(r.count)])}
            />
          }
        />
        <ChartCard
          title={t('screening.charts.byChallenge.title')}
          chart={barChart(challenges, 'code', count, 'grape.6')}
          table={
            <FigureTable
              label={t('screening.charts.byChallenge.title')}
              headers={[t('screening.charts.byChallenge.challenge'), t('screening.charts.applications')]}
              rows={challenges.map((r) => [r.name, f.number(r.count)])}
            />
          }
        />
        <ChartCard
          title={t('screening.charts.smes.title')}
          chart={
            smes.length > 0 ? (
              <BarChart
                h={220}
                data={smes}
                dataKey="smes"
                yAxisProps={{ allowDecimals: false }}
                series={[{ name: 'count', label: t('screening.charts.applications'), color: 'orange.6' }]}
                withTooltip={false}
                withBarValueLabel
                barChartProps={{ accessibilityLayer: false }}
              />
            ) : null
          }
          table={
            <FigureTable
              label={t('screening.charts.smes.title')}
              headers={[t('screening.charts.smes.smes'), t('screening.charts.applications')]}
              rows={d.smesPerApplication.map((r) => [f.number(r.smes), f.number(r.count)])}
            />
          }
        />
      </SimpleGrid>
    </Stack>
  )
}

/** Horizontal bars, one per row (long lists stay readable on a phone). */
function barChart(rows: { count: number }[], dataKey: string, label: string, color: string) {
  if (rows.length === 0) return null
  return (
    <BarChart
      h={Math.max(160, rows.length * 30 + 40)}
      data={rows}
      dataKey={dataKey}
      orientation="vertical"
      yAxisProps={{ width: 56 }}
      xAxisProps={{ allowDecimals: false }}
      series={[{ name: 'count', label, color }]}
      withTooltip={false}
      withBarValueLabel
      barChartProps={{ accessibilityLayer: false }}
    />
  )
}

/** A chart (hidden from screen readers) above the table that carries the same figures. */
function ChartCard({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {chart ? (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {t('screening.charts.alt')}
          </Text>
          <div aria-hidden="true">{chart}</div>
        </>
      ) : (
        <Text c="dimmed" size="sm">
          {t('screening.charts.empty')}
        </Text>
      )}
      {chart ? table : null}
    </Card>
  )
}

function FigureTable({ label, headers, rows }: { label: string; headers: string[]; rows: string[][] }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer
      minWidth={260}
      type="native"
      mt="sm"
      mah={260}
      tabIndex={0}
      role="region"
      aria-label={t('screening.charts.figures', { name: label })}
    >
      <Table striped withTableBorder verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r[0]}>
              {r.map((cell, i) =>
                i === 0 ? (
                  <Table.Th key={headers[i]} scope="row" fw={500}>
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={headers[i]} ta="right">
                    {cell}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** Requested support against the call's budget: a gauge with the budget as its mark, and the words. */
function BudgetCard({ d }: { d: CallDashboard }) {
  const { t } = useTranslation()
  const f = useFormat()
  const euros = useEuros()
  const id = useId()
  const percent = d.budgetTotalCents === 0 ? 0 : Math.round((d.requestedCents / d.budgetTotalCents) * 100)
  const max = Math.max(100, Math.ceil(percent / 100) * 100)
  const text = t('screening.charts.budget.text', {
    requested: euros(d.requestedCents),
    budget: euros(d.budgetTotalCents),
    percent: f.number(percent / 100, { style: 'percent' }),
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {t('screening.charts.budget.title')}
      </Title>
      <Stack align="center" gap="xs">
        <div aria-hidden="true">
          <GaugeChart
            value={Math.min(percent, max)}
            max={max}
            target={100}
            size={200}
            thickness={18}
            filledColor={percent > 100 ? 'orange.6' : 'cascade.6'}
            valueFormatter={(v) => `${f.number(v)} %`}
          />
        </div>
        <Text ta="center">{text}</Text>
        {percent > 100 ? (
          <Text ta="center" size="sm" c="dimmed">
            {t('screening.charts.budget.oversubscribed', {
              times: f.number(percent / 100, { maximumFractionDigits: 1 }),
            })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}
