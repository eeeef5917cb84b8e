import { Anchor, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { account } from '../../app/auth-client.ts'
import { ErrorAlert, useZodValidate } from '../../design-system/forms.tsx'
import { backupCodeSchema, totpCodeSchema } from './schemas.ts'

/** The second step of signing in: a code from the authenticator app, or one backup code. */
export function TwoFactorChallenge({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation()
  const [useBackup, setUseBackup] = useState(false)
  const validateTotp = useZodValidate(totpCodeSchema)
  const validateBackup = useZodValidate(backupCodeSchema)
  const totpForm = useForm({
    mode: 'controlled',
    initialValues: { code: '', trustDevice: false },
    validate: validateTotp,
  })
  const backupForm = useForm({ mode: 'controlled', initialValues: { code: '' }, validate: validateBackup })

  const verify = useMutation({
    mutationFn: (input: { code: string; trustDevice?: boolean; backup: boolean }) =>
      input.backup ? account.verifyBackupCode(input.code) : account.verifyTotp(input.code, input.trustDevice),
    onSuccess: onDone,
  })

  return (
    <Stack>
      <ErrorAlert error={verify.error} />
      {useBackup ? (
        <form onSubmit={backupForm.onSubmit((v) => verify.mutate({ code: v.code, backup: true }))} noValidate>
          <Stack>
            <TextInput
              label={t('auth.twoFactor.backupCode')}
              autoComplete="one-time-code"
              required
              {...backupForm.getInputProps('code')}
            />
            <Button type="submit" loading={verify.isPending} fullWidth>
              {t('auth.twoFactor.verify')}
            </Button>
          </Stack>
        </form>
      ) : (
        <form
          onSubmit={totpForm.onSubmit((v) =>
            verify.mutate({ code: v.code, trustDevice: v.trustDevice, backup: false }),
          )}
          noValidate
        >
          <Stack>
            <TextInput
              label={t('auth.twoFactor.code')}
              description={t('auth.twoFactor.codeHelp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              {...totpForm.getInputProps('code')}
            />
            <Checkbox
              label={t('auth.twoFactor.trustDevice')}
              {...totpForm.getInputProps('trustDevice', { type: 'checkbox' })}
            />
            <Button type="submit" loading={verify.isPending} fullWidth>
              {t('auth.twoFactor.verify')}
            </Button>
          </Stack>
        </form>
      )}
      <Group justify="space-between" gap="xs">
        <Anchor component="button" type="button" size="sm" onClick={() => setUseBackup((b) => !b)}>
          {useBackup ? t('auth.twoFactor.useApp') : t('auth.twoFactor.useBackup')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={onCancel}>
          {t('auth.twoFactor.back')}
        </Anchor>
      </Group>
    </Stack>
  )
}
