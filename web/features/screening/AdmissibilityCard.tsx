import { Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { EligibilityView } from '../../../shared/contracts/applications.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { screeningApi, screeningKeys } from './api.ts'
import { AdmissibilityBadge } from './labels.tsx'

/**
 * The admissibility decision: admissible, or not with a reason (required; sent to the consortium with
 * the rules not met). Operators decide; programme staff read it.
 */
export function AdmissibilityCard({
  applicationId,
  view,
  canDecide,
  submitted,
}: {
  applicationId: string
  view: EligibilityView
  canDecide: boolean
  submitted: boolean
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const serverErrors = useServerErrors()
  const failing = view.results.filter((r) => (r.override?.outcome ?? r.outcome) === 'fail').length
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      decision: (view.admissibility === 'pending'
        ? failing > 0
          ? 'inadmissible'
          : 'admissible'
        : view.admissibility) as 'admissible' | 'inadmissible',
      reason: view.admissibilityReason ?? '',
    },
    validate: {
      reason: (value, values) =>
        values.decision === 'inadmissible' && value.trim() === '' ? t('validation.required') : null,
    },
  })
  const decide = useMutation({
    mutationFn: (values: typeof form.values) =>
      screeningApi.decide(applicationId, { decision: values.decision, reason: values.reason.trim() }),
    onSuccess: async (next) => {
      queryClient.setQueryData(screeningKeys.eligibility(applicationId), next)
      await queryClient.invalidateQueries({ queryKey: ['screening'] })
      notifications.show({ color: 'green', message: t('screening.decision.done') })
    },
    onError: (e) => serverErrors(form, e),
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="admissibility-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="admissibility-title">
            {t('screening.decision.title')}
          </Title>
          <AdmissibilityBadge value={view.admissibility} />
        </Group>
        {view.admissibilityReason ? (
          <Text size="sm">
            <Text span fw={500}>
              {t('screening.decision.reason')}:
            </Text>{' '}
            {view.admissibilityReason}
          </Text>
        ) : null}
        {view.results.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('screening.decision.failing', { count: failing })}
          </Text>
        ) : null}
        {canDecide && submitted ? (
          <form onSubmit={form.onSubmit((v) => decide.mutate(v))} noValidate>
            <Stack gap="sm">
              <Radio.Group label={t('screening.decision.decision')} required {...form.getInputProps('decision')}>
                <Group mt="xs">
                  <Radio value="admissible" label={t('screening.admissibility.admissible')} />
                  <Radio value="inadmissible" label={t('screening.admissibility.inadmissible')} />
                </Group>
              </Radio.Group>
              <Textarea
                label={t('screening.decision.reason')}
                description={t('screening.decision.reasonHelp')}
                required={form.values.decision === 'inadmissible'}
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('reason')}
              />
              <ErrorAlert error={decide.error && !form.errors.reason ? decide.error : null} />
              <Group justify="flex-end">
                <Button type="submit" loading={decide.isPending}>
                  {t('screening.decision.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  )
}
