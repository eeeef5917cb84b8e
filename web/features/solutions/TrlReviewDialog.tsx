import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { solutionKeys, solutionsApi } from './client.ts'
import { useLevelTitle } from './labels.tsx'

/** Staff, operators and experts confirm the self-assessed level or adjust it, with a reason the applicant sees. */
export function ReviewDialog(props: {
  opened: boolean
  onClose: () => void
  solutionId: string
  assessmentId: string
  selfAssessed: number
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const levelTitle = useLevelTitle()
  const [decision, setDecision] = useState<'confirmed' | 'adjusted'>('confirmed')
  const [level, setLevel] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ level?: string; reason?: string }>({})
  const review = useMutation({
    mutationFn: () =>
      solutionsApi.review(props.solutionId, props.assessmentId, {
        decision,
        level: decision === 'adjusted' ? Number(level) : undefined,
        reason: reason.trim(),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: solutionKeys.one(props.solutionId) })
      notifications.show({ color: 'green', message: t('solutions.review.done') })
      props.onClose()
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.some((x) => x.path === 'reason'))
        setErrors({ reason: t('validation.too_short', { minimum: 3 }) })
    },
  })
  const submit = () => {
    const next: typeof errors = {}
    if (decision === 'adjusted' && level === null) next.level = t('validation.required')
    if (reason.trim().length < 3)
      next.reason = reason.trim() ? t('validation.too_short', { minimum: 3 }) : t('validation.required')
    setErrors(next)
    if (Object.keys(next).length === 0) review.mutate()
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('solutions.review.title')} centered>
      <Stack>
        <Text size="sm">{t('solutions.review.intro', { level: props.selfAssessed })}</Text>
        <Radio.Group
          label={t('solutions.review.decision')}
          value={decision}
          onChange={(v) => setDecision(v as 'confirmed' | 'adjusted')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="confirmed" label={t('solutions.review.confirm', { level: props.selfAssessed })} />
            <Radio value="adjusted" label={t('solutions.review.adjust')} />
          </Stack>
        </Radio.Group>
        {decision === 'adjusted' ? (
          <Select
            label={t('solutions.review.level')}
            required
            data={Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: `TRL ${i} · ${levelTitle(i)}` }))}
            value={level}
            onChange={setLevel}
            error={errors.level}
          />
        ) : null}
        <Textarea
          label={t('solutions.review.reason')}
          description={t('solutions.review.reasonHelp')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <ErrorAlert error={review.error && !errors.reason ? review.error : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={review.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={review.isPending}>
            {t('solutions.review.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
