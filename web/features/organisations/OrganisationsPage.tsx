import { Badge } from '@mantine/core'
import { IconBuilding, IconPlus } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { Organisation } from '../../../shared/contracts/organisations.ts'
import { api, queryKeys } from '../../app/api.ts'
import { abilityFor, useMe } from '../../app/session.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { organisationColumns } from './columns.tsx'

const route = getRouteApi('/app/organisations')

/** The organisations the signed-in person belongs to. */
export function OrganisationsPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { data: me } = useMe()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const query = { ...search, mine: 'true' as const }
  const list = useQuery({
    queryKey: queryKeys.organisations(query),
    queryFn: () => api.organisations(query),
    placeholderData: keepPreviousData,
  })
  const onQueryChange = (patch: Partial<ListQuery>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })

  const createAbility = abilityFor(me, 'organisation.create')
  const create = createAbility?.allowed ? (
    <ButtonLink to="/app/organisations/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('organisations.create')}
    </ButtonLink>
  ) : (
    <AbilityButton ability={createAbility} leftSection={<IconPlus size={16} aria-hidden />}>
      {t('organisations.create')}
    </AbilityButton>
  )

  const columns: Column<Organisation>[] = [
    ...organisationColumns(t),
    {
      key: 'role',
      nowrap: true,
      header: t('organisations.myRole'),
      render: (o) =>
        o.myRole ? (
          <Badge variant="light" color={o.myRole === 'owner' ? 'cascade' : 'gray'}>
            {t(`roles.organisation.${o.myRole}`)}
          </Badge>
        ) : (
          '—'
        ),
    },
    {
      key: 'members',
      nowrap: true,
      header: t('organisations.memberCount'),
      align: 'right',
      render: (o) => f.number(o.memberCount),
    },
    {
      key: 'createdAt',
      nowrap: true,
      header: t('common.created'),
      sortField: 'createdAt',
      render: (o) => f.dateShort(o.createdAt),
    },
  ]

  return (
    <>
      <PageHeader title={t('organisations.mine')} description={t('organisations.mineDescription')} actions={create} />
      <DataTable
        label={t('organisations.mine')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="legalName"
        onQueryChange={onQueryChange}
        searchLabel={t('organisations.search')}
        rowKey={(o) => o.id}
        empty={
          <EmptyState
            icon={<IconBuilding size={24} />}
            title={t('organisations.empty.title')}
            description={t('organisations.empty.text')}
            action={
              <ButtonLink to="/app/organisations/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('organisations.create')}
              </ButtonLink>
            }
          />
        }
      />
    </>
  )
}
