import { Alert, Button, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconCircleCheck } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { queryKeys } from '../../app/api.ts'
import { account } from '../../app/auth-client.ts'
import { useMe } from '../../app/session.ts'
import { ErrorAlert, useZodValidate } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { pendingInvitationKey } from '../organisations/AcceptInvitationPage.tsx'
import { AuthLayout } from './AuthLayout.tsx'
import { emailOnlySchema } from './schemas.ts'

const route = getRouteApi('/app/verified')

/** Where the verification link lands (better-auth redirects here, with `?error=` when the link failed). */
export function VerifiedPage() {
  const { t } = useTranslation()
  const { error } = route.useSearch()
  const queryClient = useQueryClient()
  const { data: me } = useMe()

  const [invitation, setInvitation] = useState<string | null>(null)
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.me })
    try {
      const pending = window.localStorage.getItem(pendingInvitationKey)
      if (pending?.startsWith('/app/invitations/')) setInvitation(pending)
    } catch {
      // ignore
    }
  }, [queryClient])

  if (error) return <VerificationFailed />

  return (
    <AuthLayout title={t('auth.verified.title')}>
      <Stack>
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
          {t('auth.verified.text')}
        </Alert>
        {invitation ? (
          <Button component="a" href={invitation}>
            {t('auth.verified.toInvitation')}
          </Button>
        ) : null}
        {me ? (
          <ButtonLink to="/app" variant={invitation ? 'default' : 'filled'}>
            {t('auth.verified.continue')}
          </ButtonLink>
        ) : (
          <ButtonLink to="/app/sign-in" variant={invitation ? 'default' : 'filled'}>
            {t('auth.signIn.action')}
          </ButtonLink>
        )}
      </Stack>
    </AuthLayout>
  )
}

function VerificationFailed() {
  const { t } = useTranslation()
  const validate = useZodValidate(emailOnlySchema)
  const form = useForm({ mode: 'controlled', initialValues: { email: '' }, validate })
  const resend = useMutation({
    mutationFn: (email: string) => account.sendVerificationEmail(email),
    onSuccess: (_d, email) => notifications.show({ color: 'green', message: t('auth.verify.resent', { email }) }),
  })
  return (
    <AuthLayout title={t('auth.verified.failedTitle')}>
      <Stack>
        <Text>{t('auth.verified.failedText')}</Text>
        <form onSubmit={form.onSubmit((v) => resend.mutate(v.email))} noValidate>
          <Stack>
            <ErrorAlert error={resend.error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={resend.isPending}>
              {t('auth.verify.resend')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </AuthLayout>
  )
}
