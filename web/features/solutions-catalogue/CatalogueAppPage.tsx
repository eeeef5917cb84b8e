import { Alert, Skeleton, Stack } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { CatalogueFormValues } from '../../../shared/contracts/catalogue.ts'
import { useMe } from '../../app/session.ts'
import { ExportMenu as SharedExportMenu } from '../../design-system/ExportMenu.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { CatalogueResults } from './CatalogueResults.tsx'
import { CatalogueSearchForm } from './CatalogueSearchForm.tsx'
import { catalogueApi, catalogueKeys, exportUrl } from './client.ts'
import { appCataloguePath, emptyFormValues } from './links.ts'

const route = getRouteApi('/app/catalogue')

/**
 * The catalogue as a signed-in member sees it (members-only solutions and the owners disclosed to
 * programme members): the same API, search form, facets and cards as the public page, with exports.
 */
export function CatalogueAppPage() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const values: CatalogueFormValues = { ...emptyFormValues, ...search } as CatalogueFormValues
  const { page: _page, ...filters } = search
  const list = useQuery({
    queryKey: catalogueKeys.list(search),
    queryFn: () => catalogueApi.list(search),
    placeholderData: keepPreviousData,
  })
  const facets = useQuery({
    queryKey: catalogueKeys.facets(filters),
    queryFn: () => catalogueApi.facets(filters),
    placeholderData: keepPreviousData,
  })
  const go = (next: Partial<CatalogueFormValues>, page?: number) =>
    navigate({
      search: Object.fromEntries(
        Object.entries({ ...next, page: page && page > 1 ? page : undefined }).filter(
          ([, v]) => v !== '' && v !== undefined,
        ),
      ) as never,
    })
  return (
    <>
      <PageHeader
        title={t('solutionCatalogue.app.title')}
        description={t('solutionCatalogue.app.description')}
        actions={<ExportMenu values={values} />}
      />
      <Stack gap="xl">
        {facets.data ? (
          <CatalogueSearchForm
            key={JSON.stringify(filters)}
            action={appCataloguePath}
            values={values}
            facets={facets.data}
            onSubmit={(v) => go(v)}
          />
        ) : (
          <Skeleton height={160} />
        )}
        {list.error ? <Alert color="red">{t('solutionCatalogue.app.error')}</Alert> : null}
        {list.data ? (
          <CatalogueResults
            result={list.data}
            titleOf={(item) => (
              <AnchorLink to="/app/solutions/$solutionId" params={{ solutionId: item.id }}>
                {item.name}
              </AnchorLink>
            )}
            pageLink={(page, label, rel) => (
              <AnchorLink to="/app/catalogue" search={{ ...search, page } as never} rel={rel}>
                {label}
              </AnchorLink>
            )}
          />
        ) : (
          <Skeleton height={320} />
        )}
      </Stack>
    </>
  )
}

/** "Export" menu: the filtered catalogue as CSV or XLSX (every page), as the caller sees it. */
function ExportMenu({ values }: { values: CatalogueFormValues }) {
  const { t } = useTranslation()
  const { data: me } = useMe()
  if (!me?.abilities['solution.export']?.allowed) return null
  return (
    <SharedExportMenu
      href={(format) => exportUrl(format, values)}
      label={t('solutionCatalogue.app.export')}
      csvLabel={t('solutionCatalogue.app.exportCsv')}
      xlsxLabel={t('solutionCatalogue.app.exportXlsx')}
    />
  )
}
