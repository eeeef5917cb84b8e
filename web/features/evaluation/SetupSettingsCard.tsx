import { Alert, Button, Card, Group, Stack, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvaluationSettingsInput, EvaluationSettingsView } from '../../../shared/contracts/evaluation.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { evaluationApi, evaluationKeys } from './api.ts'
import { useFieldErrors } from './fieldErrors.ts'
import { PanelSection, ScoringSection } from './SetupPanelScoring.tsx'
import { RedressSection } from './SetupRedress.tsx'
import { TieBreaksSection } from './SetupTieBreaks.tsx'
import { type SettingsForm, SettingsFormProvider } from './setupFields.tsx'

const inputOf = (v: EvaluationSettingsView): EvaluationSettingsInput => ({
  expertsPerApplication: v.expertsPerApplication,
  practitionerRequired: v.practitionerRequired,
  onePerCountry: v.onePerCountry,
  excludeApplicantCountries: v.excludeApplicantCountries,
  anonymised: v.anonymised,
  spreadThreshold: v.spreadThreshold,
  commentMinLength: v.commentMinLength,
  tieBreaks: v.tieBreaks,
  bidWeight: v.bidWeight,
  redressWindowDays: v.redressWindowDays,
  redressHandlingWorkingDays: v.redressHandlingWorkingDays,
  redressHolidays: v.redressHolidays,
})

/**
 * The call's evaluation settings, one form saved at once: the panel rules, scoring, tie-breaks and
 * redress (each a section of its own file, reading the draft through the form's context).
 */
export function SettingsCard({ callId, view }: { callId: string; view: EvaluationSettingsView }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const fieldErrors = useFieldErrors()
  const [draft, setDraft] = useState<EvaluationSettingsInput>(() => inputOf(view))
  const save = useMutation({
    mutationFn: () => evaluationApi.saveSettings(callId, draft),
    onSuccess: (data) => {
      qc.setQueryData(evaluationKeys.settings(callId), data)
      notifications.show({ color: 'green', message: t('evaluation.setup.settingsSaved') })
    },
  })
  const form: SettingsForm = {
    draft,
    set: (k, v) => setDraft((x) => ({ ...x, [k]: v })),
    update: setDraft,
    errors: fieldErrors(save.error),
    view,
  }
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
      aria-labelledby="setup-settings"
      noValidate
    >
      <SettingsFormProvider value={form}>
        <Stack gap="md">
          <Title order={2} size="h3" id="setup-settings">
            {t('evaluation.setup.settings')}
          </Title>
          {view.locked ? (
            <Alert color="blue" variant="light">
              {t('evaluation.setup.lockedNote')}
            </Alert>
          ) : null}
          <PanelSection />
          <ScoringSection />
          <TieBreaksSection />
          <RedressSection />
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('evaluation.setup.saveSettings')}
            </Button>
          </Group>
        </Stack>
      </SettingsFormProvider>
    </Card>
  )
}
