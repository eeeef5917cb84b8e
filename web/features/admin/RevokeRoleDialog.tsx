import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { AdminUser } from '../../../shared/contracts/admin.ts'
import { api, queryKeys } from '../../app/api.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'

export interface PendingRevoke {
  user: Pick<AdminUser, 'id' | 'name'>
  grant: AdminUser['programmeRoles'][number]
}

export function RevokeRoleDialog({ pending, onClose }: { pending: PendingRevoke | null; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const revoke = useMutation({
    mutationFn: (grantId: string) => api.revokeRole(grantId),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('admin.roles.revoked') })
      await queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers() })
      await queryClient.invalidateQueries({ queryKey: queryKeys.me })
      onClose()
    },
  })
  const role = pending
    ? pending.grant.clusterName
      ? `${t(`roles.programme.${pending.grant.role}`)} · ${pending.grant.clusterName}`
      : t(`roles.programme.${pending.grant.role}`)
    : ''
  return (
    <ConfirmDialog
      opened={pending != null}
      title={t('admin.roles.revokeTitle')}
      message={t('admin.roles.revokeText', { role, name: pending?.user.name ?? '' })}
      confirmLabel={t('admin.roles.revoke')}
      danger
      loading={revoke.isPending}
      error={revoke.error}
      onClose={() => {
        revoke.reset()
        onClose()
      }}
      onConfirm={() => pending && revoke.mutate(pending.grant.id)}
    />
  )
}
