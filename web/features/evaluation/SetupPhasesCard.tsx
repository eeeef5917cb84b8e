import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type EvaluationPhaseKind,
  type EvaluationPhasesView,
  evaluationPhaseKinds,
} from '../../../shared/contracts/evaluation.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { evaluationApi, evaluationKeys, phaseColor } from './api.ts'
import { useFieldErrors } from './fieldErrors.ts'

type PhaseDraft = Record<EvaluationPhaseKind, { startsAt: string; endsAt: string }>

/** The evaluation's phases as wall-clock times in the call's zone, each with its status now. */
export function PhasesCard({ callId, view }: { callId: string; view: EvaluationPhasesView }) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const fieldErrors = useFieldErrors()
  const initial = () =>
    Object.fromEntries(
      view.phases.map((p) => [p.kind, { startsAt: p.localStartsAt ?? '', endsAt: p.localEndsAt ?? '' }]),
    ) as PhaseDraft
  const [draft, setDraft] = useState<PhaseDraft>(initial)
  const save = useMutation({
    mutationFn: () => {
      const w = (k: EvaluationPhaseKind) => (draft[k].startsAt || draft[k].endsAt ? draft[k] : null)
      return evaluationApi.savePhases(callId, {
        individual: draft.individual,
        consensus: w('consensus'),
        panel: w('panel'),
      })
    },
    onSuccess: (data) => {
      qc.setQueryData(evaluationKeys.phases(callId), data)
      void qc.invalidateQueries({ queryKey: evaluationKeys.hub })
      notifications.show({ color: 'green', message: t('evaluation.setup.phasesSaved') })
    },
  })
  const errors = fieldErrors(save.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="form"
      onSubmit={submit}
      aria-labelledby="setup-phases"
      noValidate
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="setup-phases">
          {t('evaluation.setup.phases')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('evaluation.setup.phasesHelp', {
            zone: view.timeZone,
            closes: f.dateTime(view.closesAt, view.timeZone),
          })}
        </Text>
        {evaluationPhaseKinds.map((kind) => {
          const current = view.phases.find((p) => p.kind === kind)
          return (
            <Stack key={kind} gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Group gap="xs" component="legend" p={0}>
                <Text fw={600} component="span">
                  {t(`evaluation.phase.${kind}`)}
                </Text>
                {current ? (
                  <Badge color={phaseColor[current.status]} variant="light">
                    {t(`evaluation.phaseStatus.${current.status}`)}
                  </Badge>
                ) : null}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {(['startsAt', 'endsAt'] as const).map((field) => (
                  <TextInput
                    key={field}
                    type="datetime-local"
                    label={t(`evaluation.setup.${field}`, { zone: view.timeZone })}
                    value={draft[kind][field]}
                    onChange={(e) => {
                      const value = e.currentTarget.value
                      setDraft((d) => ({ ...d, [kind]: { ...d[kind], [field]: value } }))
                    }}
                    required={kind === 'individual'}
                    error={errors[`${kind}.${field}`] ?? (field === 'startsAt' ? errors[kind] : undefined)}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          )
        })}
        {save.error && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('evaluation.setup.savePhases')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
