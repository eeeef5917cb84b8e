import { Button, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { account } from '../../app/auth-client.ts'
import { ErrorAlert, useZodValidate } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { AuthLayout } from './AuthLayout.tsx'
import { newPasswordSchema } from './schemas.ts'

const route = getRouteApi('/app/reset-password')

/** The reset link lands here with `?token=` (or `?error=INVALID_TOKEN` when it expired or was used). */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  const { token, error } = route.useSearch()
  const navigate = useNavigate()
  const validate = useZodValidate(newPasswordSchema)
  const form = useForm({ mode: 'controlled', initialValues: { password: '', confirmPassword: '' }, validate })
  const reset = useMutation({
    mutationFn: (password: string) => account.resetPassword(password, token ?? ''),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('auth.reset.done') })
      await navigate({ to: '/app/sign-in' })
    },
  })

  if (error || !token)
    return (
      <AuthLayout title={t('auth.reset.invalidTitle')}>
        <Stack>
          <Text>{t('auth.reset.invalidText')}</Text>
          <AnchorLink to="/app/forgot-password">{t('auth.reset.requestAgain')}</AnchorLink>
        </Stack>
      </AuthLayout>
    )

  return (
    <AuthLayout title={t('auth.reset.title')}>
      <form onSubmit={form.onSubmit((v) => reset.mutate(v.password))} noValidate>
        <Stack>
          <ErrorAlert error={reset.error} />
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('fields.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <Button type="submit" loading={reset.isPending} fullWidth>
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}
