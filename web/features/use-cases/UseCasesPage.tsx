import { Group, Select } from '@mantine/core'
import { IconBulb, IconPlus } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  type Confidentiality,
  confidentialities,
  type UseCaseStatus,
  type UseCaseSummary,
  useCaseStatuses,
} from '../../../shared/contracts/use-cases.ts'
import { abilityFor, useMe } from '../../app/session.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { ExportMenu } from '../use-cases-transfer/ExportMenu.tsx'
import { demandApi, demandKeys } from './client.ts'
import { ConfidentialityBadge, trlRange, UseCaseStatusBadge } from './labels.tsx'
import { useProgrammeRefs } from './useDomains.ts'

const route = getRouteApi('/app/use-cases')

/** The use cases the signed-in person may see: search, filters by status, domain and confidentiality. */
export function UseCasesPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { data: me } = useMe()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { domains, domainName } = useProgrammeRefs()
  const list = useQuery({
    queryKey: demandKeys.listOfUseCases(search),
    queryFn: () => demandApi.listUseCases(search),
    placeholderData: keepPreviousData,
  })
  const onQueryChange = (patch: Partial<ListQuery & { status: unknown; domain: unknown; confidentiality: unknown }>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }) as never, replace: true })

  const createAbility = abilityFor(me, 'use_case.create')
  const canDraft = createAbility?.allowed && (me?.memberships.length ?? 0) > 0
  // Drafting needs an organisation: without one the button is hidden (the dashboard invites to register one).
  const create = canDraft ? (
    <ButtonLink to="/app/use-cases/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('useCases.create')}
    </ButtonLink>
  ) : createAbility?.allowed ? null : (
    <AbilityButton ability={createAbility} leftSection={<IconPlus size={16} aria-hidden />}>
      {t('useCases.create')}
    </AbilityButton>
  )

  const columns: Column<UseCaseSummary>[] = [
    {
      key: 'title',
      header: t('useCases.fields.title'),
      sortField: 'title',
      rowHeader: true,
      render: (u) => (
        <AnchorLink to="/app/use-cases/$useCaseId" params={{ useCaseId: u.id }}>
          {u.title}
        </AnchorLink>
      ),
    },
    {
      key: 'reference',
      header: t('useCases.reference'),
      sortField: 'reference',
      nowrap: true,
      render: (u) => u.reference,
    },
    {
      key: 'status',
      header: t('useCases.statusLabel'),
      nowrap: true,
      render: (u) => <UseCaseStatusBadge status={u.status} />,
    },
    { key: 'organisation', header: t('useCases.organisation'), render: (u) => u.organisation.name },
    { key: 'domain', header: t('useCases.fields.domain'), render: (u) => domainName(u.domainId) },
    { key: 'trl', header: t('useCases.trl'), nowrap: true, render: (u) => trlRange(u.trlMin, u.trlMax) },
    {
      key: 'confidentiality',
      header: t('useCases.fields.confidentiality'),
      nowrap: true,
      render: (u) => <ConfidentialityBadge value={u.confidentiality} />,
    },
    {
      key: 'updatedAt',
      header: t('common.updated'),
      sortField: 'updatedAt',
      nowrap: true,
      render: (u) => f.dateShort(u.updatedAt),
    },
  ]

  const filters = (
    <>
      <Select
        label={t('useCases.statusLabel')}
        placeholder={t('common.all')}
        clearable
        w={200}
        value={search.status ?? null}
        data={useCaseStatuses.map((s) => ({ value: s, label: t(`useCases.status.${s}`) }))}
        onChange={(v) => onQueryChange({ status: (v as UseCaseStatus) ?? undefined, page: undefined })}
      />
      <Select
        label={t('useCases.fields.domain')}
        placeholder={t('common.all')}
        clearable
        w={240}
        value={search.domain ?? null}
        data={domains}
        onChange={(v) => onQueryChange({ domain: v ?? undefined, page: undefined })}
      />
      <Select
        label={t('useCases.fields.confidentiality')}
        placeholder={t('common.all')}
        clearable
        w={220}
        value={search.confidentiality ?? null}
        data={confidentialities.map((c) => ({ value: c, label: t(`useCases.confidentiality.${c}`) }))}
        onChange={(v) => onQueryChange({ confidentiality: (v as Confidentiality) ?? undefined, page: undefined })}
      />
    </>
  )

  return (
    <>
      <PageHeader
        title={t('useCases.title')}
        description={t('useCases.description')}
        actions={
          <Group gap="xs">
            <ExportMenu query={search} />
            {create}
          </Group>
        }
      />
      <DataTable
        label={t('useCases.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="-updatedAt"
        onQueryChange={onQueryChange}
        searchLabel={t('useCases.search')}
        filters={filters}
        filtered={Boolean(search.status || search.domain || search.confidentiality)}
        rowKey={(u) => u.id}
        minWidth={900}
        empty={
          <EmptyState
            icon={<IconBulb size={24} />}
            title={t('useCases.empty.title')}
            description={t('useCases.empty.text')}
          />
        }
      />
    </>
  )
}
