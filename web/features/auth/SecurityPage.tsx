import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Me } from '../../../shared/contracts/account.ts'
import { queryKeys } from '../../app/api.ts'
import { account } from '../../app/auth-client.ts'
import { useMe } from '../../app/session.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { ErrorAlert, useZodValidate } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { totpCodeSchema } from './schemas.ts'

const passwordOnly = z.object({ password: z.string().min(1) })

/** The secret of an otpauth:// URI, in groups of four for typing into an authenticator by hand. */
export function manualKey(totpURI: string): string {
  try {
    const secret = new URL(totpURI).searchParams.get('secret') ?? ''
    return secret.replace(/(.{4})/g, '$1 ').trim()
  } catch {
    return ''
  }
}

export function SecurityPage() {
  const { t } = useTranslation()
  const { data: me } = useMe()
  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.description')} />
      {me ? (
        <Stack gap="lg" maw={760}>
          {me.twoFactorRequired ? (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('shell.twoFactorTitle')}
            >
              {t('security.required')}
            </Alert>
          ) : null}
          {me.user.twoFactorEnabled ? <TwoFactorEnabled /> : <TwoFactorSetup me={me} />}
        </Stack>
      ) : null}
    </>
  )
}

function TwoFactorEnabled() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const validate = useZodValidate(passwordOnly)
  const form = useForm({ mode: 'controlled', initialValues: { password: '' }, validate })
  const disable = useMutation({
    mutationFn: (password: string) => account.disableTwoFactor(password),
    onSuccess: async () => {
      setConfirming(false)
      form.reset()
      notifications.show({ color: 'green', message: t('security.disabled') })
      await queryClient.invalidateQueries({ queryKey: queryKeys.me })
    },
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tf-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="tf-title">
          {t('security.twoFactor')}
        </Title>
        <Badge color="green" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />}>
          {t('security.on')}
        </Badge>
      </Group>
      <Text mb="md">{t('security.enabledText')}</Text>
      <form
        onSubmit={form.onSubmit(() => {
          disable.reset()
          setConfirming(true)
        })}
        noValidate
      >
        <Stack>
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group>
            <Button type="submit" color="red" variant="outline">
              {t('security.disable')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t('security.disableConfirmTitle')}
        message={t('security.disableConfirmText')}
        confirmLabel={t('security.disable')}
        danger
        loading={disable.isPending}
        error={disable.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => disable.mutate(form.values.password)}
      />
    </Card>
  )
}

function TwoFactorSetup({ me }: { me: Me }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [secret, setSecret] = useState<{ totpURI: string; backupCodes: string[] } | null>(null)
  const validatePassword = useZodValidate(passwordOnly)
  const validateCode = useZodValidate(totpCodeSchema)
  const passwordForm = useForm({ mode: 'controlled', initialValues: { password: '' }, validate: validatePassword })
  const codeForm = useForm({
    mode: 'controlled',
    initialValues: { code: '', trustDevice: false },
    validate: validateCode,
  })

  const enable = useMutation({
    mutationFn: (password: string) => account.enableTwoFactor(password),
    onSuccess: (data) => {
      setSecret(data)
      passwordForm.reset()
    },
  })
  const verify = useMutation({
    mutationFn: (code: string) => account.verifyTotp(code),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('security.enabled') })
      setSecret(null)
      await queryClient.invalidateQueries({ queryKey: queryKeys.me })
    },
  })

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tf-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="tf-title">
          {t('security.twoFactor')}
        </Title>
        <Badge color="gray" variant="light">
          {t('security.off')}
        </Badge>
      </Group>
      {!secret ? (
        <>
          <Text mb="md">{t('security.intro', { email: me.user.email })}</Text>
          <form onSubmit={passwordForm.onSubmit((v) => enable.mutate(v.password))} noValidate>
            <Stack>
              <ErrorAlert error={enable.error} />
              <PasswordInput
                label={t('fields.currentPassword')}
                description={t('security.passwordHelp')}
                autoComplete="current-password"
                required
                {...passwordForm.getInputProps('password')}
              />
              <Group>
                <Button type="submit" loading={enable.isPending}>
                  {t('security.start')}
                </Button>
              </Group>
            </Stack>
          </form>
        </>
      ) : (
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('security.step1')}
            </Title>
            <Text size="sm">{t('security.step1Text')}</Text>
            <Text size="sm" fw={600}>
              {t('security.manualKey')}
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code block fz="md" style={{ flex: 1, wordBreak: 'break-all' }}>
                {manualKey(secret.totpURI)}
              </Code>
              <CopyText value={manualKey(secret.totpURI).replaceAll(' ', '')} />
            </Group>
            <Text size="sm" fw={600}>
              {t('security.uri')}
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {secret.totpURI}
              </Code>
              <CopyText value={secret.totpURI} />
            </Group>
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('security.step2')}
            </Title>
            <Text size="sm">{t('security.step2Text')}</Text>
            <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {secret.backupCodes.map((c) => (
                <li key={c}>
                  <Code>{c}</Code>
                </li>
              ))}
            </SimpleGrid>
            <Group>
              <CopyText value={secret.backupCodes.join('\n')} label={t('security.copyCodes')} />
            </Group>
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('security.step3')}
            </Title>
            <form onSubmit={codeForm.onSubmit((v) => verify.mutate(v.code))} noValidate>
              <Stack>
                <ErrorAlert error={verify.error} />
                <TextInput
                  label={t('auth.twoFactor.code')}
                  description={t('auth.twoFactor.codeHelp')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                  maw={240}
                  {...codeForm.getInputProps('code')}
                />
                <Group>
                  <Button type="submit" loading={verify.isPending}>
                    {t('security.confirm')}
                  </Button>
                  <Button variant="default" onClick={() => setSecret(null)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        </Stack>
      )}
    </Card>
  )
}

export function CopyText({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation()
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button variant="default" size="xs" onClick={copy} aria-live="polite">
          {copied ? t('common.copied') : (label ?? t('common.copy'))}
        </Button>
      )}
    </CopyButton>
  )
}
