import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Application, ApplicationPartner } from '../../../../shared/contracts/applications.ts'
import { useFormat } from '../../../design-system/format.ts'
import { ErrorAlert } from '../../../design-system/forms.tsx'
import { applicationsApi } from '../client.ts'
import { usePutApplication } from './useAnswersDraft.ts'
import type { PartDraft } from './usePartDraft.ts'

/**
 * "Confirm my part": the partner states that this version of its part is final. A later change of the
 * part withdraws the confirmation (the server keeps the confirmed version number, which no longer
 * matches); the lead confirms by submitting.
 */
export function PartConfirmation({
  app,
  partner,
  draft,
  locked,
}: {
  app: Application
  partner: ApplicationPartner
  /** The person's own part being edited, or null when it is someone else's part. */
  draft: PartDraft | null
  locked: boolean
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const put = usePutApplication(app.id)
  const confirmed = partner.confirmedVersion !== null && partner.confirmedVersion === partner.partVersion
  const wasConfirmed = partner.confirmedVersion !== null && !confirmed
  const confirm = useMutation({
    mutationFn: async () => {
      await draft?.flush()
      const latest = await applicationsApi.get(app.id)
      const current = latest.partners.find((p) => p.id === partner.id)
      return applicationsApi.confirmPart(app.id, partner.id, current?.partVersion ?? partner.partVersion)
    },
    onSuccess: put,
  })
  const unconfirm = useMutation({ mutationFn: () => applicationsApi.unconfirmPart(app.id, partner.id), onSuccess: put })

  if (partner.role === 'lead')
    return (
      <Text size="sm" c="dimmed">
        {t('applications.part.leadConfirms')}
      </Text>
    )
  return (
    <Stack gap="xs" id={`partner-${partner.id}-confirmation`}>
      {confirmed ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} p="sm">
          {t('applications.part.confirmedAt', {
            time: partner.confirmedAt ? f.dateTime(partner.confirmedAt) : '',
            version: partner.partVersion,
          })}{' '}
          {t('applications.part.changeWithdraws')}
        </Alert>
      ) : wasConfirmed ? (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} p="sm">
          {t('applications.part.confirmationWithdrawn')}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('applications.part.notConfirmedYet')}
        </Text>
      )}
      <ErrorAlert error={confirm.error ?? unconfirm.error} />
      {draft && !locked ? (
        <Group>
          {confirmed ? (
            <Button variant="default" size="sm" onClick={() => unconfirm.mutate()} loading={unconfirm.isPending}>
              {t('applications.part.unconfirm')}
            </Button>
          ) : (
            <Button
              size="sm"
              leftSection={<IconCircleCheck size={16} aria-hidden />}
              onClick={() => confirm.mutate()}
              loading={confirm.isPending}
            >
              {t('applications.part.confirm')}
            </Button>
          )}
        </Group>
      ) : null}
    </Stack>
  )
}
