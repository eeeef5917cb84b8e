import type { CatalogueFilters } from '../../../shared/contracts/challenges.ts'

/** The catalogue's URL for some filters and a page; empty filters are left out. */
export function catalogueHref(filters: Partial<CatalogueFilters>, page = 1): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v)
  if (page > 1) params.set('page', String(page))
  const qs = params.toString()
  return qs ? `/challenges?${qs}` : '/challenges'
}

export function challengeHref(slug: string): string {
  return `/challenges/${encodeURIComponent(slug)}`
}

export const domainsHref = '/domains'

/** A domain's page, one of its result pages after the first. */
export function domainHref(code: string, page = 1): string {
  const path = `/domains/${encodeURIComponent(code)}`
  return page > 1 ? `${path}?page=${page}` : path
}
