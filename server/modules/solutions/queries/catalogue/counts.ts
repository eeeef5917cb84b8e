import { sql } from 'kysely'
import type { FacetName } from '../../../../../shared/contracts/catalogue.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { activeFacets, catalogueRows, type ListingClass, listingClass, type ResolvedFilters } from './filters.ts'

/**
 * Counts from the precomputed table (migration 0014, catalogue_counts): per listing class, how many
 * published solutions have each facet value — overall, or among those with one value of another facet.
 * Exact: the pending deltas of recent writes are added in the same statement.
 */
export type CountRow = { facet: string; value: string; n: number }

/** Filters whose single value (or TRL range) has precomputed counts; a tag, a call or a text query is counted live. */
const byFacets: readonly FacetName[] = ['type', 'trl', 'country', 'sme', 'domain', 'challenge']

/** The by-values of a filter as stored (ids as text, TRL levels "1"…"9"). */
export function byValues(r: ResolvedFilters, f: FacetName): string[] {
  switch (f) {
    case 'type':
      return [r.type!]
    case 'country':
      return [r.country!]
    case 'sme':
      return [r.sme!]
    case 'domain':
      return [r.domainId!]
    case 'challenge':
      return [r.challengeId!]
    case 'trl': {
      const out: string[] = []
      for (let l = r.trlMin ?? 1; l <= (r.trlMax ?? 9); l++) out.push(String(l))
      return out
    }
    default:
      return []
  }
}

/** Whether counts over the catalogue filtered by `filters` (and nothing else) are precomputed. */
export function precomputed(r: ResolvedFilters, filters: FacetName[]): boolean {
  if (r.text || r.domainId === null || r.challengeId === null || r.call !== undefined) return false
  return filters.length === 0 || (filters.length === 1 && byFacets.includes(filters[0]!))
}

export async function readCounts(
  db: Queryable,
  klass: Exclude<ListingClass, 'none'>,
  r: ResolvedFilters,
  by: FacetName | null,
  facets: string[],
): Promise<CountRow[]> {
  const byFacet = by ?? ''
  const values = by ? byValues(r, by) : ['']
  const where = sql`klass = ${klass} and by_facet = ${byFacet} and by_value = any(${values}::text[]) and facet = any(${facets}::text[])`
  const { rows } = await sql<{ facet: string; value: string; n: string }>`
    select facet, value, sum(n) as n from (
      select facet, value, n from catalogue_counts where ${where}
      union all
      select facet, value, n from catalogue_count_deltas where ${where}
    ) x group by facet, value`.execute(db)
  return rows.map((x) => ({ facet: x.facet, value: x.value, n: Number(x.n) })).filter((x) => x.n !== 0)
}

/**
 * Folds the pending deltas into the counts when they have piled up (every write appends some), so
 * reads stay quick; one compaction at a time, skipped while another runs. Bulk writers (the importer,
 * the benchmark) call it when they are done.
 */
export async function compactCounts(db: Queryable, threshold = 10_000): Promise<void> {
  const { rows } = await sql<{ pending: string | null }>`
    select max(id) - min(id) + 1 as pending from catalogue_count_deltas`.execute(db)
  if (Number(rows[0]?.pending ?? 0) < threshold) return
  await sql`select catalogue_counts_compact()`.execute(db)
}

/** How many solutions match (the list's total): precomputed for no filter or one, else counted. */
export async function countCatalogue(db: Queryable, actor: Actor, r: ResolvedFilters): Promise<number> {
  const klass = listingClass(actor)
  if (klass === 'none') return 0
  const active = activeFacets(r)
  if (precomputed(r, active)) {
    const rows = await readCounts(db, klass, r, active[0] ?? null, ['total'])
    return rows.reduce((s, x) => s + x.n, 0)
  }
  const row = await catalogueRows(db, actor, r)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
