import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useErrorMessage } from '../../design-system/forms.tsx'
import { account } from '../auth-client.ts'

/** Sends the verification e-mail again. */
export function ResendVerification({ email, variant = 'default' }: { email: string; variant?: 'default' | 'filled' }) {
  const { t } = useTranslation()
  const message = useErrorMessage()
  const resend = useMutation({
    mutationFn: () => account.sendVerificationEmail(email),
    onSuccess: () => notifications.show({ color: 'green', message: t('auth.verify.resent', { email }) }),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  })
  return (
    <Button size="xs" variant={variant} onClick={() => resend.mutate()} loading={resend.isPending}>
      {t('auth.verify.resend')}
    </Button>
  )
}
