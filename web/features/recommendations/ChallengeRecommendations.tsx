import { Anchor, SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { recommendationList } from '../../../shared/contracts/recommendations.ts'
import { recommendationUrls, useRecommendations } from './api.ts'
import { Panel } from './Panel.tsx'
import { RecommendationItems } from './RecommendationItems.tsx'

/**
 * "Recommended solutions" and "Recommended organisations" for a challenge, each with score bars and the
 * reasons. Shown to people signed in who may ask (platform members, the programme's staff); nothing for
 * the others.
 */
export function ChallengeRecommendations({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation()
  const solutions = useRecommendations(recommendationUrls.challenge(challengeId, 'solutions'), recommendationList)
  const organisations = useRecommendations(
    recommendationUrls.challenge(challengeId, 'organisations'),
    recommendationList,
  )
  // Nothing until there is something to show: no empty panels for visitors who may not ask (public page).
  const hidden = (r: typeof solutions) => !r.failed && r.data === null
  if (hidden(solutions) && hidden(organisations)) return null
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Panel
        title={t('recommend.challenge.solutions')}
        description={t('recommend.challenge.solutionsHint')}
        loading={solutions.loading}
        failed={solutions.failed}
      >
        <RecommendationItems items={solutions.data?.items ?? []} />
      </Panel>
      <Panel
        title={t('recommend.challenge.organisations')}
        description={t('recommend.challenge.organisationsHint')}
        loading={organisations.loading}
        failed={organisations.failed}
      >
        <RecommendationItems items={organisations.data?.items ?? []} />
        {/* A plain link: this panel is also on the server-rendered public challenge page. */}
        <Anchor href={`/app/partnering?challenge=${encodeURIComponent(challengeId)}`} size="sm">
          {t('recommend.challenge.findPartners')}
        </Anchor>
      </Panel>
    </SimpleGrid>
  )
}
