import { Alert, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { consensusApi, consensusKeys } from './api.ts'
import { SideBySide, ThreadCard } from './parts.tsx'

const route = getRouteApi('/app/consensus/$applicationId')

/**
 * An expert on the panel of an application, from the consensus phase on: the submitted evaluations of
 * the application (experts as "Expert n", themselves marked) with their statistics, and the thread.
 */
export function ExpertConsensusPage() {
  const { t, i18n } = useTranslation()
  const fmt = useFormat()
  const { applicationId } = route.useParams()
  const view = useQuery({
    queryKey: consensusKeys.expert(applicationId),
    queryFn: () => consensusApi.expertView(applicationId),
    retry: false,
  })
  const v = view.data
  const notOpen = isApiError(view.error) && view.error.code === 'evaluation_phase_closed'
  const flaggedNames = v
    ? v.stats.flaggedCriteria.map((id) => {
        const c = v.criteria.find((x) => x.id === id)
        return c ? localized(c.name, i18n.language) : id
      })
    : []
  return (
    <>
      <PageHeader
        title={
          v ? t('consensus.expertView.title', { acronym: v.application.acronym }) : t('consensus.expertView.heading')
        }
        description={v ? `${v.application.reference} · ${v.application.title}` : undefined}
        above={
          <AnchorLink to="/app/evaluations" size="sm">
            ← {t('consensus.expertView.back')}
          </AnchorLink>
        }
      />
      <Stack gap="lg">
        {notOpen ? (
          <Alert color="blue" variant="light">
            {t('consensus.expertView.notOpen')}
          </Alert>
        ) : (
          <ErrorAlert error={view.error} />
        )}
        {view.isLoading ? <Skeleton height={320} /> : null}
        {v ? (
          <>
            <Text>
              {t('consensus.expertView.intro', { n: v.expertNumber })}{' '}
              {v.phases.consensus.endsAt
                ? v.phases.consensus.status === 'open'
                  ? t('consensus.expertView.until', { date: fmt.dateTime(v.phases.consensus.endsAt, v.call.timeZone) })
                  : t('consensus.expertView.ended')
                : null}
            </Text>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="expert-evaluations">
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h3" id="expert-evaluations">
                    {t('consensus.expertView.evaluations')}
                  </Title>
                </Group>
                {v.stats.flagged ? (
                  <Alert color="orange" variant="light">
                    {t('consensus.expertView.flagged', {
                      criteria: flaggedNames.join(', '),
                      threshold: v.spreadThreshold,
                    })}
                  </Alert>
                ) : null}
                <SideBySide criteria={v.criteria} evaluations={v.evaluations} stats={v.stats} />
              </Stack>
            </Card>
            <ThreadCard applicationId={applicationId} timeZone={v.call.timeZone} />
          </>
        ) : null}
      </Stack>
    </>
  )
}
