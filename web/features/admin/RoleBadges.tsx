import { Badge, CloseButton, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AdminUser } from '../../../shared/contracts/admin.ts'

type Grant = AdminUser['programmeRoles'][number]

/** A person's programme roles; each carries a revoke button when `onRevoke` is given. */
export function RoleBadges({ grants, onRevoke }: { grants: Grant[]; onRevoke?: (g: Grant) => void }) {
  const { t } = useTranslation()
  if (grants.length === 0) return <span>—</span>
  return (
    <Group gap={4}>
      {grants.map((g) => {
        const label = g.clusterName
          ? `${t(`roles.programme.${g.role}`)} · ${g.clusterName}`
          : t(`roles.programme.${g.role}`)
        return (
          <Badge
            key={g.id}
            variant="light"
            color={g.role === 'operator' ? 'grape' : g.role === 'cluster_staff' ? 'cascade' : 'teal'}
            tt="none"
            rightSection={
              onRevoke ? (
                <CloseButton
                  size="xs"
                  aria-label={t('admin.roles.revokeNamed', { role: label })}
                  onClick={() => onRevoke(g)}
                  variant="transparent"
                  c="inherit"
                />
              ) : undefined
            }
          >
            {label}
          </Badge>
        )
      })}
    </Group>
  )
}
