import { Badge, Button, Group, Select } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconUsers } from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { programmeRoles } from '../../../shared/authz.ts'
import type { AdminUser } from '../../../shared/contracts/admin.ts'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { can, useMe } from '../../app/session.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { type Column, DataTable } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { GrantRoleDialog } from './GrantRoleDialog.tsx'
import { type PendingRevoke, RevokeRoleDialog } from './RevokeRoleDialog.tsx'
import { RoleBadges } from './RoleBadges.tsx'

const route = getRouteApi('/app/admin/users')

export function AdminUsersPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="admin.users.view" title={t('admin.users.title')}>
      <UsersList />
    </RequireCapability>
  )
}

function UsersList() {
  const { t } = useTranslation()
  const f = useFormat()
  const { data: me } = useMe()
  const queryClient = useQueryClient()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const list = useQuery({
    queryKey: queryKeys.adminUsers(search),
    queryFn: () => api.adminUsers(search),
    placeholderData: keepPreviousData,
  })
  const [granting, setGranting] = useState<AdminUser | null>(null)
  const [revoking, setRevoking] = useState<PendingRevoke | null>(null)
  const [toggling, setToggling] = useState<AdminUser | null>(null)
  const canManage = can(me, 'admin.users.manage')
  const canRoles = can(me, 'admin.roles.manage')

  const toggle = useMutation({
    mutationFn: (u: AdminUser) => api.updateAdminUser(u.id, { disabled: !u.disabled }),
    onSuccess: async (_d, u) => {
      setToggling(null)
      notifications.show({
        color: 'green',
        message: u.disabled ? t('admin.users.enabled', { name: u.name }) : t('admin.users.disabled', { name: u.name }),
      })
      await queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers() })
    },
  })

  const columns: Column<AdminUser>[] = [
    { key: 'name', header: t('fields.name'), sortField: 'name', rowHeader: true, render: (u) => u.name },
    { key: 'email', nowrap: true, header: t('fields.email'), sortField: 'email', render: (u) => u.email },
    {
      key: 'roles',
      header: t('admin.users.roles'),
      render: (u) => (
        <RoleBadges
          grants={u.programmeRoles}
          onRevoke={canRoles ? (g) => setRevoking({ user: u, grant: g }) : undefined}
        />
      ),
    },
    {
      key: 'status',
      nowrap: true,
      header: t('admin.users.status'),
      render: (u) => (
        <Group gap={4}>
          {u.disabled ? (
            <Badge color="red" variant="light">
              {t('admin.users.statusDisabled')}
            </Badge>
          ) : (
            <Badge color="green" variant="light">
              {t('admin.users.statusActive')}
            </Badge>
          )}
          {!u.emailVerified ? (
            <Badge color="yellow" variant="light">
              {t('admin.users.unverified')}
            </Badge>
          ) : null}
          {u.twoFactorEnabled ? (
            <Badge color="gray" variant="light">
              {t('admin.users.twoFactor')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'orgs',
      nowrap: true,
      header: t('admin.users.organisations'),
      align: 'right',
      render: (u) => f.number(u.organisationCount),
    },
    {
      key: 'createdAt',
      nowrap: true,
      header: t('common.created'),
      sortField: 'createdAt',
      render: (u) => f.dateShort(u.createdAt),
    },
    {
      key: 'actions',
      nowrap: true,
      header: t('common.actions'),
      render: (u) => (
        <Group gap="xs" wrap="nowrap">
          {canRoles ? (
            <Button
              size="xs"
              variant="default"
              onClick={() => setGranting(u)}
              aria-label={t('admin.roles.grantFor', { name: u.name })}
            >
              {t('admin.roles.grant')}
            </Button>
          ) : null}
          {canManage && u.id !== me?.user.id ? (
            <Button
              size="xs"
              variant="outline"
              color={u.disabled ? 'green' : 'red'}
              aria-label={
                u.disabled
                  ? t('admin.users.enableNamed', { name: u.name })
                  : t('admin.users.disableNamed', { name: u.name })
              }
              onClick={() => {
                toggle.reset()
                setToggling(u)
              }}
            >
              {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ]

  return (
    <>
      <PageHeader title={t('admin.users.title')} description={t('admin.users.description')} />
      <DataTable
        label={t('admin.users.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="-createdAt"
        onQueryChange={(patch) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        searchLabel={t('admin.users.search')}
        filtered={Boolean(search.role)}
        filters={
          <Select
            label={t('admin.users.roleFilter')}
            placeholder={t('common.all')}
            w={200}
            clearable
            value={search.role ?? null}
            data={[...programmeRoles, 'none' as const].map((r) => ({
              value: r,
              label: r === 'none' ? t('admin.users.noRole') : t(`roles.programme.${r}`),
            }))}
            onChange={(v) =>
              navigate({
                search: (prev) => ({ ...prev, role: (v ?? undefined) as typeof search.role, page: undefined }),
                replace: true,
              })
            }
          />
        }
        rowKey={(u) => u.id}
        minWidth={980}
        empty={<EmptyState icon={<IconUsers size={24} />} title={t('admin.users.empty')} />}
      />
      <GrantRoleDialog opened={granting != null} user={granting} onClose={() => setGranting(null)} />
      <RevokeRoleDialog pending={revoking} onClose={() => setRevoking(null)} />
      <ConfirmDialog
        opened={toggling != null}
        title={toggling?.disabled ? t('admin.users.enableTitle') : t('admin.users.disableTitle')}
        message={
          toggling?.disabled
            ? t('admin.users.enableText', { name: toggling?.name ?? '' })
            : t('admin.users.disableText', { name: toggling?.name ?? '' })
        }
        confirmLabel={toggling?.disabled ? t('admin.users.enable') : t('admin.users.disable')}
        danger={!toggling?.disabled}
        loading={toggle.isPending}
        error={toggle.error}
        onClose={() => setToggling(null)}
        onConfirm={() => toggling && toggle.mutate(toggling)}
      />
    </>
  )
}
