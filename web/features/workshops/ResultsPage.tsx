import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Card, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { workshopKeys, workshopsApi } from './api.ts'
import { useWorkshop } from './shared.tsx'

const route = getRouteApi('/app/workshops/$workshopId/results')

/** The tally as a bar chart (decorative for screen readers) and as the full table, its text alternative. */
export function ResultsPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { workshopId } = route.useParams()
  const w = useWorkshop(workshopId)
  const results = useQuery({
    queryKey: workshopKeys.results(workshopId),
    queryFn: () => workshopsApi.results(workshopId),
  })
  const rows = results.data?.rows ?? []
  const short = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s)
  return (
    <>
      <PageHeader
        title={t('workshops.results.title')}
        documentTitle={w.data ? `${t('workshops.results.title')}: ${w.data.title}` : t('workshops.results.title')}
        description={w.data ? <Text c="dimmed">{w.data.title}</Text> : undefined}
        above={
          <AnchorLink to="/app/workshops/$workshopId" params={{ workshopId }}>
            {t('workshops.backToWorkshop')}
          </AnchorLink>
        }
      />
      <ErrorAlert error={results.error ?? w.error} />
      {results.data ? (
        <Stack gap="lg">
          <Text role="status">
            {results.data.closed ? t('workshops.results.closed') : t('workshops.results.open')}{' '}
            {t('workshops.results.voters', { count: results.data.voters, n: f.number(results.data.voters) })}
          </Text>
          {rows.length > 0 ? (
            <Card withBorder padding="lg" component="figure" m={0} aria-labelledby="results-chart-caption">
              <Title order={2} size="h3" id="results-chart-caption" mb="md" component="figcaption">
                {t('workshops.results.chart')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('workshops.results.chartAlt')}
              </Text>
              <div aria-hidden="true">
                <BarChart
                  h={Math.max(200, rows.length * 56)}
                  data={rows.map((r) => ({ useCase: short(r.title), points: r.points }))}
                  dataKey="useCase"
                  orientation="vertical"
                  yAxisProps={{ width: 190 }}
                  series={[{ name: 'points', label: t('workshops.results.points'), color: 'cascade.6' }]}
                  withTooltip={false}
                  withBarValueLabel
                  barChartProps={{ accessibilityLayer: false }}
                />
              </div>
            </Card>
          ) : null}
          <Card withBorder padding="lg">
            <Title order={2} size="h3" id="results-table" mb="md">
              {t('workshops.results.table')}
            </Title>
            {rows.length === 0 ? (
              <Text c="dimmed">{t('workshops.useCases.none')}</Text>
            ) : (
              <Table.ScrollContainer
                minWidth={420}
                type="native"
                tabIndex={0}
                role="region"
                aria-labelledby="results-table"
              >
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th ta="right">{t('workshops.results.rank')}</Table.Th>
                      <Table.Th>{t('workshops.results.useCase')}</Table.Th>
                      <Table.Th ta="right">{t('workshops.results.points')}</Table.Th>
                      <Table.Th ta="right">{t('workshops.results.votersColumn')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r, i) => {
                      const tied = rows.filter((o) => o.rank === r.rank).length > 1
                      return (
                        <Table.Tr key={r.useCaseId}>
                          <Table.Td ta="right">
                            {tied ? t('workshops.results.tiedRank', { rank: r.rank }) : f.number(r.rank)}
                          </Table.Td>
                          <Table.Th scope="row" fw={i === 0 ? 700 : 500}>
                            {r.title}
                          </Table.Th>
                          <Table.Td ta="right">{f.number(r.points)}</Table.Td>
                          <Table.Td ta="right">{f.number(r.voters)}</Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        </Stack>
      ) : null}
    </>
  )
}
