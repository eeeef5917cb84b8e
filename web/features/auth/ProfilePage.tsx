import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconCircleCheck } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Me } from '../../../shared/contracts/account.ts'
import { profilePatch } from '../../../shared/contracts/account.ts'
import { type Locale, localeNames, locales } from '../../../shared/i18n/index.ts'
import { api, queryKeys } from '../../app/api.ts'
import { account } from '../../app/auth-client.ts'
import { applyLocale } from '../../app/i18n.ts'
import { useMe } from '../../app/session.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { changePasswordSchema, emailRule } from './schemas.ts'

const route = getRouteApi('/app/profile')

export function ProfilePage() {
  const { t } = useTranslation()
  const { data: me } = useMe()
  const { emailChanged } = route.useSearch()
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      {emailChanged ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} mb="lg" role="status">
          {t('profile.email.changed')}
        </Alert>
      ) : null}
      {me ? (
        <Stack gap="lg" maw={720}>
          <ProfileForm me={me} />
          <ChangeEmailForm me={me} />
          <ChangePasswordForm />
        </Stack>
      ) : null}
    </>
  )
}

const profileSchema = profilePatch.required()

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const validate = useZodValidate(profileSchema)
  const serverErrors = useServerErrors()
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: me.user.name, locale: me.user.locale as Locale },
    validate,
  })
  const save = useMutation({
    mutationFn: (v: typeof form.values) => api.updateMe({ name: v.name.trim(), locale: v.locale }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.me, updated)
      form.resetDirty()
      await applyLocale(updated.user.locale)
      notifications.show({ color: 'green', message: t('profile.saved') })
    },
    onError: (e) => serverErrors(form, e),
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-details">
      <Title order={2} size="h3" id="profile-details" mb="md">
        {t('profile.details')}
      </Title>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <Select
            label={t('fields.language')}
            description={t('profile.languageHelp')}
            data={locales.map((l) => ({ value: l, label: localeNames[l] }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

const changeEmailSchema = z.object({ email: emailRule })

function ChangeEmailForm({ me }: { me: Me }) {
  const { t } = useTranslation()
  const validate = useZodValidate(changeEmailSchema)
  const form = useForm({ mode: 'controlled', initialValues: { email: '' }, validate })
  const change = useMutation({
    mutationFn: (email: string) => account.changeEmail(email),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('profile.email.sent') })
      form.reset()
    },
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-email">
      <Title order={2} size="h3" id="profile-email" mb="xs">
        {t('profile.email.title')}
      </Title>
      <Group gap="xs" mb="md">
        <Text>{me.user.email}</Text>
        <Badge variant="light" color={me.user.emailVerified ? 'green' : 'yellow'}>
          {me.user.emailVerified ? t('profile.email.verified') : t('profile.email.unverified')}
        </Badge>
      </Group>
      <form onSubmit={form.onSubmit((v) => change.mutate(v.email.trim()))} noValidate>
        <Stack>
          <ErrorAlert error={change.error} />
          <TextInput
            label={t('fields.newEmail')}
            description={t('profile.email.help')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('profile.email.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function ChangePasswordForm() {
  const { t } = useTranslation()
  const validate = useZodValidate(changePasswordSchema)
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', password: '', confirmPassword: '', revokeOtherSessions: true },
    validate,
  })
  const change = useMutation({
    mutationFn: (v: typeof form.values) =>
      account.changePassword({
        currentPassword: v.currentPassword,
        newPassword: v.password,
        revokeOtherSessions: v.revokeOtherSessions,
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('profile.password.changed') })
      form.reset()
    },
    onError: () => form.setFieldValue('currentPassword', ''),
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-password">
      <Title order={2} size="h3" id="profile-password" mb="md">
        {t('profile.password.title')}
      </Title>
      <form onSubmit={form.onSubmit((v) => change.mutate(v))} noValidate>
        <Stack>
          <ErrorAlert error={change.error} />
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
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
          <Checkbox
            label={t('profile.password.revokeOthers')}
            {...form.getInputProps('revokeOtherSessions', { type: 'checkbox' })}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('profile.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
