import { Anchor, Badge, Box, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CatalogueSolution, SolutionDetailPageProps } from '../../../shared/contracts/catalogue.ts'
import type { TrlWindow } from '../../../shared/contracts/trl.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { Breadcrumbs } from '../catalogue/Breadcrumbs.tsx'
import { challengeHref } from '../catalogue/catalogue-links.ts'
import { TrlFitBadge, TypeBadge } from '../solutions/labels.tsx'
import { solutionsPath } from './links.ts'
import { OwnerLine, TrlBadges } from './SolutionCard.tsx'
import classes from './SolutionsCatalogue.module.css'

/** One published solution, shareable: what it is, who offers it (as far as may be said), how mature. */
export function SolutionDetail({ programme, solution, trlWindow }: SolutionDetailPageProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="xl">
      <Breadcrumbs
        items={[
          { label: programme.acronym, href: '/' },
          { label: t('solutionCatalogue.title'), href: solutionsPath },
          { label: solution.reference },
        ]}
      />
      <SolutionArticle solution={solution} trlWindow={trlWindow} linkProfiles />
      <Anchor href={solutionsPath}>{t('solutionCatalogue.back')}</Anchor>
    </Stack>
  )
}

/** The body of a solution’s public page. */
export function SolutionArticle({
  solution: s,
  trlWindow,
  linkProfiles = false,
}: {
  solution: CatalogueSolution
  trlWindow: TrlWindow
  linkProfiles?: boolean
}) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const images = s.media.filter((m) => m.kind === 'image')
  const datasheets = s.media.filter((m) => m.kind === 'datasheet')
  return (
    <Box component="article" aria-labelledby="solution-title">
      <Group gap="xs" mb="sm" wrap="wrap">
        <Badge variant="outline" color="gray">
          {s.reference}
        </Badge>
        <TypeBadge type={s.type} />
        <TrlBadges trl={s.trl} fits={s.fitsWindow} window={trlWindow} />
      </Group>
      <Title order={1} id="solution-title" lang={s.language} fz={{ base: 26, sm: 36 }} lh={1.2} mb="md">
        {s.name}
      </Title>
      <Text fz={{ base: 'md', sm: 'lg' }} maw={760} mb="md" lang={s.language}>
        {s.pitch}
      </Text>
      <Box mb="xl">
        <OwnerLine owner={s.owner} linkProfiles={linkProfiles} />
      </Box>
      <SimpleGrid
        cols={{ base: 1, sm: 3 }}
        spacing="md"
        mb="xl"
        component="section"
        aria-label={t('solutionCatalogue.detail.facts')}
      >
        <Fact label={t('solutionCatalogue.detail.trl')}>
          {s.trl === null ? t('solutionCatalogue.card.trlNone') : t('solutionCatalogue.card.trl', { level: s.trl })}
          {s.targetTrl ? ` → ${t('solutionCatalogue.detail.target', { level: s.targetTrl })}` : ''}
        </Fact>
        <Fact label={t('solutionCatalogue.detail.domains')}>
          {s.domains.length === 0
            ? t('solutionCatalogue.detail.noDomain')
            : s.domains.map((d) => localized(d.name, i18n.language)).join(', ')}
        </Fact>
        <Fact label={t('solutionCatalogue.detail.ip')}>
          {t(`solutions.ip.${s.ipStatus}`, { defaultValue: s.ipStatus })}
        </Fact>
      </SimpleGrid>
      <Stack gap="lg" maw={820}>
        {s.description ? (
          <Section id="description" title={t('solutionCatalogue.detail.description')}>
            <Text lang={s.language} style={{ whiteSpace: 'pre-line' }}>
              {s.description}
            </Text>
          </Section>
        ) : null}
        {s.problem ? (
          <Section id="problem" title={t('solutionCatalogue.detail.problem')}>
            <Text lang={s.language} style={{ whiteSpace: 'pre-line' }}>
              {s.problem}
            </Text>
          </Section>
        ) : null}
        {s.targetUsers.length > 0 ? (
          <Section id="users" title={t('solutionCatalogue.detail.targetUsers')}>
            <List spacing="xs">
              {s.targetUsers.map((u) => (
                <List.Item key={u}>{t(`solutions.targetUsers.${u}`, { defaultValue: u })}</List.Item>
              ))}
            </List>
          </Section>
        ) : null}
        <Section id="challenges" title={t('solutionCatalogue.detail.challenges')}>
          {s.challenges.length === 0 ? (
            <Text c="dimmed">{t('solutionCatalogue.detail.noChallenge')}</Text>
          ) : (
            <Stack component="ul" gap="xs" className={classes.plainList}>
              {s.challenges.map((c) => (
                <Group component="li" key={c.code} gap="xs" wrap="wrap">
                  <Anchor href={challengeHref(c.slug)}>
                    {c.code} · {c.title}
                  </Anchor>
                  {s.trl === null ? null : (
                    <TrlFitBadge fits={c.fits} window={{ min: c.trlMin, max: c.trlMax }} size="sm" />
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Section>
        {s.references.length > 0 ? (
          <Section id="references" title={t('solutionCatalogue.detail.references')}>
            <List spacing="xs">
              {s.references.map((r) => (
                <List.Item key={`${r.year}-${r.country}-${r.description}`}>
                  <span lang={s.language}>{r.description}</span>{' '}
                  <Text span c="dimmed" size="sm" suppressHydrationWarning>
                    ({t(`solutions.clientTypes.${r.clientType}`, { defaultValue: r.clientType })},{' '}
                    {f.country(r.country)}, {r.year})
                  </Text>
                </List.Item>
              ))}
            </List>
          </Section>
        ) : null}
        {images.length > 0 || datasheets.length > 0 ? (
          <Section id="media" title={t('solutionCatalogue.detail.media')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {images.map((m) => (
                <figure key={m.id} style={{ margin: 0 }}>
                  <img
                    src={m.url}
                    alt={m.caption ?? t('solutionCatalogue.detail.imageOf', { name: s.name })}
                    className={classes.media}
                    loading="lazy"
                  />
                  {m.caption ? (
                    <Text component="figcaption" size="sm" c="dimmed">
                      {m.caption}
                    </Text>
                  ) : null}
                </figure>
              ))}
            </SimpleGrid>
            {datasheets.length > 0 ? (
              <List spacing="xs" mt="sm">
                {datasheets.map((m) => (
                  <List.Item key={m.id}>
                    <Anchor href={m.url}>
                      {m.caption ?? t('solutionCatalogue.detail.datasheet', { file: m.filename })}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Section>
        ) : null}
        {s.tags.length > 0 ? (
          <Section id="tags" title={t('solutionCatalogue.detail.tags')}>
            <Group gap="xs">
              {s.tags.map((tag) => (
                <Badge key={tag.id} variant="outline" color="gray" tt="none">
                  {tag.name}
                </Badge>
              ))}
            </Group>
          </Section>
        ) : null}
      </Stack>
    </Box>
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

/**
 * Head of a solution page: its name and pitch — as shown to anyone, so an owner whose identity is hidden
 * is never named in the title, description or Open Graph tags.
 */
export function solutionHead({ programme, solution }: SolutionDetailPageProps, t: TFunction) {
  const label = `${solution.name} (${solution.reference})`
  const description = solution.pitch
  return {
    title: t('solutionCatalogue.detail.documentTitle', { label, acronym: programme.acronym, app: t('app.name') }),
    description,
    ogTitle: solution.name,
    ogDescription: `${description} — ${t(`solutions.types.${solution.type}`)}${
      solution.trl === null ? '' : `, ${t('solutionCatalogue.card.trl', { level: solution.trl })}`
    }`,
  }
}
