import { Badge, Select } from '@mantine/core'
import { IconPlus, IconTargetArrow } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type Challenge, type ChallengeStatus, challengeStatuses } from '../../../shared/contracts/challenges.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { demandApi, demandKeys } from '../use-cases/client.ts'
import { trlRange } from '../use-cases/labels.tsx'
import { useProgrammeRefs } from '../use-cases/useDomains.ts'

const route = getRouteApi('/app/admin/challenges')
const statusColor: Record<ChallengeStatus, string> = { draft: 'gray', published: 'green', unpublished: 'orange' }

export function ChallengeStatusBadge({ status }: { status: ChallengeStatus }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={statusColor[status]}>
      {t(`challengesAdmin.status.${status}`)}
    </Badge>
  )
}

/** Every challenge of the programme, drafts included (operators). */
export function ChallengesAdminPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="challenge.manage" title={t('challengesAdmin.title')}>
      <ChallengesList />
    </RequireCapability>
  )
}

function ChallengesList() {
  const { t } = useTranslation()
  const f = useFormat()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { domains } = useProgrammeRefs()
  const list = useQuery({
    queryKey: demandKeys.challenges(search),
    queryFn: () => demandApi.challenges(search),
    placeholderData: keepPreviousData,
  })
  const onQueryChange = (patch: Partial<ListQuery & { status: unknown; domain: unknown }>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }) as never, replace: true })
  const create = (
    <ButtonLink to="/app/admin/challenges/new" search={{}} leftSection={<IconPlus size={16} aria-hidden />}>
      {t('challengesAdmin.create')}
    </ButtonLink>
  )
  const columns: Column<Challenge>[] = [
    { key: 'code', header: t('challengesAdmin.fields.code'), sortField: 'code', nowrap: true, render: (c) => c.code },
    {
      key: 'title',
      header: t('challengesAdmin.fields.title'),
      sortField: 'title',
      rowHeader: true,
      render: (c) => (
        <AnchorLink to="/app/admin/challenges/$challengeId" params={{ challengeId: c.id }}>
          {c.title}
        </AnchorLink>
      ),
    },
    {
      key: 'status',
      header: t('challengesAdmin.statusLabel'),
      nowrap: true,
      render: (c) => <ChallengeStatusBadge status={c.status} />,
    },
    { key: 'trl', header: t('useCases.trl'), nowrap: true, render: (c) => trlRange(c.trlMin, c.trlMax) },
    { key: 'calls', header: t('challengesAdmin.calls'), render: (c) => c.calls.map((x) => x.code).join(', ') || '—' },
    {
      key: 'useCases',
      header: t('challengesAdmin.useCaseCount'),
      align: 'right',
      render: (c) => f.number(c.useCaseIds.length),
    },
    {
      key: 'updatedAt',
      header: t('common.updated'),
      sortField: 'updatedAt',
      nowrap: true,
      render: (c) => f.dateShort(c.updatedAt),
    },
  ]
  return (
    <>
      <PageHeader title={t('challengesAdmin.title')} description={t('challengesAdmin.description')} actions={create} />
      <DataTable
        label={t('challengesAdmin.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="code"
        onQueryChange={onQueryChange}
        searchLabel={t('challengesAdmin.search')}
        filters={
          <>
            <Select
              label={t('challengesAdmin.statusLabel')}
              placeholder={t('common.all')}
              clearable
              w={200}
              value={search.status ?? null}
              data={challengeStatuses.map((s) => ({ value: s, label: t(`challengesAdmin.status.${s}`) }))}
              onChange={(v) => onQueryChange({ status: (v as ChallengeStatus) ?? undefined, page: undefined })}
            />
            <Select
              label={t('challengesAdmin.fields.domain')}
              placeholder={t('common.all')}
              clearable
              w={240}
              value={search.domain ?? null}
              data={domains}
              onChange={(v) => onQueryChange({ domain: v ?? undefined, page: undefined })}
            />
          </>
        }
        filtered={Boolean(search.status || search.domain)}
        rowKey={(c) => c.id}
        minWidth={860}
        empty={<EmptyState icon={<IconTargetArrow size={24} />} title={t('challengesAdmin.empty')} action={create} />}
      />
    </>
  )
}
