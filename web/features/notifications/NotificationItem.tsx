import { Anchor, Box, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import type { MouseEvent } from 'react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Notification } from '../../../shared/contracts/notifications.ts'
import { useFormat } from '../../design-system/format.ts'
import { notificationKeys, notificationsApi } from './api.ts'
import { relativeTime, useNotificationText } from './render.ts'

/** Marks one notification read and refreshes the bell and the lists. */
export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => notificationsApi.markRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}

/**
 * One notification: its text as a link to the subject (following it marks it read), how long ago, an
 * unread marker (a dot, and words for screen readers) and, outside the popover, a "mark as read" button.
 */
export function NotificationItem({
  n,
  compact = false,
  onFollow,
}: {
  n: Notification
  compact?: boolean
  onFollow?: () => void
}) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const text = useNotificationText()
  const textId = useId()
  const markRead = useMarkRead()
  const navigate = useNavigate()
  const unread = n.readAt === null
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return
    e.preventDefault()
    if (unread) markRead.mutate(n.id)
    onFollow?.()
    void navigate({ href: n.link })
  }
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      px="sm"
      py="xs"
      bg={unread ? 'var(--mantine-color-cascade-0)' : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Box
        aria-hidden
        mt={7}
        w={8}
        h={8}
        style={{
          flex: 'none',
          borderRadius: '50%',
          background: unread ? 'var(--mantine-color-cascade-7)' : 'transparent',
        }}
      />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Anchor
          href={n.link}
          onClick={follow}
          id={textId}
          size="sm"
          c="dark.8"
          fw={unread ? 600 : 400}
          style={{ overflowWrap: 'anywhere' }}
        >
          {unread ? <VisuallyHidden>{`${t('notifications.unreadMarker')}: `}</VisuallyHidden> : null}
          {text(n)}
        </Anchor>
        <Text size="xs" c="dimmed">
          <time dateTime={n.createdAt} title={f.dateTime(n.createdAt)}>
            {relativeTime(n.createdAt, Date.now(), i18n.language)}
          </time>
        </Text>
      </Stack>
      {!compact && unread ? (
        <Button
          size="compact-sm"
          variant="subtle"
          aria-describedby={textId}
          loading={markRead.isPending}
          onClick={() => markRead.mutate(n.id)}
          style={{ flex: 'none' }}
        >
          {t('notifications.markRead')}
        </Button>
      ) : null}
    </Group>
  )
}
