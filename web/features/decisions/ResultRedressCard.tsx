import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { EvaluationResult } from '../../../shared/contracts/evaluation-decisions.ts'
import { redressInput } from '../../../shared/contracts/evaluation-decisions.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { decisionKeys, decisionsApi } from './api.ts'
import { RedressBadge } from './labels.tsx'

/** The applicant's redress: the window, the requests filed with their due date and outcome, and the form to file one. */
export function RedressCard({ r }: { r: EvaluationResult }) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const serverErrors = useServerErrors()
  const form = useForm({ initialValues: { grounds: '' }, validate: useZodValidate(redressInput) })
  const file = useMutation({
    mutationFn: (v: { grounds: string }) => decisionsApi.fileRedress(r.applicationId, v),
    onSuccess: (next) => {
      qc.setQueryData(decisionKeys.result(r.applicationId), next)
      form.reset()
      notifications.show({ color: 'green', message: t('decisions.result.redressFiled') })
    },
    onError: (e) => serverErrors(form, e),
  })
  const end = f.dateTime(r.redress.windowEndsAt, r.call.timeZone, true)
  const length = form.values.grounds.trim().length
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="result-redress">
      <Stack gap="sm">
        <Title order={2} size="h3" id="result-redress">
          {t('decisions.result.redress')}
        </Title>
        <Text size="sm">
          {r.redress.windowOpen
            ? t('decisions.result.redressWindow', { end, days: r.redress.handlingWorkingDays })
            : t('decisions.result.redressClosed', { end })}
        </Text>
        {r.redress.requests.map((q) => (
          <Card key={q.id} withBorder radius="sm" padding="sm">
            <Stack gap={4}>
              <Group gap="xs">
                <RedressBadge status={q.status} />
                <Text size="sm" c="dimmed">
                  {t('decisions.result.redressFiledOn', {
                    filed: f.dateTime(q.filedAt, r.call.timeZone),
                    due: f.date(q.dueAt, r.call.timeZone),
                  })}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {q.grounds}
              </Text>
              {q.outcome ? (
                <>
                  <Text size="sm" fw={600}>
                    {t('decisions.redress.outcome')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {q.outcome}
                  </Text>
                </>
              ) : null}
            </Stack>
          </Card>
        ))}
        {r.redress.canFile ? (
          <form noValidate onSubmit={form.onSubmit((v) => file.mutate(v))}>
            <Stack gap="sm">
              <Textarea
                label={t('decisions.result.grounds')}
                description={t('decisions.result.groundsHelp', { count: length })}
                required
                autosize
                minRows={4}
                maxLength={5000}
                {...form.getInputProps('grounds')}
              />
              <ErrorAlert error={file.error} />
              <Group>
                <Button type="submit" loading={file.isPending}>
                  {t('decisions.result.fileRedress')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : r.redress.windowOpen ? (
          <Text size="sm" c="dimmed">
            {t('decisions.result.redressOpenOne')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}
