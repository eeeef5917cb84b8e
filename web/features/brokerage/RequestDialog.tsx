import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { brokerageLimits, type Participant } from '../../../shared/contracts/brokerage.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { brokerageApi, brokerageKeys } from './api.ts'

/** "Request a meeting": a reason and a priority (the weight the organiser's scheduler gives it). */
export function RequestDialog(props: { eventId: string; to: Participant | null; onClose: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const serverErrors = useServerErrors()
  const form = useForm({ mode: 'controlled', initialValues: { reason: '', priority: '2' } })
  const send = useMutation({
    mutationFn: (v: typeof form.values) =>
      brokerageApi.sendRequest(props.eventId, {
        toParticipantId: props.to!.id,
        reason: v.reason,
        priority: Number(v.priority),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: brokerageKeys.all })
      form.reset()
      props.onClose()
    },
    onError: (e) => serverErrors(form, e),
  })
  return (
    <Modal
      opened={props.to !== null}
      onClose={props.onClose}
      title={t('brokerage.requestDialog.title')}
      centered
      size="lg"
    >
      <form onSubmit={form.onSubmit((v) => send.mutate(v))} noValidate>
        <Stack>
          <Textarea
            label={t('brokerage.requestDialog.reason')}
            description={t('brokerage.requestDialog.reasonHelp')}
            required
            autosize
            minRows={4}
            maxLength={brokerageLimits.reason}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Select
            label={t('brokerage.requestDialog.priority')}
            allowDeselect={false}
            data={['3', '2', '1'].map((p) => ({ value: p, label: t(`brokerage.priority.${p}`) }))}
            {...form.getInputProps('priority')}
          />
          <ErrorAlert error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={send.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('brokerage.requestDialog.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
