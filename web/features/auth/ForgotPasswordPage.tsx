import { Alert, Button, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconMailCheck } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { account } from '../../app/auth-client.ts'
import { ErrorAlert, useZodValidate } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { AuthLayout } from './AuthLayout.tsx'
import { emailOnlySchema } from './schemas.ts'

export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const validate = useZodValidate(emailOnlySchema)
  const form = useForm({ mode: 'controlled', initialValues: { email: '' }, validate })
  const request = useMutation({ mutationFn: (email: string) => account.requestPasswordReset(email) })

  return (
    <AuthLayout
      title={t('auth.forgot.title')}
      description={t('auth.forgot.description')}
      footer={
        <AnchorLink to="/app/sign-in" size="sm">
          {t('auth.forgot.back')}
        </AnchorLink>
      }
    >
      {request.isSuccess ? (
        <Alert color="green" variant="light" icon={<IconMailCheck aria-hidden />} role="status">
          {t('auth.forgot.sent', { email: form.values.email })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((v) => request.mutate(v.email.trim()))} noValidate>
          <Stack>
            <ErrorAlert error={request.error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  )
}
