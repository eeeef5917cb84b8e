import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconAffiliate, IconPlus } from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClusterMember } from '../../../shared/contracts/cluster-members.ts'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { can, useMe } from '../../app/session.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { CountryName } from '../../design-system/CountrySelect.tsx'
import { type Column, DataTable } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { clusterKeys, clustersApi } from './api.ts'

const route = getRouteApi('/app/cluster-members')

/** The member organisations of a cluster: its staff (their own cluster) and operators (any) keep the list. */
export function ClusterMembersPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="cluster.members.view" title={t('clusterMembers.title')}>
      <ClusterMembers />
    </RequireCapability>
  )
}

/** The clusters the signed-in person looks after: every cluster for operators, their own for staff. */
function useMyClusters() {
  const { data: me } = useMe()
  const programme = useQuery({ queryKey: queryKeys.programme, queryFn: () => api.programme() })
  const clusters = programme.data?.clusters ?? []
  const grants = me?.programmeRoles.filter((g) => g.effective) ?? []
  const operator = grants.some((g) => g.role === 'operator' && g.programmeId === programme.data?.id)
  const own = new Set(grants.filter((g) => g.role === 'cluster_staff').map((g) => g.clusterId))
  return {
    isLoading: programme.isLoading,
    error: programme.error,
    clusters: clusters.filter((c) => operator || own.has(c.id)),
  }
}

