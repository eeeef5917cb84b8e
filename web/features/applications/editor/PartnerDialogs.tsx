import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { partnerName } from '../../../../shared/calls/rules.ts'
import { type Application, type ApplicationPartner, partnerInvite } from '../../../../shared/contracts/applications.ts'
import { ConfirmDialog } from '../../../design-system/ConfirmDialog.tsx'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../../design-system/forms.tsx'
import { applicationsApi } from '../client.ts'
import { usePutApplication } from './useAnswersDraft.ts'

/** The lead invites an organisation by the e-mail of a person there; the link is valid 14 days. */
export function InviteDialog({ app, opened, onClose }: { app: Application; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const put = usePutApplication(app.id)
  const serverErrors = useServerErrors()
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', name: '', message: '' },
    validate: useZodValidate(partnerInvite),
  })
  const [error, setError] = useState<unknown>(null)
  const invite = useMutation({
    mutationFn: (v: typeof form.values) => applicationsApi.invite(app.id, v),
    onSuccess: (next, v) => {
      put(next)
      notifications.show({ color: 'green', message: t('applications.partners.invited', { email: v.email }) })
      form.reset()
      setError(null)
      onClose()
    },
    onError: (e) => setError(serverErrors(form, e) ? null : e),
  })
  return (
    <Modal opened={opened} onClose={onClose} title={t('applications.partners.inviteTitle')}>
      <form onSubmit={form.onSubmit((v) => invite.mutate(v))} noValidate>
        <Stack>
          <TextInput
            type="email"
            label={t('applications.partners.inviteEmail')}
            description={t('applications.partners.inviteEmailHelp')}
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <TextInput label={t('applications.partners.inviteName')} maxLength={200} {...form.getInputProps('name')} />
          <Textarea
            label={t('applications.partners.inviteMessage')}
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('message')}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={invite.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('applications.partners.sendInvitation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

export function RemovePartnerDialog({
  app,
  partner,
  onClose,
}: {
  app: Application
  partner: ApplicationPartner | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const put = usePutApplication(app.id)
  const remove = useMutation({
    mutationFn: (p: ApplicationPartner) => applicationsApi.removePartner(app.id, p.id),
    onSuccess: (next) => {
      put(next)
      onClose()
    },
  })
  return (
    <ConfirmDialog
      opened={partner !== null}
      title={t('applications.partners.removeTitle')}
      message={partner ? t('applications.partners.removeText', { name: partnerName(partner) }) : ''}
      confirmLabel={t('applications.partners.remove')}
      danger
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => partner && remove.mutate(partner)}
      onClose={() => {
        remove.reset()
        onClose()
      }}
    />
  )
}
