import { ActionIcon, Box, Button, Divider, Group, Indicator, Popover, Skeleton, Stack, Text } from '@mantine/core'
import { IconBell } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { notificationKeys, notificationsApi } from './api.ts'
import { NotificationItem } from './NotificationItem.tsx'

const LATEST = { page: 1, pageSize: 6 }

/** The header's bell: the unread count (checked every minute) and a popover with the latest items. */
export function NotificationBell() {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const queryClient = useQueryClient()
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: notificationsApi.unreadCount,
    refetchInterval: 60_000,
  })
  const latest = useQuery({
    queryKey: notificationKeys.list(LATEST),
    queryFn: () => notificationsApi.list(LATEST),
    enabled: opened,
  })
  const markAll = useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
  const n = unread.data?.unread ?? 0
  const close = () => setOpened(false)
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(24rem, calc(100vw - 1rem))"
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
    >
      <Indicator
        label={<span aria-hidden>{n > 99 ? '99+' : n}</span>}
        size={18}
        offset={6}
        color="red.8"
        disabled={n === 0}
      >
        {/* The popover's target is the button itself, which gets its ARIA state (expanded, controls). */}
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="dark"
            size="lg"
            aria-label={n > 0 ? t('notifications.bellUnread', { n }) : t('notifications.bell')}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
          <Text component="h2" fw={700} size="sm" m={0}>
            {t('notifications.latest')}
          </Text>
          {n > 0 ? (
            <Button size="compact-xs" variant="subtle" loading={markAll.isPending} onClick={() => markAll.mutate()}>
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
        </Group>
        <Divider />
        <Box mah="min(60vh, 28rem)" style={{ overflowY: 'auto' }} p={4}>
          <ErrorAlert error={latest.error} />
          {latest.isLoading ? (
            <Stack gap={6} p="xs" aria-busy="true" aria-label={t('common.loading')}>
              <Skeleton height={36} />
              <Skeleton height={36} />
            </Stack>
          ) : latest.data && latest.data.items.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
              {latest.data?.items.map((item) => (
                <li key={item.id}>
                  <NotificationItem n={item} compact onFollow={close} />
                </li>
              ))}
            </Stack>
          )}
        </Box>
        <Divider />
        <Box px="sm" py="xs">
          <AnchorLink to="/app/notifications" size="sm" onClick={close}>
            {t('notifications.seeAll')}
          </AnchorLink>
        </Box>
      </Popover.Dropdown>
    </Popover>
  )
}
