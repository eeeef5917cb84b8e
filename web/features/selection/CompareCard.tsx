import { Badge, Card, Group, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ScenarioSummary } from '../../../shared/contracts/evaluation-selection.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { selectionApi, selectionKeys } from './api.ts'
import { money } from './explain.ts'
import { statusColor } from './ScenarioResults.tsx'

/** Two scenarios side by side: who moves between funded, reserve and out, and the change in totals. */
export function CompareCard(props: {
  callId: string
  scenarios: ScenarioSummary[]
  a: string | undefined
  b: string | undefined
  onChange: (change: { a?: string | undefined; b?: string | undefined }) => void
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const { a, b } = props
  const ready = !!a && !!b && a !== b
  const cmp = useQuery({
    queryKey: selectionKeys.compare(props.callId, a ?? '', b ?? ''),
    queryFn: () => selectionApi.compare(props.callId, a as string, b as string),
    enabled: ready,
  })
  const data = props.scenarios.map((s) => ({ value: s.id, label: s.name }))
  const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text)
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="scenario-compare">
      <Stack gap="md">
        <Title order={2} size="h3" id="scenario-compare">
          {t('selection.compare.heading')}
        </Title>
        {props.scenarios.length < 2 ? (
          <Text c="dimmed">{t('selection.compare.needTwo')}</Text>
        ) : (
          <>
            <Group grow wrap="wrap" align="flex-start">
              <Select
                label={t('selection.compare.a')}
                data={data}
                value={a ?? null}
                onChange={(v) => props.onChange({ a: v ?? undefined })}
                style={{ minWidth: '14rem' }}
              />
              <Select
                label={t('selection.compare.b')}
                data={data}
                value={b ?? null}
                onChange={(v) => props.onChange({ b: v ?? undefined })}
                style={{ minWidth: '14rem' }}
              />
            </Group>
            <ErrorAlert error={cmp.error} />
            {ready && cmp.isLoading ? <Skeleton height={80} aria-label={t('common.loading')} /> : null}
            {ready && cmp.data ? (
              <Stack gap="sm" aria-live="polite">
                <Text>
                  {t('selection.compare.summary', {
                    a: cmp.data.a.selectedCount,
                    b: cmp.data.b.selectedCount,
                    delta: signed(cmp.data.selectedDelta, f.number(cmp.data.selectedDelta)),
                    spentA: money(f, cmp.data.a.spentCents),
                    spentB: money(f, cmp.data.b.spentCents),
                    spentDelta: signed(cmp.data.spentDeltaCents, money(f, cmp.data.spentDeltaCents)),
                  })}
                </Text>
                {cmp.data.moves.length === 0 ? (
                  <Text c="dimmed">{t('selection.compare.noMoves')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={480} type="native">
                    <Table striped verticalSpacing="xs">
                      <caption style={{ captionSide: 'top', textAlign: 'left' }}>
                        <Text fw={600} size="sm">
                          {t('selection.compare.moves')}
                        </Text>
                      </caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('selection.results.rank')}</Table.Th>
                          <Table.Th>{t('selection.results.application')}</Table.Th>
                          <Table.Th>{t('selection.compare.from', { name: cmp.data.a.name })}</Table.Th>
                          <Table.Th>{t('selection.compare.to', { name: cmp.data.b.name })}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {cmp.data.moves.map((m) => (
                          <Table.Tr key={m.applicationId}>
                            <Table.Td>{m.rank ?? '—'}</Table.Td>
                            <Table.Th scope="row" fw={500}>
                              {m.acronym}{' '}
                              <Text span size="xs" c="dimmed">
                                {m.reference}
                              </Text>
                            </Table.Th>
                            <Table.Td>
                              <Badge color={statusColor[m.from]} variant="light">
                                {t(`selection.status.${m.from}`)}
                              </Badge>
                            </Table.Td>
                            <Table.Td>
                              <Badge color={statusColor[m.to]} variant="light">
                                {t(`selection.status.${m.to}`)}
                              </Badge>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  )
}
