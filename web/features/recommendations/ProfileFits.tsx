import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { recommendationList } from '../../../shared/contracts/recommendations.ts'
import { recommendationUrls, useRecommendations } from './api.ts'
import { Panel } from './Panel.tsx'
import { RecommendationItems } from './RecommendationItems.tsx'

/** "Challenges and calls that fit": for one of the person's organisations (or one solution). */
export function ProfileFits(props: { organisationId: string } | { solutionId: string }) {
  const { t } = useTranslation()
  const url = (target: 'challenges' | 'calls') =>
    'organisationId' in props
      ? recommendationUrls.organisation(props.organisationId, target)
      : recommendationUrls.solution(props.solutionId, target)
  const challenges = useRecommendations(url('challenges'), recommendationList)
  const calls = useRecommendations(url('calls'), recommendationList)
  if (!challenges.failed && challenges.data === null) return null
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mt="lg" aria-label={t('recommend.profile.title')}>
      <Panel
        title={t('recommend.profile.challenges')}
        description={t('recommend.profile.challengesHint')}
        loading={challenges.loading}
        failed={challenges.failed}
      >
        {/* A challenge sharing nothing with the profile (score 0) does not fit: "Nothing fits…", not empty bars. */}
        <RecommendationItems items={(challenges.data?.items ?? []).filter((i) => i.score > 0)} />
      </Panel>
      <Panel
        title={t('recommend.profile.calls')}
        description={t('recommend.profile.callsHint')}
        loading={calls.loading}
        failed={calls.failed}
      >
        <RecommendationItems items={calls.data?.items ?? []} />
      </Panel>
    </SimpleGrid>
  )
}
