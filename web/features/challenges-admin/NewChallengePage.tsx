import { Alert, Paper, Skeleton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { UseCase } from '../../../shared/contracts/use-cases.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { demandApi, demandKeys } from '../use-cases/client.ts'
import { ChallengeForm, type ChallengeFormValues, toChallengePayload, toChallengeValues } from './ChallengeForm.tsx'

const route = getRouteApi('/app/admin/challenges/new')

/** The form pre-filled from an accepted use case (promotion). */
function fromUseCase(uc: UseCase): ChallengeFormValues {
  const c = uc.content
  const v = toChallengeValues()
  return {
    ...v,
    domainId: uc.domainId ?? '',
    title: uc.title,
    summary: c.problemStatement.slice(0, 1000),
    trlMin: uc.trlMin ? String(uc.trlMin) : '',
    trlMax: uc.trlMax ? String(uc.trlMax) : '',
    content: {
      problem: [c.contextAndThreat, c.problemStatement].filter(Boolean).join('\n\n'),
      expectedOutcome: c.successCriteria,
      requirements: c.functionalRequirements,
      endUserOffers: { testBed: c.testBed, data: c.dataAvailability, validation: c.commitment.notes },
    },
    tagIds: uc.tags.map((x) => x.id),
  }
}

export function NewChallengePage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="challenge.manage" title={t('challengesAdmin.new')}>
      <NewChallenge />
    </RequireCapability>
  )
}

function NewChallenge() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { fromUseCase: useCaseId } = route.useSearch()
  const uc = useQuery({
    queryKey: demandKeys.oneUseCase(useCaseId ?? ''),
    queryFn: () => demandApi.getUseCase(useCaseId ?? ''),
    enabled: Boolean(useCaseId),
  })
  const create = async (v: ChallengeFormValues) => {
    const created = await demandApi.createChallenge(toChallengePayload(v))
    if (useCaseId) await demandApi.linkUseCases(created.id, [useCaseId])
    await queryClient.invalidateQueries({ queryKey: demandKeys.challenges() })
    if (useCaseId) await queryClient.invalidateQueries({ queryKey: demandKeys.oneUseCase(useCaseId) })
    notifications.show({ color: 'green', message: t('challengesAdmin.createdNotice', { code: created.code }) })
    await navigate({ to: '/app/admin/challenges/$challengeId', params: { challengeId: created.id } })
  }
  return (
    <>
      <PageHeader
        title={t('challengesAdmin.new')}
        description={uc.data ? t('challengesAdmin.fromUseCase', { reference: uc.data.reference }) : undefined}
        above={
          <AnchorLink to="/app/admin/challenges" size="sm">
            ← {t('challengesAdmin.title')}
          </AnchorLink>
        }
      />
      {uc.data ? (
        <Alert variant="light" mb="md">
          {t('challengesAdmin.prefilled', { title: uc.data.title })}
        </Alert>
      ) : null}
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
        {useCaseId && !uc.data && !uc.error ? (
          <Skeleton height={300} />
        ) : (
          <ChallengeForm
            initial={uc.data ? fromUseCase(uc.data) : toChallengeValues()}
            knownTags={uc.data?.tags.map((x) => ({ id: x.id, name: x.name, taxonomyId: x.taxonomyId })) ?? []}
            submitLabel={t('challengesAdmin.createDraft')}
            onSubmit={create}
          />
        )}
      </Paper>
    </>
  )
}
