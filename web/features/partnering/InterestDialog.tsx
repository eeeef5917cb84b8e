import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { interestInput, type PartneringPost, partneringLimits } from '../../../shared/contracts/partnering.ts'
import { useMe } from '../../app/session.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { partneringApi, partneringKeys } from './api.ts'

/**
 * "Express interest": the organisation it is for (when the person belongs to several) and a message,
 * validated like the server does (10 to 4,000 characters).
 */
export function InterestDialog(props: { post: PartneringPost; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const { data: me } = useMe()
  const serverErrors = useServerErrors()
  const orgs = (me?.memberships ?? []).map((m) => m.organisation)
  const form = useForm({
    mode: 'controlled',
    initialValues: { organisationId: orgs[0]?.id ?? '', message: '' },
    validate: useZodValidate(interestInput),
  })
  const send = useMutation({
    mutationFn: (v: typeof form.values) => partneringApi.express(props.post.id, v),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: partneringKeys.all })
      form.reset()
      props.onClose()
    },
    onError: (e) => serverErrors(form, e),
  })
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('partnering.express.title')} centered size="lg">
      <form onSubmit={form.onSubmit((v) => send.mutate(v))} noValidate>
        <Stack>
          <Text size="sm">{t('partnering.express.text')}</Text>
          {orgs.length > 1 ? (
            <Select
              label={t('partnering.express.organisation')}
              required
              allowDeselect={false}
              data={orgs.map((o) => ({ value: o.id, label: o.shortName ?? o.legalName }))}
              {...form.getInputProps('organisationId')}
            />
          ) : null}
          <Textarea
            label={t('partnering.express.message')}
            description={t('partnering.express.messageHelp')}
            required
            autosize
            minRows={5}
            maxLength={partneringLimits.message}
            data-autofocus
            {...form.getInputProps('message')}
          />
          <ErrorAlert error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={send.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('partnering.express.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
