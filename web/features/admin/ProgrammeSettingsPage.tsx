import { Card, Skeleton, Stack, Switch, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'

/** Programme-wide settings an operator may change (for now: two-factor sign-in for operators). */
export function ProgrammeSettingsPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="programme.manage" title={t('admin.programme.title')}>
      <Settings />
    </RequireCapability>
  )
}

function Settings() {
  const { t } = useTranslation()
  const message = useErrorMessage()
  const queryClient = useQueryClient()
  const programme = useQuery({ queryKey: queryKeys.programme, queryFn: api.programme })
  const save = useMutation({
    mutationFn: (requireOperatorTwoFactor: boolean) => api.updateProgrammeSettings({ requireOperatorTwoFactor }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.programme, updated)
      await queryClient.invalidateQueries({ queryKey: queryKeys.me })
      notifications.show({ color: 'green', message: t('admin.programme.saved') })
    },
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  })
  return (
    <>
      <PageHeader title={t('admin.programme.title')} description={t('admin.programme.description')} />
      <ErrorAlert error={programme.error} />
      {programme.isLoading ? (
        <Skeleton height={120} />
      ) : programme.data ? (
        <Card withBorder padding="lg" maw={760}>
          <Stack gap="sm">
            <Switch
              size="md"
              label={t('admin.programme.requireOperatorTwoFactor')}
              description={t('admin.programme.requireOperatorTwoFactorHelp')}
              checked={save.isPending ? Boolean(save.variables) : programme.data.requireOperatorTwoFactor}
              disabled={save.isPending}
              onChange={(e) => save.mutate(e.currentTarget.checked)}
            />
            <Text size="sm" c="dimmed">
              {programme.data.acronym} — {programme.data.name}
            </Text>
          </Stack>
        </Card>
      ) : null}
    </>
  )
}
