import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ButtonLink } from '../../design-system/links.tsx'
import { decisionKeys, decisionsApi } from './api.ts'

/**
 * "Evaluation result" on the applicant's application page, shown once the decision is notified (the
 * result answers 404 before, and to anyone outside the consortium).
 */
export function EvaluationResultLink({ applicationId, submitted }: { applicationId: string; submitted: boolean }) {
  const { t } = useTranslation()
  const result = useQuery({
    queryKey: decisionKeys.result(applicationId),
    queryFn: () => decisionsApi.result(applicationId),
    enabled: submitted,
    retry: false,
    staleTime: 60_000,
  })
  if (!result.data) return null
  return (
    <ButtonLink
      to="/app/applications/$applicationId/result"
      params={{ applicationId }}
      size="compact-sm"
      variant="light"
    >
      {t('decisions.result.link')}
    </ButtonLink>
  )
}
