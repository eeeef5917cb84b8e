import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api.ts'
import { account } from '../../app/auth-client.ts'
import { ErrorAlert, useErrorMessage, useZodValidate } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { AuthLayout } from './AuthLayout.tsx'
import { signUpSchema } from './schemas.ts'

const route = getRouteApi('/app/sign-up')

const emailTaken = new Set(['USER_ALREADY_EXISTS', 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'])
const passwordCodes = new Set(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'INVALID_PASSWORD'])

export function SignUpPage() {
  const { t } = useTranslation()
  const { redirect } = route.useSearch()
  const navigate = useNavigate()
  const validate = useZodValidate(signUpSchema)
  const message = useErrorMessage()
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', email: '', password: '', confirmPassword: '' },
    validate,
  })

  const signUp = useMutation({
    mutationFn: (v: typeof form.values) =>
      account.signUp({ name: v.name.trim(), email: v.email.trim(), password: v.password }),
    onSuccess: (_data, v) => navigate({ to: '/app/check-email', search: { email: v.email.trim() } }),
    onError: (e) => {
      if (!isApiError(e)) return
      if (emailTaken.has(e.code)) form.setFieldError('email', message(e))
      if (passwordCodes.has(e.code)) form.setFieldError('password', message(e))
    },
  })
  const fieldLevel =
    isApiError(signUp.error) && (emailTaken.has(signUp.error.code) || passwordCodes.has(signUp.error.code))

  return (
    <AuthLayout
      title={t('auth.signUp.title')}
      description={t('auth.signUp.description')}
      footer={
        <Text size="sm" ta="center">
          {t('auth.signUp.haveAccount')}{' '}
          <AnchorLink to="/app/sign-in" search={{ redirect }}>
            {t('auth.signIn.action')}
          </AnchorLink>
        </Text>
      }
    >
      <form onSubmit={form.onSubmit((v) => signUp.mutate(v))} noValidate>
        <Stack>
          {!fieldLevel ? <ErrorAlert error={signUp.error} /> : null}
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
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
          <Button type="submit" loading={signUp.isPending} fullWidth>
            {t('auth.signUp.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}
