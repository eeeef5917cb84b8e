import type { CatalogueFormValues } from '../../../shared/contracts/catalogue.ts'

export const solutionsPath = '/solutions'
export const appCataloguePath = '/app/catalogue'

/** The catalogue's query string for some filters and a page; empty values are left out. */
export function catalogueSearch(filters: Partial<CatalogueFormValues>, page = 1): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v)
  if (page > 1) params.set('page', String(page))
  const qs = params.toString()
  return qs ? `?${qs}` : ''
}

/** The public catalogue's URL for some filters and a page. */
export function solutionsHref(filters: Partial<CatalogueFormValues>, page = 1): string {
  return `${solutionsPath}${catalogueSearch(filters, page)}`
}

/** A solution's public, shareable page. */
export function solutionHref(reference: string): string {
  return `${solutionsPath}/${encodeURIComponent(reference)}`
}

/** An organisation's public page (by its public reference). */
export function organisationHref(publicRef: string): string {
  return `/organisations/${encodeURIComponent(publicRef)}`
}

export const emptyFormValues: CatalogueFormValues = {
  q: '',
  qlang: '',
  domain: '',
  challenge: '',
  trlMin: '',
  trlMax: '',
  type: '',
  country: '',
  sme: '',
  tag: '',
  sort: '',
}

/** A query (API names: `lang` is the query's language) as the form's strings. */
export function formValuesOf(q: Record<string, string | number | undefined | null>): CatalogueFormValues {
  const out = { ...emptyFormValues }
  for (const k of Object.keys(out) as (keyof CatalogueFormValues)[]) {
    const v = k === 'qlang' ? q.lang : q[k]
    out[k] = v === undefined || v === null ? '' : String(v)
  }
  return out
}
