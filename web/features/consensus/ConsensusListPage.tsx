import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ConsensusList, consensusStatuses } from '../../../shared/contracts/evaluation-consensus.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { callKeys, callsApi } from '../calls/api.ts'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { consensusApi, consensusKeys } from './api.ts'
import { ConsensusStatusBadge } from './parts.tsx'

const route = getRouteApi('/app/evaluation/$callId/consensus')
const PAGE_SIZE = 25

/** Where recording stands: not yet (individual phase running), open until the consensus phase ends, closed. */
export function PhaseNotice({
  data,
  timeZone,
}: {
  data: Pick<ConsensusList, 'phases' | 'canRecord'>
  timeZone: string
}) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const c = data.phases.consensus
  if (data.canRecord)
    return (
      <Text size="sm" c="dimmed">
        {c.endsAt
          ? t('consensus.phase.openUntil', { date: fmt.dateTime(c.endsAt, timeZone) })
          : t('consensus.phase.open')}
      </Text>
    )
  return (
    <Alert color={c.status === 'closed' ? 'gray' : 'blue'} variant="light">
      {c.status === 'closed' ? t('consensus.phase.closed') : t('consensus.phase.notYet')}
    </Alert>
  )
}

/** Moderators: the call's applications with evaluations submitted, the divergence flag and the consensus status. */
export function ConsensusListPage() {
  const { t, i18n } = useTranslation()
  const { callId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const [q, setQ] = useState(search.q ?? '')
  const call = useQuery({ queryKey: callKeys.one(callId), queryFn: () => callsApi.get(callId) })
  const query = {
    q: search.q,
    flagged: search.flagged,
    status: search.status,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  }
  const list = useQuery({
    queryKey: consensusKeys.list(callId, query),
    queryFn: () => consensusApi.list(callId, query),
    placeholderData: keepPreviousData,
  })
  const go = (change: Record<string, unknown>) =>
    navigate({ search: (prev) => ({ ...prev, page: undefined, ...change }) as typeof prev })
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1
  const timeZone = call.data?.schedule.timeZone ?? 'Europe/Brussels'
  const filtering = !!(search.q || search.flagged || search.status)
  return (
    <>
      <PageHeader
        title={t('consensus.list.title')}
        documentTitle={call.data ? `${t('consensus.list.title')} · ${call.data.code}` : t('consensus.list.title')}
        description={
          call.data
            ? `${call.data.code} · ${localized(call.data.title, i18n.language)}`
            : t('consensus.list.description')
        }
      />
      <Stack gap="lg">
        <EvaluationTabs callId={callId} active="consensus" />
        {list.data ? <PhaseNotice data={list.data} timeZone={timeZone} /> : null}
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="consensus-applications">
          <Stack gap="sm">
            <Title order={2} size="h3" id="consensus-applications">
              {t('consensus.list.applications')}
            </Title>
            {list.data ? (
              <Text size="sm">
                {t('consensus.list.summary', { ...list.data.summary })}{' '}
                {t('consensus.list.rule', { threshold: list.data.spreadThreshold })}
              </Text>
            ) : null}
            <Group
              align="flex-end"
              wrap="wrap"
              component="form"
              role="search"
              onSubmit={(e) => {
                e.preventDefault()
                go({ q: q.trim() || undefined })
              }}
            >
              <TextInput
                label={t('consensus.list.search')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                style={{ flex: '1 1 220px' }}
              />
              <Select
                label={t('consensus.list.status')}
                data={consensusStatuses.map((s) => ({ value: s, label: t(`consensus.status.${s}`) }))}
                value={search.status ?? null}
                onChange={(v) => go({ status: v ?? undefined })}
                clearable
                w={180}
              />
              <Button type="submit">{t('consensus.list.searchButton')}</Button>
            </Group>
            <Checkbox
              label={t('consensus.list.flaggedOnly')}
              checked={search.flagged === 'true'}
              onChange={(e) => go({ flagged: e.currentTarget.checked ? 'true' : undefined })}
            />
            <ErrorAlert error={list.error} />
            {list.isLoading ? <Skeleton height={200} /> : null}
            {list.data ? (
              <Text size="sm" c="dimmed" role="status">
                {t('consensus.list.count', { count: list.data.total })}
              </Text>
            ) : null}
            {list.data && list.data.total === 0 ? (
              <EmptyState
                title={filtering ? t('table.noResults') : t('consensus.list.empty')}
                description={filtering ? undefined : t('consensus.list.emptyText')}
              />
            ) : null}
            {list.data && list.data.total > 0 ? (
              <Table.ScrollContainer
                minWidth={680}
                type="native"
                tabIndex={0}
                role="region"
                aria-label={t('table.region', { name: t('consensus.list.applications') })}
              >
                <Table verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('consensus.list.application')}</Table.Th>
                      <Table.Th>{t('consensus.list.evaluations')}</Table.Th>
                      <Table.Th>{t('consensus.list.divergence')}</Table.Th>
                      <Table.Th>{t('consensus.list.status')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('consensus.list.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((i) => (
                      <Table.Tr key={i.applicationId}>
                        <Table.Td>
                          <Text fw={600}>{i.acronym}</Text>
                          <Text size="xs" c="dimmed">
                            {i.reference}
                          </Text>
                          <Text size="sm" lineClamp={2}>
                            {i.title}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c={i.submitted < i.expected ? 'orange.9' : undefined}>
                            {t('consensus.list.submittedOf', { submitted: i.submitted, expected: i.expected })}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {i.flagged ? (
                            <Badge color="orange" variant="light">
                              {t('consensus.list.flagged', { spread: i.maxSpread })}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {i.maxSpread === null
                                ? t('consensus.list.noScores')
                                : t('consensus.list.withinSpread', { spread: i.maxSpread })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <ConsensusStatusBadge status={i.status} />
                        </Table.Td>
                        <Table.Td>
                          <ButtonLink
                            size="xs"
                            variant="light"
                            to="/app/evaluation/$callId/consensus/$applicationId"
                            params={{ callId, applicationId: i.applicationId }}
                            aria-label={t('consensus.list.openName', { name: i.acronym })}
                          >
                            {t('consensus.list.open')}
                          </ButtonLink>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            {pages > 1 ? (
              <Pager
                total={pages}
                value={search.page ?? 1}
                onChange={(page) => navigate({ search: (prev) => ({ ...prev, page }) as typeof prev })}
              />
            ) : null}
          </Stack>
        </Card>
      </Stack>
    </>
  )
}
