import { Anchor, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ChallengeListPageProps, PublicChallengeSummary } from '../../../shared/contracts/challenges.ts'
import { localized } from '../../design-system/format.ts'
import { catalogueHref, challengeHref } from './catalogue-links.ts'
import { SearchForm } from './SearchForm.tsx'

/** The public challenge catalogue: search form, results and paging links (all plain links and GET). */
export function ChallengeList({ programme, domains, calls, filters, result }: ChallengeListPageProps) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  return (
    <Stack gap="xl">
      <Box component="section" aria-labelledby="catalogue-title">
        <Text fw={700} c="cascade.8" tt="uppercase" size="sm" mb={4}>
          {programme.acronym}
        </Text>
        <Title order={1} id="catalogue-title" fz={{ base: 28, sm: 40 }} lh={1.15} mb="md">
          {t('catalogue.title')}
        </Title>
        <Text fz={{ base: 'md', sm: 'lg' }} maw={760} mb="lg">
          {t('catalogue.intro')}
        </Text>
        <SearchForm domains={domains} calls={calls} filters={filters} />
      </Box>
      <Box component="section" aria-labelledby="results-title">
        <Title order={2} id="results-title" size="h4" mb="md">
          {t('catalogue.found', { count: result.total })}
        </Title>
        {result.items.length === 0 ? (
          <Text c="dimmed">{t('catalogue.none')}</Text>
        ) : (
          <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {result.items.map((c) => (
              <ChallengeCard key={c.id} challenge={c} />
            ))}
          </Stack>
        )}
        {pages > 1 ? (
          <Box component="nav" aria-label={t('catalogue.pagination.label')} mt="lg">
            <Group gap="sm" justify="space-between" wrap="wrap">
              {result.page > 1 ? (
                <Anchor href={catalogueHref(filters, result.page - 1)} rel="prev">
                  {t('catalogue.pagination.previous')}
                </Anchor>
              ) : (
                <span />
              )}
              <Text size="sm" aria-current="page">
                {t('catalogue.pagination.page', { page: result.page, pages })}
              </Text>
              {result.page < pages ? (
                <Anchor href={catalogueHref(filters, result.page + 1)} rel="next">
                  {t('catalogue.pagination.next')}
                </Anchor>
              ) : (
                <span />
              )}
            </Group>
          </Box>
        ) : null}
      </Box>
    </Stack>
  )
}

function ChallengeCard({ challenge: c }: { challenge: PublicChallengeSummary }) {
  const { t, i18n } = useTranslation()
  return (
    <Card component="li" withBorder padding="lg" radius="md">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="filled" color="cascade">
            {c.code}
          </Badge>
          <Badge variant="light" color="gray">
            {localized(c.domain.name, i18n.language)}
          </Badge>
          <Badge variant="light" color="blue">
            {t('catalogue.trl', { min: c.trlMin, max: c.trlMax })}
          </Badge>
        </Group>
        <Title order={3} size="h4" lang={c.language}>
          <Anchor href={challengeHref(c.slug)}>{c.title}</Anchor>
        </Title>
        <Text size="sm" lang={c.language}>
          {c.summary}
        </Text>
        {c.calls.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('catalogue.inCalls', { calls: c.calls.map((k) => k.code).join(', ') })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}

/** Head of the catalogue page, in the page's language. */
export function catalogueHead(props: ChallengeListPageProps, t: TFunction) {
  const label = t('catalogue.headTitle', { acronym: props.programme.acronym })
  const description = t('catalogue.description', { acronym: props.programme.acronym })
  return {
    title: t('programme.documentTitle', { label, app: t('app.name') }),
    description,
    ogTitle: label,
    ogDescription: description,
  }
}
