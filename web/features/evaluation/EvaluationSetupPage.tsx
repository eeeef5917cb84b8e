import { Skeleton, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { evaluationApi, evaluationKeys } from './api.ts'
import { EvaluationTabs } from './EvaluationTabs.tsx'
import { PhasesCard } from './SetupPhasesCard.tsx'
import { SettingsCard } from './SetupSettingsCard.tsx'

const route = getRouteApi('/app/evaluation/$callId/setup')

/**
 * Operators: a call's evaluation phases (SetupPhasesCard) and settings (SetupSettingsCard: panel rules,
 * scoring, tie-breaks, redress with the call's public holidays).
 */
export function EvaluationSetupPage() {
  const { t } = useTranslation()
  const { callId } = route.useParams()
  const settings = useQuery({
    queryKey: evaluationKeys.settings(callId),
    queryFn: () => evaluationApi.settings(callId),
  })
  const phases = useQuery({ queryKey: evaluationKeys.phases(callId), queryFn: () => evaluationApi.phases(callId) })
  return (
    <>
      <PageHeader title={t('evaluation.setup.title')} description={t('evaluation.setup.description')} />
      <Stack gap="lg">
        <EvaluationTabs callId={callId} active="setup" />
        <ErrorAlert error={phases.error} />
        {phases.isLoading ? <Skeleton height={220} /> : null}
        {phases.data ? (
          <PhasesCard key={JSON.stringify(phases.data.phases)} callId={callId} view={phases.data} />
        ) : null}
        <ErrorAlert error={settings.error} />
        {settings.isLoading ? <Skeleton height={420} /> : null}
        {settings.data ? (
          <SettingsCard key={JSON.stringify(settings.data)} callId={callId} view={settings.data} />
        ) : null}
      </Stack>
    </>
  )
}
