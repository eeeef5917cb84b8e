import { Button, SegmentedControl, Stack, Text, useMatches } from '@mantine/core'
import { IconUserPlus, IconUserShield } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ProgrammeRole, programmeRoles } from '../../../shared/authz.ts'
import type { AdminUser } from '../../../shared/contracts/admin.ts'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { can, useMe } from '../../app/session.ts'
import { type Column, DataTable } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { GrantRoleDialog } from './GrantRoleDialog.tsx'
import { type PendingRevoke, RevokeRoleDialog } from './RevokeRoleDialog.tsx'
import { RoleBadges } from './RoleBadges.tsx'

const route = getRouteApi('/app/admin/roles')

/** Who holds which programme role (operator, cluster staff, expert); grant and revoke. */
export function AdminRolesPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="admin.roles.view" title={t('admin.roles.title')}>
      <RolesList />
    </RequireCapability>
  )
}

function RolesList() {
  const { t } = useTranslation()
  const { data: me } = useMe()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const role: ProgrammeRole = search.role ?? 'operator'
  const query = { ...search, role }
  const list = useQuery({
    queryKey: queryKeys.adminUsers(query),
    queryFn: () => api.adminUsers(query),
    placeholderData: keepPreviousData,
  })
  const [granting, setGranting] = useState(false)
  const [revoking, setRevoking] = useState<PendingRevoke | null>(null)
  const canManage = can(me, 'admin.roles.manage')
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', xs: 'horizontal' })

  const columns: Column<AdminUser>[] = [
    { key: 'name', header: t('fields.name'), sortField: 'name', rowHeader: true, render: (u) => u.name },
    { key: 'email', nowrap: true, header: t('fields.email'), sortField: 'email', render: (u) => u.email },
    {
      key: 'grants',
      header: t('admin.users.roles'),
      render: (u) => (
        <RoleBadges
          grants={u.programmeRoles}
          onRevoke={canManage ? (g) => setRevoking({ user: u, grant: g }) : undefined}
        />
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('admin.roles.title')}
        description={t('admin.roles.description')}
        actions={
          canManage ? (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setGranting(true)}>
              {t('admin.roles.grantTitle')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={600} id="role-filter-label">
            {t('admin.roles.showRole')}
          </Text>
          <SegmentedControl
            orientation={orientation}
            fullWidth={orientation === 'vertical'}
            aria-labelledby="role-filter-label"
            value={role}
            onChange={(v) =>
              navigate({ search: (prev) => ({ ...prev, role: v as ProgrammeRole, page: undefined }), replace: true })
            }
            data={programmeRoles.map((r) => ({ value: r, label: t(`roles.programme.${r}`) }))}
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          />
        </Stack>
        <Text size="sm" c="dimmed">
          {t(`admin.roles.explain.${role}`)}
        </Text>
        <DataTable
          label={t('admin.roles.holders', { role: t(`roles.programme.${role}`) })}
          columns={columns}
          data={list.data}
          isLoading={list.isLoading}
          error={list.error}
          query={search}
          defaultSort="-createdAt"
          onQueryChange={(patch) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
          searchLabel={t('admin.users.search')}
          rowKey={(u) => u.id}
          minWidth={640}
          empty={
            <EmptyState
              icon={<IconUserShield size={24} />}
              title={t('admin.roles.empty', { role: t(`roles.programme.${role}`) })}
            />
          }
        />
      </Stack>
      <GrantRoleDialog opened={granting} onClose={() => setGranting(false)} defaultRole={role} />
      <RevokeRoleDialog pending={revoking} onClose={() => setRevoking(null)} />
    </>
  )
}
