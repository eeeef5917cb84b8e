import { Stack, Text } from '@mantine/core'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ResendVerification } from '../../app/shell/ResendVerification.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { AuthLayout } from './AuthLayout.tsx'

const route = getRouteApi('/app/check-email')

/** After sign-up: the verification link is on its way. */
export function CheckEmailPage() {
  const { t } = useTranslation()
  const { email } = route.useSearch()
  return (
    <AuthLayout title={t('auth.checkEmail.title')}>
      <Stack>
        <Text>{email ? t('auth.checkEmail.sentTo', { email }) : t('auth.checkEmail.sent')}</Text>
        <Text size="sm" c="dimmed">
          {t('auth.checkEmail.help')}
        </Text>
        {email ? <ResendVerification email={email} /> : null}
        <AnchorLink to="/app/sign-in" size="sm">
          {t('auth.checkEmail.toSignIn')}
        </AnchorLink>
      </Stack>
    </AuthLayout>
  )
}
