import { Alert, Button, Checkbox, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError, queryKeys } from '../../app/api.ts'
import { account } from '../../app/auth-client.ts'
import { fetchMe, useMe } from '../../app/session.ts'
import { ResendVerification } from '../../app/shell/ResendVerification.tsx'
import { ErrorAlert, useErrorMessage, useZodValidate } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { AuthLayout } from './AuthLayout.tsx'
import { signInSchema } from './schemas.ts'
import { TwoFactorChallenge } from './TwoFactorChallenge.tsx'

const route = getRouteApi('/app/sign-in')

/** A destination inside the app (the router goes there); any other path is a public page (loaded). */
function isAppPath(path: string): boolean {
  return path === '/app' || path.startsWith('/app/') || path.startsWith('/app?')
}

export function SignInPage() {
  const { t } = useTranslation()
  const { redirect } = route.useSearch()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { data: me } = useMe()
  const [step, setStep] = useState<'credentials' | 'twoFactor'>('credentials')
  const validate = useZodValidate(signInSchema)
  const message = useErrorMessage()

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '', rememberMe: true },
    validate,
  })

  // Signing in both finishes the form and refreshes `me` (which the effect below follows): a public page is
  // loaded once, not twice (a second load would abort the first).
  const leaving = useRef(false)
  /** After signing in: back where the person came from, in the app or on a public page. */
  const goTo = useCallback(
    async (to: string | undefined, replace = false) => {
      if (to && !isAppPath(to)) {
        if (leaving.current) return
        leaving.current = true
        if (replace) window.location.replace(to)
        else window.location.assign(to)
        return
      }
      await navigate({ to: to ?? '/app', replace })
    },
    [navigate],
  )

  const finish = async () => {
    const fresh = await fetchMe()
    queryClient.setQueryData(queryKeys.me, fresh)
    await goTo(redirect)
  }

  useEffect(() => {
    if (me && step === 'credentials') void goTo(redirect, true)
  }, [me, step, redirect, goTo])

  const signIn = useMutation({
    mutationFn: account.signIn,
    onSuccess: async (data) => {
      if (data?.twoFactorRedirect) setStep('twoFactor')
      else await finish()
    },
    onError: () => form.setFieldValue('password', ''),
  })

  if (step === 'twoFactor')
    return (
      <AuthLayout title={t('auth.twoFactor.title')} description={t('auth.twoFactor.description')}>
        <TwoFactorChallenge onDone={finish} onCancel={() => setStep('credentials')} />
      </AuthLayout>
    )

  const error = signIn.error
  const code = isApiError(error) ? error.code : null

  return (
    <AuthLayout
      title={t('auth.signIn.title')}
      footer={
        <Text size="sm" ta="center">
          {t('auth.signIn.noAccount')}{' '}
          <AnchorLink to="/app/sign-up" search={{ redirect }}>
            {t('auth.signUp.action')}
          </AnchorLink>
        </Text>
      }
    >
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack>
          {error ? (
            code === 'INVALID_EMAIL_OR_PASSWORD' ? (
              <Alert
                color="red"
                variant="light"
                role="alert"
                icon={<IconAlertCircle aria-hidden />}
                title={t('auth.signIn.failed')}
              >
                {t('authErrors.INVALID_EMAIL_OR_PASSWORD')}
              </Alert>
            ) : code === 'EMAIL_NOT_VERIFIED' ? (
              <Alert
                color="yellow"
                variant="light"
                role="alert"
                icon={<IconAlertCircle aria-hidden />}
                title={t('auth.signIn.notVerifiedTitle')}
              >
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{message(error)}</Text>
                  <ResendVerification email={form.values.email} />
                </Stack>
              </Alert>
            ) : code === 'sign_in_throttled' || (isApiError(error) && error.status === 429) ? (
              <Alert
                color="orange"
                variant="light"
                role="alert"
                icon={<IconAlertCircle aria-hidden />}
                title={t('auth.signIn.throttledTitle')}
              >
                {message(error)}
              </Alert>
            ) : (
              <ErrorAlert error={error} title={t('auth.signIn.failed')} />
            )
          ) : null}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Checkbox label={t('auth.signIn.rememberMe')} {...form.getInputProps('rememberMe', { type: 'checkbox' })} />
            <AnchorLink to="/app/forgot-password" size="sm">
              {t('auth.forgot.link')}
            </AnchorLink>
          </Group>
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.signIn.action')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}
