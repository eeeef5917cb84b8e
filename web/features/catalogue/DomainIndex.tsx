import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { DomainIndexPageProps } from '../../../shared/contracts/challenges.ts'
import { localized } from '../../design-system/format.ts'
import { Breadcrumbs } from './Breadcrumbs.tsx'
import classes from './Catalogue.module.css'
import { domainHref } from './catalogue-links.ts'
import { DomainFacts } from './DomainDetail.tsx'

/** `/domains`: the programme's domains, each with its description and what is published in it. */
export function DomainIndex({ programme, domains }: DomainIndexPageProps) {
  const { t, i18n } = useTranslation()
  return (
    <Stack gap="xl">
      <Breadcrumbs items={[{ label: programme.acronym, href: '/' }, { label: t('catalogue.domains.title') }]} />
      <div>
        <Text fw={700} c="cascade.8" tt="uppercase" size="sm" mb={4}>
          {programme.acronym}
        </Text>
        <Title order={1} fz={{ base: 28, sm: 40 }} lh={1.15} mb="md">
          {t('catalogue.domains.title')}
        </Title>
        <Text fz={{ base: 'md', sm: 'lg' }} maw={760}>
          {t('catalogue.domains.intro', { acronym: programme.acronym, n: domains.length })}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" component="ul" className={classes.plainList}>
        {domains.map((d) => (
          <Card key={d.id} component="li" withBorder padding="lg" radius="md">
            <Stack gap="sm">
              <Group gap="xs">
                <Badge variant="filled" color="cascade">
                  {d.code}
                </Badge>
              </Group>
              <Title order={2} size="h3">
                <Anchor href={domainHref(d.code)}>{localized(d.name, i18n.language)}</Anchor>
              </Title>
              <Text size="sm">{localized(d.description, i18n.language)}</Text>
              <DomainFacts domain={d} compact />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Anchor href="/challenges">{t('catalogue.browseAll')}</Anchor>
    </Stack>
  )
}

/** Head of `/domains`, in the page's language. */
export function domainIndexHead({ programme, domains }: DomainIndexPageProps, locale: string, t: TFunction) {
  const label = t('catalogue.domains.headTitle', { acronym: programme.acronym })
  const description = t('catalogue.domains.description', {
    acronym: programme.acronym,
    names: domains.map((d) => localized(d.name, locale)).join(', '),
  })
  return {
    title: t('programme.documentTitle', { label, app: t('app.name') }),
    description,
    ogTitle: label,
    ogDescription: description,
  }
}
