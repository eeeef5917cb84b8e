import { Select } from '@mantine/core'
import { IconBuildingCommunity } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type Organisation, organisationTypes } from '../../../shared/contracts/organisations.ts'
import type { countryCodes } from '../../../shared/countries.ts'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { CountrySelect } from '../../design-system/CountrySelect.tsx'
import { type Column, DataTable } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { organisationColumns } from '../organisations/columns.tsx'
import { OrganisationTransferActions } from '../organisations/OrganisationTransfer.tsx'

const route = getRouteApi('/app/admin/organisations')

/** Every organisation registered on the platform (operators and cluster staff). */
export function AdminOrganisationsPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="organisation.list" title={t('admin.organisations.title')}>
      <OrganisationList />
    </RequireCapability>
  )
}

function OrganisationList() {
  const { t } = useTranslation()
  const f = useFormat()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const list = useQuery({
    queryKey: queryKeys.organisations(search),
    queryFn: () => api.organisations(search),
    placeholderData: keepPreviousData,
  })
  const columns: Column<Organisation>[] = [
    ...organisationColumns(t),
    { key: 'reg', header: t('organisations.fields.registrationNumber'), render: (o) => o.registrationNumber ?? '—' },
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
      <PageHeader
        title={t('admin.organisations.title')}
        description={t('admin.organisations.description')}
        actions={<OrganisationTransferActions query={search} />}
      />
      <DataTable
        label={t('admin.organisations.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="legalName"
        onQueryChange={(patch) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        searchLabel={t('organisations.search')}
        filtered={Boolean(search.type || search.country)}
        filters={
          <>
            <Select
              label={t('organisations.fields.type')}
              placeholder={t('common.all')}
              clearable
              w={220}
              value={search.type ?? null}
              data={organisationTypes.map((v) => ({ value: v, label: t(`organisationTypes.${v}`) }))}
              onChange={(v) =>
                navigate({
                  search: (prev) => ({ ...prev, type: (v ?? undefined) as typeof search.type, page: undefined }),
                  replace: true,
                })
              }
            />
            <CountrySelect
              label={t('organisations.fields.country')}
              placeholder={t('common.all')}
              clearable
              w={220}
              value={search.country ?? null}
              onChange={(v) =>
                navigate({
                  search: (prev) => ({
                    ...prev,
                    country: (v ?? undefined) as (typeof countryCodes)[number] | undefined,
                    page: undefined,
                  }),
                  replace: true,
                })
              }
            />
          </>
        }
        rowKey={(o) => o.id}
        minWidth={860}
        empty={<EmptyState icon={<IconBuildingCommunity size={24} />} title={t('admin.organisations.empty')} />}
      />
    </>
  )
}
