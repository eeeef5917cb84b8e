import { Group, Select, Text } from '@mantine/core'
import { IconBuilding, IconPlus, IconRocket } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  type SolutionStatus,
  type SolutionSummary,
  type SolutionType,
  solutionStatuses,
  solutionTypes,
} from '../../../shared/contracts/solutions.ts'
import { useMe } from '../../app/session.ts'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { ProfileFits } from '../recommendations/ProfileFits.tsx'
import { solutionKeys, solutionsApi } from './client.ts'
import { SolutionStatusBadge, TrlFitBadge, TypeBadge, VisibilityBadge } from './labels.tsx'

const route = getRouteApi('/app/solutions')

/** "Our solutions": the solutions of one of the person's organisations, drafts and archived included. */
export function SolutionsPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { data: me } = useMe()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const organisations = (me?.memberships ?? []).map((m) => ({
    value: m.organisation.id,
    label: m.organisation.shortName ?? m.organisation.legalName,
  }))
  const organisationId = search.organisation ?? organisations[0]?.value
  const { organisation: _, ...listQuery } = search
  const list = useQuery({
    queryKey: solutionKeys.list(organisationId ?? '', listQuery),
    queryFn: () => solutionsApi.list(organisationId!, listQuery),
    enabled: Boolean(organisationId),
    placeholderData: keepPreviousData,
  })
  const onQueryChange = (patch: Partial<ListQuery & { status: unknown; type: unknown; organisation: unknown }>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }) as never, replace: true })

  if (me && organisations.length === 0) {
    return (
      <>
        <PageHeader title={t('solutions.title')} description={t('solutions.description')} />
        <EmptyState
          icon={<IconBuilding size={24} />}
          title={t('solutions.noOrganisation.title')}
          description={t('solutions.noOrganisation.text')}
          action={<ButtonLink to="/app/organisations/new">{t('solutions.noOrganisation.action')}</ButtonLink>}
        />
      </>
    )
  }

  const columns: Column<SolutionSummary>[] = [
    {
      key: 'name',
      header: t('solutions.fields.name'),
      sortField: 'name',
      rowHeader: true,
      render: (s) => (
        <div>
          <AnchorLink to="/app/solutions/$solutionId" params={{ solutionId: s.id }}>
            {s.name}
          </AnchorLink>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {s.pitch}
          </Text>
        </div>
      ),
    },
    {
      key: 'reference',
      header: t('solutions.reference'),
      sortField: 'reference',
      nowrap: true,
      render: (s) => s.reference,
    },
    { key: 'type', header: t('solutions.fields.type'), nowrap: true, render: (s) => <TypeBadge type={s.type} /> },
    {
      key: 'status',
      header: t('solutions.statusLabel'),
      nowrap: true,
      render: (s) => (
        <Group gap={4} wrap="nowrap">
          <SolutionStatusBadge status={s.status} />
          <VisibilityBadge value={s.visibility} />
        </Group>
      ),
    },
    {
      key: 'trl',
      header: t('solutions.trl.short'),
      sortField: 'assessedTrl',
      nowrap: true,
      render: (s) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {s.assessedTrl === null ? '—' : `TRL ${s.assessedTrl}`}
          </Text>
          <TrlFitBadge fits={s.fitsProgrammeWindow} window={s.programmeTrlWindow} size="sm" />
        </Group>
      ),
    },
    {
      key: 'updatedAt',
      header: t('common.updated'),
      sortField: 'updatedAt',
      nowrap: true,
      render: (s) => f.dateShort(s.updatedAt),
    },
  ]

  const filters = (
    <>
      {organisations.length > 1 ? (
        <Select
          label={t('solutions.organisation')}
          w={240}
          allowDeselect={false}
          value={organisationId ?? null}
          data={organisations}
          onChange={(v) => onQueryChange({ organisation: v ?? undefined, page: undefined })}
        />
      ) : null}
      <Select
        label={t('solutions.statusLabel')}
        placeholder={t('common.all')}
        clearable
        w={180}
        value={search.status ?? null}
        data={solutionStatuses.map((s) => ({ value: s, label: t(`solutions.status.${s}`) }))}
        onChange={(v) => onQueryChange({ status: (v as SolutionStatus) ?? undefined, page: undefined })}
      />
      <Select
        label={t('solutions.fields.type')}
        placeholder={t('common.all')}
        clearable
        w={200}
        value={search.type ?? null}
        data={solutionTypes.map((s) => ({ value: s, label: t(`solutions.types.${s}`) }))}
        onChange={(v) => onQueryChange({ type: (v as SolutionType) ?? undefined, page: undefined })}
      />
    </>
  )

  return (
    <>
      <PageHeader
        title={t('solutions.title')}
        description={t('solutions.description')}
        actions={
          organisationId ? (
            <ButtonLink
              to="/app/solutions/new"
              search={{ organisation: organisationId }}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('solutions.create')}
            </ButtonLink>
          ) : null
        }
      />
      <DataTable
        label={t('solutions.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading || !me}
        error={list.error}
        query={search}
        defaultSort="-updatedAt"
        onQueryChange={onQueryChange}
        searchLabel={t('solutions.search')}
        filters={filters}
        filtered={Boolean(search.status || search.type)}
        rowKey={(s) => s.id}
        minWidth={860}
        empty={
          <EmptyState
            icon={<IconRocket size={24} />}
            title={t('solutions.empty.title')}
            description={t('solutions.empty.text')}
          />
        }
      />
      {organisationId ? <ProfileFits key={organisationId} organisationId={organisationId} /> : null}
    </>
  )
}
