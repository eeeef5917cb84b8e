import { Anchor, Badge, Box, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChallengeDetailPageProps } from '../../../shared/contracts/challenges.ts'
import { flagEmoji, localized, useFormat } from '../../design-system/format.ts'
import { ChallengeRecommendations } from '../recommendations/ChallengeRecommendations.tsx'
import { ChallengeSolutions } from '../solutions-catalogue/ChallengeSolutions.tsx'
import { Breadcrumbs } from './Breadcrumbs.tsx'
import { domainHref, domainsHref } from './catalogue-links.ts'

/** One published challenge: what the problem is, what is expected, what the end-user offers, who asked. */
export function ChallengeDetail({ programme, challenge: c, solutions }: ChallengeDetailPageProps) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const offers = [
    ['testBed', c.content.endUserOffers.testBed],
    ['data', c.content.endUserOffers.data],
    ['validation', c.content.endUserOffers.validation],
  ].filter(([, v]) => v)
  return (
    <Stack gap="xl">
      <Breadcrumbs
        items={[
          { label: programme.acronym, href: '/' },
          { label: t('catalogue.domains.title'), href: domainsHref },
          { label: `${c.domain.code} · ${localized(c.domain.name, i18n.language)}`, href: domainHref(c.domain.code) },
          { label: c.code },
        ]}
      />
      <Box component="article" aria-labelledby="challenge-title">
        <Group gap="xs" mb="sm" wrap="wrap">
          <Badge variant="filled" color="cascade">
            {c.code}
          </Badge>
        </Group>
        <Title order={1} id="challenge-title" lang={c.language} fz={{ base: 26, sm: 36 }} lh={1.2} mb="md">
          {c.title}
        </Title>
        <Text fz={{ base: 'md', sm: 'lg' }} maw={760} mb="xl" lang={c.language}>
          {c.summary}
        </Text>
        <SimpleGrid
          cols={{ base: 1, sm: 3 }}
          spacing="md"
          mb="xl"
          component="section"
          aria-label={t('catalogue.detail.facts')}
        >
          <Fact label={t('catalogue.detail.domain')}>
            <Anchor href={domainHref(c.domain.code)}>{localized(c.domain.name, i18n.language)}</Anchor>
          </Fact>
          <Fact label={t('catalogue.detail.trlRange')}>{t('catalogue.trl', { min: c.trlMin, max: c.trlMax })}</Fact>
          <Fact label={t('catalogue.detail.calls')}>
            {c.calls.length === 0
              ? t('catalogue.detail.notInCall')
              : c.calls.map((k, i) => (
                  <span key={k.id}>
                    {i > 0 ? ', ' : ''}
                    <Anchor href={`/calls/${encodeURIComponent(k.code)}`} inherit>
                      {localized(k.title, i18n.language)}
                    </Anchor>
                  </span>
                ))}
          </Fact>
        </SimpleGrid>
        <Stack gap="lg" maw={820}>
          <Section id="problem" title={t('catalogue.detail.problem')}>
            <Text lang={c.language}>{c.content.problem}</Text>
          </Section>
          <Section id="outcome" title={t('catalogue.detail.expectedOutcome')}>
            <Text lang={c.language}>{c.content.expectedOutcome}</Text>
          </Section>
          <Section id="requirements" title={t('catalogue.detail.requirements')}>
            <List spacing="xs" lang={c.language}>
              {c.content.requirements.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          </Section>
          {offers.length > 0 ? (
            <Section id="offers" title={t('catalogue.detail.offers')}>
              <Stack gap="sm" component="dl" m={0}>
                {offers.map(([k, v]) => (
                  <div key={k}>
                    <Text component="dt" fw={700}>
                      {t(`catalogue.detail.${k}`)}
                    </Text>
                    <Text component="dd" m={0} lang={c.language}>
                      {v}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Section>
          ) : null}
          <Section id="asked-by" title={t('catalogue.detail.askedBy')}>
            {c.askedBy.length === 0 ? (
              <Text c="dimmed">{t('catalogue.detail.askedByNone')}</Text>
            ) : (
              <List spacing="xs">
                {c.askedBy.map((o) => (
                  <List.Item key={o.name}>
                    {o.name} <span aria-hidden="true">{flagEmoji(o.country)}</span>{' '}
                    <span suppressHydrationWarning>({f.country(o.country)})</span>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          {c.tags.length > 0 ? (
            <Section id="tags" title={t('catalogue.detail.tags')}>
              <Group gap="xs">
                {c.tags.map((tag) => (
                  <Badge key={tag.id} variant="outline" color="gray" tt="none">
                    {tag.name}
                  </Badge>
                ))}
              </Group>
            </Section>
          ) : null}
          <ChallengeSolutions data={solutions} code={c.code} trlMin={c.trlMin} trlMax={c.trlMax} />
          <ChallengeRecommendations challengeId={c.id} />
        </Stack>
      </Box>
      <Anchor href="/challenges">{t('catalogue.back')}</Anchor>
    </Stack>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} id={`${id}-title`} size="h3" mb="xs">
        {title}
      </Title>
      {children}
    </Box>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{children}</Text>
    </Card>
  )
}

/** Head of a challenge page: its title and summary. */
export function challengeHead({ programme, challenge }: ChallengeDetailPageProps, t: TFunction) {
  const label = `${challenge.code} · ${challenge.title}`
  return {
    title: t('catalogue.detail.documentTitle', { label, acronym: programme.acronym, app: t('app.name') }),
    description: challenge.summary,
    ogTitle: label,
    ogDescription: challenge.summary,
  }
}
