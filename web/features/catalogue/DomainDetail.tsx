import { Anchor, Box, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DomainPageProps, PublicDomain } from '../../../shared/contracts/challenges.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { Breadcrumbs } from './Breadcrumbs.tsx'
import classes from './Catalogue.module.css'
import { ChallengeCard } from './ChallengeList.tsx'
import { catalogueHref, domainHref, domainsHref } from './catalogue-links.ts'

/** Paragraphs of a text written with blank lines between them. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <Text key={p.slice(0, 40)} fz={{ base: 'md', sm: 'lg' }} mb="sm">
            {p}
          </Text>
        ))}
    </>
  )
}

/**
 * `/domains/:code`: a domain of the programme in the reader's language, what is published in it, and one
 * page of its published challenges. Everything is a plain link, so it reads and navigates without JavaScript.
 */
export function DomainDetail({ programme, domain: d, otherDomains, result }: DomainPageProps) {
  const { t, i18n } = useTranslation()
  const name = localized(d.name, i18n.language)
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  return (
    <Stack gap="xl">
      <Breadcrumbs
        items={[
          { label: programme.acronym, href: '/' },
          { label: t('catalogue.domains.title'), href: domainsHref },
          { label: `${d.code} · ${name}` },
        ]}
      />
      <Box component="section" aria-labelledby="domain-title">
        <Text fw={700} c="cascade.8" tt="uppercase" size="sm" mb={4}>
          {t('catalogue.domain.eyebrow', { code: d.code, acronym: programme.acronym })}
        </Text>
        <Title order={1} id="domain-title" fz={{ base: 28, sm: 40 }} lh={1.15} mb="md">
          {name}
        </Title>
        <Box maw={760} mb="lg">
          <Paragraphs text={localized(d.description, i18n.language)} />
        </Box>
        <DomainFacts domain={d} />
      </Box>

      <Box component="section" aria-labelledby="domain-challenges-title">
        <Group justify="space-between" align="baseline" wrap="wrap" mb="md" gap="xs">
          <Title order={2} id="domain-challenges-title" size="h3">
            {t('catalogue.domain.challenges')}
          </Title>
          <Anchor href={catalogueHref({ domain: d.code })} size="sm">
            {t('catalogue.domain.search')}
          </Anchor>
        </Group>
        {result.items.length === 0 ? (
          <Text c="dimmed">{t('catalogue.domain.none')}</Text>
        ) : (
          <Stack component="ol" gap="md" className={classes.plainList}>
            {result.items.map((c) => (
              <ChallengeCard key={c.id} challenge={c} showDomain={false} />
            ))}
          </Stack>
        )}
        {pages > 1 ? (
          <Box component="nav" aria-label={t('catalogue.pagination.label')} mt="lg">
            <Group gap="sm" justify="space-between" wrap="wrap">
              {result.page > 1 ? (
                <Anchor href={domainHref(d.code, result.page - 1)} rel="prev">
                  {t('catalogue.pagination.previous')}
                </Anchor>
              ) : (
                <span />
              )}
              <Text size="sm" aria-current="page">
                {t('catalogue.pagination.page', { page: result.page, pages })}
              </Text>
              {result.page < pages ? (
                <Anchor href={domainHref(d.code, result.page + 1)} rel="next">
                  {t('catalogue.pagination.next')}
                </Anchor>
              ) : (
                <span />
              )}
            </Group>
          </Box>
        ) : null}
      </Box>

      {otherDomains.length > 0 ? (
        <Box component="nav" aria-labelledby="other-domains-title">
          <Title order={2} id="other-domains-title" size="h4" mb="xs">
            {t('catalogue.domain.others')}
          </Title>
          <Stack component="ul" gap={6} className={classes.plainList}>
            {otherDomains.map((o) => (
              <li key={o.id}>
                <Anchor href={domainHref(o.code)}>
                  {o.code} · {localized(o.name, i18n.language)}
                </Anchor>
              </li>
            ))}
          </Stack>
        </Box>
      ) : null}
    </Stack>
  )
}

/** What is published in a domain: challenges, calls (with how many each), TRL span. */
export function DomainFacts({ domain: d, compact = false }: { domain: PublicDomain; compact?: boolean }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const count = t('catalogue.domain.count', { n: f.number(d.challengeCount) })
  const calls =
    d.calls.length === 0
      ? t('catalogue.detail.notInCall')
      : d.calls
          .map((k) => t('catalogue.domain.inCall', { call: localized(k.title, i18n.language), n: k.challengeCount }))
          .join(' · ')
  const trl = d.trlMin === null || d.trlMax === null ? '—' : t('catalogue.trl', { min: d.trlMin, max: d.trlMax })
  if (compact) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {count}
        </Text>
        {d.challengeCount > 0 ? (
          <Text size="sm" c="dimmed">
            {calls} · {trl}
          </Text>
        ) : null}
      </Stack>
    )
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="dl" m={0} aria-label={t('catalogue.detail.facts')}>
      <Fact label={t('catalogue.domain.published')}>{f.number(d.challengeCount)}</Fact>
      <Fact label={t('catalogue.domain.perCall')}>{calls}</Fact>
      <Fact label={t('catalogue.domain.trlSpan')}>{trl}</Fact>
    </SimpleGrid>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700}>
        {children}
      </Text>
    </Card>
  )
}

/** Head of a domain's page: its name and description, in the page's language. */
export function domainHead({ programme, domain }: DomainPageProps, locale: string, t: TFunction) {
  const name = localized(domain.name, locale)
  const description = localized(domain.description, locale).replace(/\s+/g, ' ').trim()
  const short = description.length > 300 ? `${description.slice(0, 297).trimEnd()}…` : description
  return {
    title: t('catalogue.detail.documentTitle', {
      label: `${domain.code} · ${name}`,
      acronym: programme.acronym,
      app: t('app.name'),
    }),
    description: short,
    ogTitle: `${name} — ${programme.acronym}`,
    ogDescription: short,
  }
}
