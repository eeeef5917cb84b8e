import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { partnerSuggestions } from '../../../shared/contracts/recommendations.ts'
import { recommendationUrls, useRecommendations } from './api.ts'
import { Panel } from './Panel.tsx'
import { RecommendationItems } from './RecommendationItems.tsx'

/**
 * "Suggested partners" in the application editor: organisations that bring what the consortium lacks
 * under the call's rules (expertise, a country, an end-user, an SME), for the lead's members. Invite one
 * by e-mail in the partners tab, or contact an anonymous one through partner search. `version` reloads
 * the suggestions when the consortium changes.
 */
export function SuggestedPartners({ applicationId, version }: { applicationId: string; version?: number }) {
  const { t } = useTranslation()
  const url = `${recommendationUrls.partners(applicationId)}${version === undefined ? '' : `&v=${version}`}`
  const { data, loading, failed } = useRecommendations(url, partnerSuggestions)
  if (!failed && data === null) return null
  const needs = data?.needs
  return (
    <Panel
      title={t('recommend.partners.title')}
      description={t('recommend.partners.hint')}
      loading={loading}
      failed={failed}
    >
      {needs ? (
        <Group gap="xs" wrap="wrap" aria-label={t('recommend.partners.needs')}>
          {needs.countries ? (
            <Badge variant="light" color="orange" tt="none">
              {t('recommend.partners.needCountries', needs.countries)}
            </Badge>
          ) : null}
          {needs.smes ? (
            <Badge variant="light" color="orange" tt="none">
              {t('recommend.partners.needSmes', needs.smes)}
            </Badge>
          ) : null}
          {needs.endUser ? (
            <Badge variant="light" color="orange" tt="none">
              {t('recommend.partners.needEndUser')}
            </Badge>
          ) : null}
          {!needs.countries && !needs.smes && !needs.endUser ? (
            <Text size="sm" c="dimmed">
              {t('recommend.partners.rulesMet')}
            </Text>
          ) : null}
        </Group>
      ) : null}
      <RecommendationItems items={data?.items ?? []} />
    </Panel>
  )
}
