import { Avatar, Button, Menu, Text, VisuallyHidden } from '@mantine/core'
import { IconKey, IconLogout, IconShieldLock, IconUser } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { Me } from '../../../shared/contracts/account.ts'
import { account } from '../auth-client.ts'
import { can } from '../session.ts'

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()

  const signOut = async () => {
    try {
      await account.signOut()
    } finally {
      queryClient.clear()
      await navigate({ to: '/app/sign-in' })
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px={6}
          leftSection={
            <Avatar size={28} color="cascade" radius="xl" aria-hidden>
              <IconUser size={18} />
            </Avatar>
          }
        >
          <Text component="span" size="sm" visibleFrom="md" maw={160} truncate>
            {me.user.name}
          </Text>
          <VisuallyHidden>, {t('shell.accountMenu')}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/app/profile" leftSection={<IconUser size={16} aria-hidden />}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/app/profile/security" leftSection={<IconShieldLock size={16} aria-hidden />}>
          {t('nav.security')}
        </Menu.Item>
        {can(me, 'account.tokens.manage') ? (
          <Menu.Item component={Link} to="/app/profile/tokens" leftSection={<IconKey size={16} aria-hidden />}>
            {t('nav.tokens')}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()} leftSection={<IconLogout size={16} aria-hidden />}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
