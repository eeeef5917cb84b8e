import { Anchor, Select, Stack, Text } from '@mantine/core'
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type CallPhase, type CallSummary, callPhases } from '../../../shared/contracts/calls.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { useMe } from '../../app/session.ts'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { Deadline } from '../../design-system/Deadline.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { callKeys, callsApi } from './api.ts'
import { PhaseBadge, useEuros } from './labels.tsx'

const route = getRouteApi('/app/calls')

/** The programme's calls: operators see drafts too and edit them; cluster staff follow the applications. */
export function CallsPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="call.dashboard" title={t('calls.list.title')}>
      <CallsList />
    </RequireCapability>
  )
}

function CallsList() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const euros = useEuros()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: me } = useMe()
  const canManage = Boolean(me?.abilities['call.manage']?.allowed)
  const list = useQuery({
    queryKey: callKeys.list(search),
    queryFn: () => callsApi.list(search),
    placeholderData: keepPreviousData,
  })
  const onQueryChange = (patch: Partial<ListQuery & { phase: CallPhase | undefined }>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }) as never, replace: true })
  const create = canManage ? (
    <ButtonLink to="/app/calls/new" search={{}} leftSection={<IconPlus size={16} aria-hidden />}>
      {t('calls.list.create')}
    </ButtonLink>
  ) : null
  const columns: Column<CallSummary>[] = [
    { key: 'code', header: t('calls.fields.code'), nowrap: true, render: (c) => c.code },
    {
      key: 'title',
      header: t('calls.fields.title'),
      rowHeader: true,
      render: (c) =>
        canManage ? (
          <AnchorLink to="/app/calls/$callId/edit" params={{ callId: c.id }} search={{}}>
            {localized(c.title, i18n.language)}
          </AnchorLink>
        ) : c.phase === 'draft' ? (
          localized(c.title, i18n.language)
        ) : (
          <Anchor href={`/calls/${encodeURIComponent(c.code)}`}>{localized(c.title, i18n.language)}</Anchor>
        ),
    },
    { key: 'phase', header: t('calls.list.phase'), nowrap: true, render: (c) => <PhaseBadge phase={c.phase} /> },
    {
      key: 'deadline',
      header: t('calls.fields.deadline'),
      render: (c) => <Deadline value={c.schedule.deadline} timeZone={c.schedule.timeZone} size="sm" />,
    },
    {
      key: 'budget',
      header: t('calls.list.budget'),
      align: 'right',
      render: (c) => (
        <Stack gap={0} align="flex-end">
          <Text size="sm" className="nowrap">
            {euros(c.budgetTotalCents)}
          </Text>
          <Text size="xs" c="dimmed" className="nowrap">
            {t('calls.list.perProject', { amount: euros(c.maxPerProjectCents) })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'applications',
      header: t('calls.list.applications'),
      align: 'right',
      render: (c) =>
        c.applicationCount === null ? (
          '—'
        ) : c.phase === 'draft' ? (
          f.number(c.applicationCount)
        ) : (
          <AnchorLink to="/app/calls/$callId/applications" params={{ callId: c.id }}>
            {t('calls.list.applicationCount', { count: c.applicationCount, formatted: f.number(c.applicationCount) })}
          </AnchorLink>
        ),
    },
  ]
  return (
    <>
      <PageHeader title={t('calls.list.title')} description={t('calls.list.description')} actions={create} />
      <DataTable
        label={t('calls.list.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        onQueryChange={onQueryChange}
        searchLabel={t('calls.list.search')}
        filters={
          <Select
            label={t('calls.list.phase')}
            placeholder={t('common.all')}
            clearable
            w={200}
            value={search.phase ?? null}
            data={callPhases.map((p) => ({ value: p, label: t(`calls.phases.${p}`) }))}
            onChange={(v) => onQueryChange({ phase: (v as CallPhase) ?? undefined, page: undefined })}
          />
        }
        filtered={Boolean(search.phase)}
        rowKey={(c) => c.id}
        minWidth={900}
        empty={
          <EmptyState
            icon={<IconSpeakerphone size={24} />}
            title={t('calls.list.empty')}
            description={canManage ? t('calls.list.emptyHelp') : undefined}
            action={create}
          />
        }
      />
    </>
  )
}
