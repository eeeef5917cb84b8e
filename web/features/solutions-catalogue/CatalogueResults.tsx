import { Anchor, Box, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CatalogueItem, CataloguePage } from '../../../shared/contracts/catalogue.ts'
import { SolutionCard } from './SolutionCard.tsx'

/**
 * The results of a catalogue search: how many, the cards, and paging links (plain links: they work
 * without JavaScript; the app passes router-aware ones).
 */
export function CatalogueResults({
  result,
  titleOf,
  pageLink,
  linkProfiles = false,
}: {
  result: CataloguePage
  /** The name of a solution as a link to its page. */
  titleOf: (item: CatalogueItem) => ReactNode
  pageLink: (page: number, label: string, rel: 'prev' | 'next') => ReactNode
  linkProfiles?: boolean
}) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  return (
    <Box component="section" aria-labelledby="results-title">
      <Title order={2} id="results-title" size="h4" mb={4}>
        {t('solutionCatalogue.found', { count: result.total })}
      </Title>
      {result.queryLanguage ? (
        <Text size="sm" c="dimmed" mb="md">
          {t('solutionCatalogue.rankedIn', { language: t(`solutions.languages.${result.queryLanguage}`) })}
        </Text>
      ) : (
        <Box mb="md" />
      )}
      {result.items.length === 0 ? (
        <Text c="dimmed">{t('solutionCatalogue.none')}</Text>
      ) : (
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {result.items.map((item) => (
            <SolutionCard
              key={item.id}
              item={item}
              window={result.trlWindow}
              title={titleOf(item)}
              linkProfiles={linkProfiles}
            />
          ))}
        </Stack>
      )}
      {pages > 1 ? (
        <Box component="nav" aria-label={t('solutionCatalogue.pagination.label')} mt="lg">
          <Group gap="sm" justify="space-between" wrap="wrap">
            {result.page > 1 ? pageLink(result.page - 1, t('solutionCatalogue.pagination.previous'), 'prev') : <span />}
            <Text size="sm" aria-current="page">
              {t('solutionCatalogue.pagination.page', { page: result.page, pages })}
            </Text>
            {result.page < pages ? pageLink(result.page + 1, t('solutionCatalogue.pagination.next'), 'next') : <span />}
          </Group>
        </Box>
      ) : null}
    </Box>
  )
}

export function PlainPageLink({ href, label, rel }: { href: string; label: string; rel: 'prev' | 'next' }) {
  return (
    <Anchor href={href} rel={rel}>
      {label}
    </Anchor>
  )
}
