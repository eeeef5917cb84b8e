import { Button, Group, Pagination, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { IconBell } from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { notificationKeys, notificationsApi } from './api.ts'
import { EmailPreferencesCard } from './EmailPreferencesCard.tsx'
import { NotificationItem } from './NotificationItem.tsx'

const route = getRouteApi('/app/notifications')
const PAGE_SIZE = 20

/** /app/notifications: every notification, newest first, with an unread filter, paging and the e-mail settings. */
export function NotificationsPage() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const queryClient = useQueryClient()
  const filterId = useId()
  const query = { page: search.page ?? 1, pageSize: PAGE_SIZE, unread: search.show === 'unread' }
  const list = useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: () => notificationsApi.list(query),
    placeholderData: keepPreviousData,
  })
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: notificationsApi.unreadCount })
  const markAll = useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all })
      toasts.show({ color: 'green', message: t('notifications.markedAll') })
    },
  })
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE))
  const data = list.data

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          (unread.data?.unread ?? 0) > 0 ? (
            <Button variant="default" loading={markAll.isPending} onClick={() => markAll.mutate()}>
              {t('notifications.markAllRead')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Stack gap="sm">
          <Group gap="sm" align="center">
            <Text component="span" id={filterId} size="sm" fw={500}>
              {t('notifications.filterLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby={filterId}
              value={search.show ?? 'all'}
              onChange={(v) =>
                navigate({ search: { show: v === 'unread' ? 'unread' : undefined, page: undefined }, replace: true })
              }
              data={[
                { value: 'all', label: t('notifications.filter.all') },
                { value: 'unread', label: t('notifications.filter.unread') },
              ]}
            />
          </Group>
          <ErrorAlert error={list.error ?? markAll.error} />
          {list.isLoading ? (
            <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} height={48} radius="sm" />
              ))}
            </Stack>
          ) : data && data.items.length === 0 ? (
            query.unread ? (
              <Text role="status" c="dimmed" py="md">
                {t('notifications.emptyUnread')}
              </Text>
            ) : (
              <EmptyState
                icon={<IconBell size={24} />}
                title={t('notifications.empty')}
                description={t('notifications.emptyText')}
              />
            )
          ) : data ? (
            <Paper withBorder p={4} radius="md">
              <Stack
                component="ul"
                gap={2}
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-label={t('notifications.title')}
              >
                {data.items.map((n) => (
                  <li key={n.id}>
                    <NotificationItem n={n} />
                  </li>
                ))}
              </Stack>
            </Paper>
          ) : null}
          {pages > 1 ? (
            <nav aria-label={t('table.pagination')}>
              <Pagination
                total={pages}
                value={query.page}
                onChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })}
                size="sm"
                siblings={1}
                boundaries={1}
                getItemProps={(p) => ({ 'aria-label': t('table.goToPage', { page: p }) })}
                getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
              />
            </nav>
          ) : null}
        </Stack>
        <EmailPreferencesCard />
      </Stack>
    </>
  )
}
