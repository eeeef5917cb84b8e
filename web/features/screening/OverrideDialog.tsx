import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { EligibilityView } from '../../../shared/contracts/applications.ts'
import { overrideInput } from '../../../shared/contracts/screening.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { screeningApi, screeningKeys } from './api.ts'
import { OutcomeBadge, useReasonText } from './labels.tsx'

type Result = EligibilityView['results'][number]

/**
 * An operator overrides one rule's result: the new result and a justification of at least ten
 * characters (the contract's rule, checked here and by the server), shown to the applicants.
 */
export function OverrideDialog({
  applicationId,
  result,
  onClose,
}: {
  applicationId: string
  result: Result | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const reasonText = useReasonText()
  const queryClient = useQueryClient()
  const serverErrors = useServerErrors()
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      outcome: (result?.override?.outcome ?? (result?.outcome === 'pass' ? 'fail' : 'pass')) as 'pass' | 'fail',
      justification: result?.override?.justification ?? '',
    },
    validate: useZodValidate(overrideInput),
  })
  const save = useMutation({
    mutationFn: (values: typeof form.values) => screeningApi.override(applicationId, result!.rule, values),
    onSuccess: async (view) => {
      queryClient.setQueryData(screeningKeys.eligibility(applicationId), view)
      await queryClient.invalidateQueries({ queryKey: ['screening'] })
      notifications.show({ color: 'green', message: t('screening.override.done') })
      onClose()
    },
    onError: (e) => serverErrors(form, e),
  })
  if (!result) return null
  const rule = t(`screening.rules.${result.rule}`)
  return (
    <Modal opened onClose={onClose} title={t('screening.override.title', { rule })} centered size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <Text size="sm">{t('screening.override.intro')}</Text>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('screening.override.automatic')}
            </Text>
            <OutcomeBadge outcome={result.outcome} />
            <Text size="sm">{reasonText(result.reason)}</Text>
          </Group>
          <Radio.Group label={t('screening.override.outcome')} required {...form.getInputProps('outcome')}>
            <Group mt="xs">
              <Radio value="pass" label={t('screening.outcome.pass')} />
              <Radio value="fail" label={t('screening.outcome.fail')} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('screening.override.justification')}
            description={t('screening.override.justificationHelp')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            {...form.getInputProps('justification')}
          />
          <ErrorAlert error={save.error && !form.errors.justification ? save.error : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('screening.override.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
