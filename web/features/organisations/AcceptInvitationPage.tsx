import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { api, queryKeys } from '../../app/api.ts'
import { useMe } from '../../app/session.ts'
import { CountryName } from '../../design-system/CountrySelect.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { AuthLayout } from '../auth/AuthLayout.tsx'

const route = getRouteApi('/app/invitations/$token')

/** Remembered across sign-up and e-mail verification, so the verified page can lead back here. */
export const pendingInvitationKey = 'cascade.pendingInvitation'

export function AcceptInvitationPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { token } = route.useParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { data: me, isLoading: meLoading } = useMe()
  const preview = useQuery({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: () => api.invitationPreview(token),
  })
  const here = `/app/invitations/${token}`

  useEffect(() => {
    try {
      if (!me) window.localStorage.setItem(pendingInvitationKey, here)
      else window.localStorage.removeItem(pendingInvitationKey)
    } catch {
      // storage unavailable: the link in the e-mail still works
    }
  }, [me, here])

  const accept = useMutation({
    mutationFn: () => api.acceptInvitation(token),
    onSuccess: async (org) => {
      notifications.show({ color: 'green', message: t('invitations.accept.done', { organisation: org.legalName }) })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
        queryClient.invalidateQueries({ queryKey: queryKeys.organisations() }),
      ])
      await navigate({ to: '/app/organisations/$organisationId', params: { organisationId: org.id } })
    },
  })

  const p = preview.data
  return (
    <AuthLayout title={t('invitations.accept.title')}>
      {preview.isLoading || meLoading ? (
        <Skeleton height={120} />
      ) : !p ? (
        <ErrorAlert error={preview.error} />
      ) : (
        <Stack>
          <Text>
            {t('invitations.accept.text', {
              organisation: p.organisation.legalName,
              role: t(`roles.organisation.${p.role}`),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            <CountryName code={p.organisation.country} />
          </Text>
          <Text size="sm">{t('invitations.accept.for', { email: p.email })}</Text>
          {p.status === 'pending' ? (
            <Text size="sm" c="dimmed">
              {t('invitations.accept.expires', { date: f.dateTime(p.expiresAt) })}
            </Text>
          ) : (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
              {t(`invitations.accept.status.${p.status}`)}
            </Alert>
          )}
          <ErrorAlert error={accept.error} />
          {p.status !== 'pending' ? null : me ? (
            <Stack gap="xs">
              {me.user.email.toLowerCase() !== p.email.toLowerCase() ? (
                <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                  {t('invitations.accept.otherEmail', { email: me.user.email, invited: p.email })}
                </Alert>
              ) : null}
              <Group>
                <Button onClick={() => accept.mutate()} loading={accept.isPending}>
                  {t('invitations.accept.action', { organisation: p.organisation.legalName })}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Stack gap="xs">
              <Text size="sm">{t('invitations.accept.signInFirst')}</Text>
              <Group>
                <ButtonLink to="/app/sign-in" search={{ redirect: here }}>
                  {t('auth.signIn.action')}
                </ButtonLink>
                <ButtonLink to="/app/sign-up" search={{ redirect: here }} variant="default">
                  {t('auth.signUp.action')}
                </ButtonLink>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </AuthLayout>
  )
}
