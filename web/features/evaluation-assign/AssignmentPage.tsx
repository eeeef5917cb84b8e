import { Skeleton, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { useMe } from '../../app/session.ts'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { assignApi, assignKeys } from './api.ts'

import { LoadsCard } from './LoadsCard.tsx'
import { PairsCard } from './PairsCard.tsx'
import { RunCard } from './RunCard.tsx'

const route = getRouteApi('/app/evaluation/$callId/assignment')

/** Operators: run the assignment optimiser, read its outcome, review and adjust the pairs of a call. */
export function AssignmentPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="evaluation.view" title={t('assign.page.title')}>
      <Assignment />
    </RequireCapability>
  )
}

function Assignment() {
  const { t, i18n } = useTranslation()
  const { callId } = route.useParams()
  const call = useQuery({ queryKey: assignKeys.call(callId), queryFn: () => assignApi.call(callId) })
  const overview = useQuery({ queryKey: assignKeys.overview(callId), queryFn: () => assignApi.overview(callId) })
  const { data: me } = useMe()
  const canManage = me?.abilities['evaluation.manage']?.allowed === true
  const title = t('assign.page.title')
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={call.data ? `${title}: ${call.data.code}` : title}
        description={call.data ? `${call.data.code} · ${localized(call.data.title, i18n.language)}` : undefined}
      />
      <EvaluationTabs callId={callId} active="assignment" />
      <Stack gap="lg" mt="lg">
        <RunCard
          callId={callId}
          canManage={canManage}
          overview={overview.data}
          timeZone={call.data?.schedule.timeZone}
        />
        <ErrorAlert error={overview.error} />
        {overview.isLoading ? <Skeleton height={120} /> : null}
        {overview.data ? <LoadsCard overview={overview.data} /> : null}
        {overview.data ? <PairsCard callId={callId} overview={overview.data} canManage={canManage} /> : null}
      </Stack>
    </>
  )
}

// ——— Runs ———