function ClusterMembers() {
  const { t } = useTranslation()
  const f = useFormat()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const queryClient = useQueryClient()
  const { data: me } = useMe()
  const mine = useMyClusters()
  const cluster = mine.clusters.find((c) => c.id === search.cluster) ?? mine.clusters[0]
  const clusterName = cluster ? (cluster.shortName ?? cluster.name) : ''
  const { cluster: _, ...listQuery } = search
  const list = useQuery({
    queryKey: clusterKeys.members(cluster?.id ?? '', listQuery),
    queryFn: () => clustersApi.members(cluster!.id, listQuery),
    enabled: Boolean(cluster),
    placeholderData: keepPreviousData,
  })
  const [removing, setRemoving] = useState<ClusterMember | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: clusterKeys.members(cluster?.id ?? '') })
  const remove = useMutation({
    mutationFn: (m: ClusterMember) => clustersApi.remove(cluster!.id, m.organisation.id),
    onSuccess: async (_r, m) => {
      await refresh()
      setRemoving(null)
      notifications.show({ color: 'green', message: t('clusterMembers.removed', { name: m.organisation.legalName }) })
    },
  })
  const manage = can(me, 'cluster.members.manage')

  const columns: Column<ClusterMember>[] = [
    {
      key: 'legalName',
      header: t('clusterMembers.organisation'),
      sortField: 'legalName',
      rowHeader: true,
      render: (m) => (
        <AnchorLink to="/app/organisations/$organisationId" params={{ organisationId: m.organisation.id }}>
          {m.organisation.legalName}
        </AnchorLink>
      ),
    },
    {
      key: 'country',
      header: t('organisations.fields.country'),
      sortField: 'country',
      nowrap: true,
      render: (m) => <CountryName code={m.organisation.country} />,
    },
    {
      key: 'type',
      header: t('organisations.fields.type'),
      render: (m) => t(`organisationTypes.${m.organisation.type}`),
    },
    {
      key: 'addedAt',
      header: t('clusterMembers.addedAt'),
      sortField: 'addedAt',
      nowrap: true,
      render: (m) => f.dateShort(m.addedAt),
    },
    { key: 'addedBy', header: t('clusterMembers.addedBy'), render: (m) => m.addedBy?.name ?? '—' },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (m: ClusterMember) => (
              <Button
                size="xs"
                variant="default"
                color="red"
                aria-label={t('clusterMembers.removeOf', { name: m.organisation.legalName })}
                onClick={() => {
                  remove.reset()
                  setRemoving(m)
                }}
              >
                {t('clusterMembers.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader title={t('clusterMembers.title')} description={t('clusterMembers.description')} />
      <ErrorAlert error={mine.error} />
      {!mine.isLoading && mine.clusters.length === 0 ? <Text c="dimmed">{t('clusterMembers.noCluster')}</Text> : null}
      {cluster ? (
        <Stack gap="lg">
          {mine.clusters.length > 1 ? (
            <Select
              label={t('clusterMembers.cluster')}
              allowDeselect={false}
              w={{ base: '100%', sm: 320 }}
              value={cluster.id}
              data={mine.clusters.map((c) => ({ value: c.id, label: c.shortName ?? c.name }))}
              onChange={(v) => navigate({ search: () => ({ cluster: v ?? undefined }), replace: true })}
            />
          ) : (
            <Text fw={600}>{t('clusterMembers.ofCluster', { cluster: clusterName })}</Text>
          )}
          {manage ? <AddMember clusterId={cluster.id} clusterName={clusterName} onAdded={refresh} /> : null}
          <DataTable
            label={t('clusterMembers.listOf', { cluster: clusterName })}
            columns={columns}
            data={list.data}
            isLoading={list.isLoading}
            error={list.error}
            query={listQuery}
            defaultSort="legalName"
            onQueryChange={(patch) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
            searchLabel={t('clusterMembers.search')}
            rowKey={(m) => m.organisation.id}
            minWidth={720}
            empty={
              <EmptyState
                icon={<IconAffiliate size={24} />}
                title={t('clusterMembers.empty.title')}
                description={manage ? t('clusterMembers.empty.text') : undefined}
              />
            }
          />
        </Stack>
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title={t('clusterMembers.remove')}
        message={
          removing
            ? t('clusterMembers.confirmRemove', { name: removing.organisation.legalName, cluster: clusterName })
            : ''
        }
        confirmLabel={t('clusterMembers.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </>
  )
}

/** Find an organisation by name and make it a member. */
function AddMember({
  clusterId,
  clusterName,
  onAdded,
}: {
  clusterId: string
  clusterName: string
  onAdded: () => Promise<unknown>
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [chosen, setChosen] = useState<string | null>(null)
  const [q] = useDebouncedValue(text, 250)
  const options = useQuery({
    queryKey: queryKeys.organisations({ q, pageSize: 20, sort: 'legalName' }),
    queryFn: () => api.organisations({ q: q || undefined, pageSize: 20, sort: 'legalName' }),
    placeholderData: keepPreviousData,
  })
  const data = (options.data?.items ?? []).map((o) => ({ value: o.id, label: o.legalName }))
  const add = useMutation({
    mutationFn: (organisationId: string) => clustersApi.add(clusterId, organisationId),
    onSuccess: async (m) => {
      await onAdded()
      setChosen(null)
      setText('')
      notifications.show({
        color: 'green',
        message: t('clusterMembers.added', { name: m.organisation.legalName, cluster: clusterName }),
      })
    },
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="cluster-add">
      <Title order={2} size="h3" id="cluster-add" mb="md">
        {t('clusterMembers.add')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (chosen) add.mutate(chosen)
        }}
      >
        <Stack>
          <ErrorAlert error={add.error} />
          <Group align="flex-end" gap="sm">
            <Select
              label={t('clusterMembers.searchOrganisation')}
              description={t('clusterMembers.searchOrganisationHelp')}
              searchable
              clearable
              nothingFoundMessage={t('clusterMembers.noMatch')}
              filter={({ options: all }) => all}
              data={data}
              value={chosen}
              onChange={(v) => {
                setChosen(v)
                add.reset()
              }}
              searchValue={text}
              onSearchChange={setText}
              style={{ flex: '1 1 18rem' }}
            />
            <Button
              type="submit"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={!chosen}
              loading={add.isPending}
            >
              {t('clusterMembers.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
