import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScenarioSummary } from '../../../shared/contracts/evaluation-selection.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { selectionApi, selectionKeys } from './api.ts'
import { CompareCard } from './CompareCard.tsx'
import { money } from './explain.ts'
import { ScenarioForm } from './ScenarioForm.tsx'
import { ScenarioResults } from './ScenarioResults.tsx'

const route = getRouteApi('/app/evaluation/$callId/selection')

/** Operators: what-if selection scenarios of a call, their results and comparison, and adoption. */
export function SelectionPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { callId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const qc = useQueryClient()
  const go = (change: Record<string, string | undefined>) =>
    navigate({ search: (prev) => ({ ...prev, ...change }) as typeof prev, replace: true })
  const list = useQuery({ queryKey: selectionKeys.list(callId), queryFn: () => selectionApi.list(callId) })
  const shown = search.scenario
  const scenario = useQuery({
    queryKey: selectionKeys.one(callId, shown ?? ''),
    queryFn: () => selectionApi.get(callId, shown as string),
    enabled: !!shown,
  })
  const [adopting, setAdopting] = useState<ScenarioSummary | null>(null)
  const [deleting, setDeleting] = useState<ScenarioSummary | null>(null)
  const refresh = () => qc.invalidateQueries({ queryKey: selectionKeys.all(callId) })

  const create = useMutation({
    mutationFn: (body: Parameters<typeof selectionApi.create>[1]) => selectionApi.create(callId, body),
    onSuccess: async (s) => {
      notifications.show({ color: 'green', message: t('selection.form.computed', { name: s.name }) })
      qc.setQueryData(selectionKeys.one(callId, s.id), s)
      await refresh()
      go({ scenario: s.id })
    },
  })
  const adopted = list.data?.items.find((s) => s.status === 'adopted') ?? null
  const adopt = useMutation({
    mutationFn: (s: ScenarioSummary) => selectionApi.adopt(callId, s.id, !!adopted && adopted.id !== s.id),
    onSuccess: async (s) => {
      notifications.show({ color: 'green', message: t('selection.adopt.done', { name: s.name }) })
      setAdopting(null)
      await refresh()
    },
  })
  const remove = useMutation({
    mutationFn: (s: ScenarioSummary) => selectionApi.remove(callId, s.id),
    onSuccess: async (_r, s) => {
      notifications.show({ color: 'green', message: t('selection.list.deleted') })
      setDeleting(null)
      if (search.scenario === s.id || search.a === s.id || search.b === s.id)
        go({
          scenario: search.scenario === s.id ? undefined : search.scenario,
          a: search.a === s.id ? undefined : search.a,
          b: search.b === s.id ? undefined : search.b,
        })
      await refresh()
    },
  })

  const data = list.data
  const canAdopt = (s: { status: string }) => !!data && !data.decisionsExist && s.status !== 'adopted'
  return (
    <>
      <PageHeader
        title={t('selection.title')}
        documentTitle={data ? `${t('selection.title')} · ${data.call.code}` : t('selection.title')}
        description={t('selection.intro')}
      />
      <Stack gap="lg">
        <EvaluationTabs callId={callId} active="selection" />
        <ErrorAlert error={list.error} title={t('selection.loadError')} />
        {list.isLoading ? (
          <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
            <Skeleton height={200} radius="md" />
            <Skeleton height={120} radius="md" />
          </Stack>
        ) : null}
        {data ? (
          <>
            {!data.rankingComplete ? (
              <Alert color="yellow" variant="light" role="status">
                {t('selection.rankingIncomplete')}
              </Alert>
            ) : null}
            {data.decisionsExist ? (
              <Alert color="blue" variant="light" role="status">
                {t('selection.decisionsExist')}
              </Alert>
            ) : null}
            <ScenarioForm
              list={data}
              saving={create.isPending}
              error={create.error}
              onSubmit={(b) => create.mutate(b)}
            />
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="scenario-list">
              <Stack gap="md">
                <Title order={2} size="h3" id="scenario-list">
                  {t('selection.list.heading')}
                </Title>
                {data.items.length === 0 ? (
                  <EmptyState title={t('selection.list.empty')} />
                ) : (
                  <Table.ScrollContainer minWidth={720} type="native">
                    <Table striped verticalSpacing="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('selection.list.name')}</Table.Th>
                          <Table.Th>{t('selection.list.status')}</Table.Th>
                          <Table.Th ta="right">{t('selection.list.spent')}</Table.Th>
                          <Table.Th>{t('selection.list.counts')}</Table.Th>
                          <Table.Th>{t('selection.list.created')}</Table.Th>
                          <Table.Th>{t('selection.list.actions')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.items.map((s) => (
                          <Table.Tr key={s.id} aria-current={s.id === shown ? 'true' : undefined}>
                            <Table.Th scope="row" fw={500}>
                              {s.name}
                            </Table.Th>
                            <Table.Td>
                              <Badge
                                variant="light"
                                color={s.status === 'adopted' ? 'green' : 'gray'}
                                // The label's overflow: hidden lets a table column squeeze it to "Adopt…".
                                styles={{ label: { overflow: 'visible' } }}
                              >
                                {t(`selection.scenarioStatus.${s.status}`)}
                              </Badge>
                            </Table.Td>
                            <Table.Td ta="right" className="nowrap">
                              {money(f, s.spentCents)} / {money(f, s.budgetCents)}
                            </Table.Td>
                            <Table.Td className="nowrap">
                              {s.selectedCount} / {s.reserveCount} / {s.outCount}
                            </Table.Td>
                            <Table.Td className="nowrap">
                              {f.dateTime(s.createdAt, data.call.timeZone)}
                              {s.createdBy ? (
                                <Text size="xs" c="dimmed">
                                  {s.createdBy}
                                </Text>
                              ) : null}
                            </Table.Td>
                            <Table.Td>
                              <Group gap={4} wrap="nowrap">
                                <Button size="compact-sm" variant="light" onClick={() => go({ scenario: s.id })}>
                                  {t('selection.list.view')}
                                  <VisuallyHidden> {s.name}</VisuallyHidden>
                                </Button>
                                {canAdopt(s) ? (
                                  <Button size="compact-sm" variant="subtle" onClick={() => setAdopting(s)}>
                                    {t('selection.adopt.confirm')}
                                    <VisuallyHidden> {s.name}</VisuallyHidden>
                                  </Button>
                                ) : null}
                                {s.status === 'draft' ? (
                                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(s)}>
                                    {t('selection.list.delete')}
                                    <VisuallyHidden> {s.name}</VisuallyHidden>
                                  </Button>
                                ) : null}
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            </Card>
            {shown ? (
              scenario.data ? (
                <ScenarioResults
                  scenario={scenario.data}
                  timeZone={data.call.timeZone}
                  canAdopt={canAdopt(scenario.data)}
                  onAdopt={() => setAdopting(scenario.data)}
                />
              ) : scenario.isLoading ? (
                <Skeleton height={300} radius="md" aria-label={t('common.loading')} />
              ) : (
                <ErrorAlert error={scenario.error} />
              )
            ) : null}
            <CompareCard callId={callId} scenarios={data.items} a={search.a} b={search.b} onChange={(c) => go(c)} />
          </>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={!!adopting}
        title={adopting ? t('selection.adopt.title', { name: adopting.name }) : ''}
        message={
          adopting ? (
            <Stack gap="xs">
              <Text>
                {t('selection.adopt.body', {
                  selected: adopting.selectedCount,
                  spent: money(f, adopting.spentCents),
                  reserve: adopting.reserveCount,
                })}
              </Text>
              {adopted && adopted.id !== adopting.id ? (
                <Text fw={600}>{t('selection.adopt.replaceBody', { current: adopted.name })}</Text>
              ) : null}
            </Stack>
          ) : (
            ''
          )
        }
        confirmLabel={t('selection.adopt.confirm')}
        onConfirm={() => adopting && adopt.mutate(adopting)}
        onClose={() => {
          setAdopting(null)
          adopt.reset()
        }}
        loading={adopt.isPending}
        error={adopt.error}
      />
      <ConfirmDialog
        opened={!!deleting}
        title={t('selection.list.delete')}
        message={deleting?.name ?? ''}
        confirmLabel={t('selection.list.delete')}
        danger
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          setDeleting(null)
          remove.reset()
        }}
        loading={remove.isPending}
        error={remove.error}
      />
    </>
  )
}
