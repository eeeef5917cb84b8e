import { csvRecords } from './csv.ts'

/** One taxonomy as committed in server/seed/taxonomies/<id>.json (our seed data; names are facts). */
export interface TaxonomyFile {
  id: string
  name: string
  source: string
  licence: string
  terms: { code: string; name: string; kind: string | null; parentCode: string | null }[]
}

const tidy = (s: string) => s.trim().replace(/\s+/g, ' ')

/** JRC cybersecurity taxonomy: id, dimension (domain, subdomain, sector, technology_use_case), name, parentId. */
export function jrcTerms(csv: string): TaxonomyFile['terms'] {
  return csvRecords(csv).map((r) => ({
    code: r.id!,
    name: tidy(r.name!),
    kind: r.dimension!,
    parentCode: r.parentId || null,
  }))
}

/**
 * MISP taxonomies: a row without `value` is a predicate (a group), a row with one is a term of that
 * group. Term codes are `predicate:value`, so equal values in two groups stay apart.
 */
export function mispTerms(csv: string, kinds: { group: string; term: string }): TaxonomyFile['terms'] {
  return csvRecords(csv).map((r) => {
    const name = tidy(r.expanded || r.value || r.predicate!).replace(/\.$/, '')
    if (!r.value) return { code: r.predicate!, name, kind: kinds.group, parentCode: null }
    return { code: `${r.predicate}:${r.value}`, name, kind: kinds.term, parentCode: r.predicate! }
  })
}
