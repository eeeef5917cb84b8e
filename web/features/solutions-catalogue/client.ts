import type { z } from 'zod'
import {
  type CatalogueFormValues,
  catalogueFacets,
  cataloguePage,
  type solutionImportInput,
  solutionImportPreview,
  solutionImportReport,
} from '../../../shared/contracts/catalogue.ts'
import { request } from '../../app/api.ts'

/** The typed client of the catalogue endpoints; exports are plain downloads (see `exportUrl`). */
const v1 = '/api/v1'

/** The app's search params (form names: `qlang` is the query's language) → the API's query. */
export function apiQuery(search: Partial<CatalogueFormValues> & { page?: number }) {
  const { qlang, ...rest } = search
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries({ ...rest, lang: qlang })) if (v !== undefined && v !== '') out[k] = v
  return out
}

export const catalogueApi = {
  list: (search: Partial<CatalogueFormValues> & { page?: number }) =>
    request('GET', `${v1}/solutions`, { query: apiQuery(search), schema: cataloguePage }),
  facets: (search: Partial<CatalogueFormValues>) => {
    const { sort: _sort, page: _page, ...filters } = apiQuery(search)
    return request('GET', `${v1}/solutions/facets`, { query: filters, schema: catalogueFacets })
  },
  preview: (file: string) =>
    request('POST', `${v1}/solutions/import/preview`, { body: { file }, schema: solutionImportPreview }),
  importSolutions: (body: z.input<typeof solutionImportInput>) =>
    request('POST', `${v1}/solutions/import`, { body, schema: solutionImportReport }),
}

/** The download URL of the filtered catalogue (every page). */
export function exportUrl(format: 'csv' | 'xlsx', search: Partial<CatalogueFormValues>) {
  const { page: _page, ...q } = apiQuery(search)
  const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()
  return `${v1}/solutions/export.${format}${qs ? `?${qs}` : ''}`
}

export const catalogueKeys = {
  list: (search: object) => ['solution-catalogue', 'list', search] as const,
  facets: (search: object) => ['solution-catalogue', 'facets', search] as const,
}
