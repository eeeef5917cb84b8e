import { Anchor, Badge, Group, Skeleton, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HubCall } from '../../../shared/contracts/evaluation.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { evaluationApi, evaluationKeys, phaseColor } from './api.ts'
import { evaluationTabs } from './EvaluationTabs.tsx'

/** Operators: the closed calls of their programmes, where each evaluation stands, and a link to each step. */
export function EvaluationHubPage() {
  const { t, i18n } = useTranslation()
  const hub = useQuery({ queryKey: evaluationKeys.hub, queryFn: evaluationApi.hub })
  const [q, setQ] = useState('')
  const needle = q.trim().toLowerCase()
  const items = (hub.data?.items ?? []).filter(
    (c) => !needle || `${c.code} ${localized(c.title, i18n.language)}`.toLowerCase().includes(needle),
  )
  return (
    <>
      <PageHeader title={t('evaluation.hub.title')} description={t('evaluation.hub.description')} />
      <Stack gap="md">
        <ErrorAlert error={hub.error} />
        {hub.isLoading ? <Skeleton height={200} /> : null}
        {hub.data && hub.data.items.length === 0 ? (
          <EmptyState title={t('evaluation.hub.empty')} description={t('evaluation.hub.emptyText')} />
        ) : null}
        {hub.data && hub.data.items.length > 0 ? (
          <>
            <TextInput
              label={t('evaluation.hub.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              maw={420}
              role="searchbox"
            />
            <Text size="sm" c="dimmed" role="status">
              {t('evaluation.hub.count', { count: items.length })}
            </Text>
            <Table.ScrollContainer
              minWidth={900}
              pos="relative"
              type="native"
              tabIndex={0}
              role="region"
              aria-label={t('table.region', { name: t('evaluation.hub.title') })}
            >
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('evaluation.hub.call')}</Table.Th>
                    <Table.Th>{t('evaluation.hub.phases')}</Table.Th>
                    <Table.Th>{t('evaluation.hub.progress')}</Table.Th>
                    <Table.Th>{t('evaluation.hub.steps')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <HubRow key={c.callId} call={c} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Stack>
    </>
  )
}

function HubRow({ call }: { call: HubCall }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const n = call.counts
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component={Link} to={`/app/evaluation/${call.callId}/setup`} fw={600}>
            {call.code}
          </Anchor>
          <Text size="sm">{localized(call.title, i18n.language)}</Text>
          <Text size="xs" c="dimmed">
            {t('evaluation.hub.closed', { date: f.dateTime(call.closesAt, call.timeZone) })}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {(['individual', 'consensus', 'panel'] as const).map((k) => (
            <Badge
              key={k}
              color={phaseColor[call.phases[k]]}
              variant="light"
              // Whole labels: the label's overflow: hidden would let the column cut them to "Individual evaluation: …".
              styles={{ label: { overflow: 'visible' } }}
            >
              {t(`evaluation.phase.${k}`)}: {t(`evaluation.phaseStatus.${call.phases[k]}`)}
            </Badge>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm">{t('evaluation.hub.admissible', { count: n.admissible })}</Text>
          <Text size="sm">{t('evaluation.hub.experts', { count: n.approvedExperts })}</Text>
          <Text size="sm">{t('evaluation.hub.assignments', { count: n.assignments })}</Text>
          <Text size="sm">
            {t('evaluation.hub.evaluations', { done: n.evaluationsSubmitted, expected: n.evaluationsExpected })}
          </Text>
          <Text size="sm">{t('evaluation.hub.consensus', { done: n.consensusFinal, total: n.admissible })}</Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap" maw={320}>
          {evaluationTabs.map((tab) => (
            <Anchor key={tab} component={Link} to={`/app/evaluation/${call.callId}/${tab}`} size="sm">
              {t(`evaluation.tabs.${tab}`)}
              <VisuallyHidden> — {call.code}</VisuallyHidden>
            </Anchor>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
