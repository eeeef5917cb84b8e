import { Card, Skeleton, Stack, Switch, Text, Title } from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { NotificationKind, NotificationPreferences } from '../../../shared/contracts/notifications.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { notificationKeys, notificationsApi } from './api.ts'

const groups: { label: 'useCases' | 'workshops' | 'applications'; prefix: string }[] = [
  { label: 'useCases', prefix: 'use_case_' },
  { label: 'workshops', prefix: 'workshop_' },
  { label: 'applications', prefix: 'application_' },
]

/** Which notifications also come by e-mail: one switch per kind, saved as soon as it is flipped. */
export function EmailPreferencesCard() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const prefs = useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.preferences })
  const save = useMutation({
    mutationFn: (item: { kind: NotificationKind; email: boolean }) =>
      notificationsApi.updatePreferences({ items: [item] }),
    onMutate: (item) => {
      const before = queryClient.getQueryData<NotificationPreferences>(notificationKeys.preferences)
      if (before) {
        queryClient.setQueryData<NotificationPreferences>(notificationKeys.preferences, {
          items: before.items.map((i) => (i.kind === item.kind ? item : i)),
        })
      }
      return { before }
    },
    onError: (_e, _item, context) => {
      if (context?.before) queryClient.setQueryData(notificationKeys.preferences, context.before)
    },
    onSuccess: (data) => {
      queryClient.setQueryData(notificationKeys.preferences, data)
      toasts.show({ color: 'green', message: t('notifications.preferences.saved') })
    },
  })
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="email-preferences-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="email-preferences-title">
            {t('notifications.preferences.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notifications.preferences.description')}
          </Text>
        </div>
        <ErrorAlert error={prefs.error ?? save.error} />
        {prefs.isLoading ? (
          <Skeleton height={160} />
        ) : prefs.data ? (
          groups.map((g) => (
            <Stack key={g.label} gap="xs" component="fieldset" m={0} p={0} style={{ border: 0 }}>
              <Text component="legend" fw={600} size="sm" mb={4}>
                {t(`notifications.preferences.groups.${g.label}`)}
              </Text>
              {prefs.data.items
                .filter((i) => i.kind.startsWith(g.prefix))
                .map((i) => (
                  <Switch
                    key={i.kind}
                    checked={i.email}
                    onChange={(e) => save.mutate({ kind: i.kind, email: e.currentTarget.checked })}
                    label={t(`notifications.preferences.kinds.${i.kind}`)}
                  />
                ))}
            </Stack>
          ))
        ) : null}
      </Stack>
    </Card>
  )
}
