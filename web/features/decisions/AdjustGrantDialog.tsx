import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { DecisionItem } from '../../../shared/contracts/evaluation-decisions.ts'
import { isApiError } from '../../app/api.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { decisionKeys, decisionsApi } from './api.ts'
import { useMoney } from './labels.tsx'

/**
 * Cuts a funded decision's amount before it is notified (or restores it): euros, at most the amount
 * requested, and the reason the applicant will read next to the amount.
 */
export function AdjustGrantDialog({
  callId,
  item,
  onClose,
}: {
  callId: string
  item: DecisionItem | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const qc = useQueryClient()
  const serverErrors = useServerErrors()
  const requestedEuros = (item?.requestedCents ?? 0) / 100
  const schema = useMemo(
    () =>
      z.object({
        granted: z.number({ error: 'required' }).min(1).max(requestedEuros),
        reason: z.string().trim().min(20).max(2000),
      }),
    [requestedEuros],
  )
  const validate = useZodValidate(schema)
  const form = useForm({ mode: 'controlled', initialValues: { granted: 0 as number | string, reason: '' }, validate })
  const save = useMutation({
    mutationFn: (v: { granted: number; reason: string }) =>
      decisionsApi.adjustGrant(callId, item!.applicationId, {
        grantedCents: Math.round(v.granted * 100),
        reason: v.reason.trim(),
      }),
    onSuccess: (board) => {
      qc.setQueryData(decisionKeys.board(callId), board)
      notifications.show({ color: 'green', message: t('decisions.adjust.saved', { acronym: item?.acronym ?? '' }) })
      onClose()
    },
    onError: (e) => serverErrors(form, e),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens for a decision
  useEffect(() => {
    if (item) {
      form.setValues({ granted: (item.grantedCents ?? item.requestedCents) / 100, reason: item.adjustmentReason ?? '' })
      form.clearErrors()
      save.reset()
    }
  }, [item?.applicationId])

  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={t('decisions.adjust.title', { acronym: item?.acronym ?? '' })}
      size="lg"
    >
      <form onSubmit={form.onSubmit((v) => save.mutate({ granted: Number(v.granted), reason: v.reason }))} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('decisions.adjust.intro', { requested: money(item?.requestedCents ?? 0) })}</Text>
          <NumberInput
            label={t('decisions.adjust.granted')}
            description={t('decisions.adjust.grantedHelp', { requested: money(item?.requestedCents ?? 0) })}
            min={1}
            max={requestedEuros}
            step={1000}
            thousandSeparator=" "
            decimalScale={2}
            allowNegative={false}
            withAsterisk
            {...form.getInputProps('granted')}
          />
          <Textarea
            label={t('decisions.adjust.reason')}
            description={t('decisions.adjust.reasonHelp')}
            autosize
            minRows={3}
            withAsterisk
            {...form.getInputProps('reason')}
          />
          <ErrorAlert
            error={
              save.error && !(isApiError(save.error) && save.error.code === 'validation_failed') ? save.error : null
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('decisions.adjust.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('decisions.adjust.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
