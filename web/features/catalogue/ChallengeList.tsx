import { Anchor, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ChallengeListPageProps, PublicChallengeSummary } from '../../../shared/contracts/challenges.ts'
import { localized } from '../../design-system/format.ts'
import { Breadcrumbs } from './Breadcrumbs.tsx'
import classes from './Catalogue.module.css'
import { catalogueHref, challengeHref, domainHref, domainsHref } from './catalogue-links.ts'
import { SearchForm } from './SearchForm.tsx'

/** The public challenge catalogue: search form, results and paging links (all plain links and GET). */
export function ChallengeList({ programme, domains, calls, filters, result }: ChallengeListPageProps) {
  const { t, i18n } = useTranslation()
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  return (
    <Stack gap="xl">
      <Breadcrumbs items={[{ label: programme.acronym, href: '/' }, { label: t('catalogue.title') }]} />
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
        <Box component="nav" aria-labelledby="by-domain-title" mb="lg">
          <Text id="by-domain-title" fw={700} mb={4}>
            {t('catalogue.domains.browse')}
          </Text>
          <Group component="ul" gap="xs" className={classes.plainList}>
            {domains.map((d) => (
              <li key={d.id}>
                <Anchor href={domainHref(d.code)} size="sm">
                  {d.code} · {localized(d.name, i18n.language)}
                </Anchor>
              </li>
            ))}
            <li>
              <Anchor href={domainsHref} size="sm">
                {t('catalogue.domains.all')}
              </Anchor>
            </li>
          </Group>
        </Box>
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

/** One published challenge in a list: code, domain, TRL range, title (the link), summary and calls. */
export function ChallengeCard({
  challenge: c,
  showDomain = true,
}: {
  challenge: PublicChallengeSummary
  showDomain?: boolean
}) {
  const { t, i18n } = useTranslation()
  return (
    <Card component="li" withBorder padding="lg" radius="md">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="filled" color="cascade">
            {c.code}
          </Badge>
          {showDomain ? (
            <Badge variant="light" color="gray">
              {localized(c.domain.name, i18n.language)}
            </Badge>
          ) : null}
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
