import { Anchor, Box, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { SolutionListPageProps } from '../../../shared/contracts/catalogue.ts'
import { Breadcrumbs } from '../catalogue/Breadcrumbs.tsx'
import { CatalogueResults, PlainPageLink } from './CatalogueResults.tsx'
import { CatalogueSearchForm } from './CatalogueSearchForm.tsx'
import { solutionHref, solutionsHref, solutionsPath } from './links.ts'

/** The public solution catalogue (server-rendered): search form with facet counts, results, paging. */
export function SolutionList({ programme, filters, result, facets }: SolutionListPageProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="xl">
      <Breadcrumbs items={[{ label: programme.acronym, href: '/' }, { label: t('solutionCatalogue.title') }]} />
      <Box component="section" aria-labelledby="catalogue-title">
        <Text fw={700} c="cascade.8" tt="uppercase" size="sm" mb={4}>
          {programme.acronym}
        </Text>
        <Title order={1} id="catalogue-title" fz={{ base: 28, sm: 40 }} lh={1.15} mb="md">
          {t('solutionCatalogue.title')}
        </Title>
        <Text fz={{ base: 'md', sm: 'lg' }} maw={760} mb="lg">
          {t('solutionCatalogue.intro', { acronym: programme.acronym })}
        </Text>
        <CatalogueSearchForm action={solutionsPath} values={filters} facets={facets} />
      </Box>
      <CatalogueResults
        result={result}
        linkProfiles
        titleOf={(item) => <Anchor href={solutionHref(item.reference)}>{item.name}</Anchor>}
        pageLink={(page, label, rel) => <PlainPageLink href={solutionsHref(filters, page)} label={label} rel={rel} />}
      />
    </Stack>
  )
}

/** Head of the catalogue page, in the page's language. */
export function solutionListHead(props: SolutionListPageProps, t: TFunction) {
  const label = t('solutionCatalogue.headTitle', { acronym: props.programme.acronym })
  const description = t('solutionCatalogue.description', { acronym: props.programme.acronym })
  return {
    title: t('programme.documentTitle', { label, app: t('app.name') }),
    description,
    ogTitle: label,
    ogDescription: description,
  }
}
