import { type RawBuilder, sql } from 'kysely'
import {
  type CatalogueFacets,
  type CatalogueFilterQuery,
  type FacetName,
  facetNames,
  facetTagLimit,
} from '../../../../../shared/contracts/catalogue.ts'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { visibleSolutions } from '../visibility.ts'
import { compactCounts, precomputed, readCounts } from './counts.ts'
import { ownerShownSql } from './disclosure-sql.ts'
import { activeFacets, filterCondition, listingClass, type ResolvedFilters, resolveFilters } from './filters.ts'

/** Per facet: how its values are counted over the filtered rows (`base`). */
function facetSql(f: FacetName): RawBuilder<unknown> {
  switch (f) {
    case 'type':
      return sql`select 'type', type, count(*) from base group by 2`
    case 'trl':
      return sql`select 'trl', assessed_trl::text, count(*) from base where assessed_trl is not null group by 2`
    case 'country':
      return sql`select 'country', owner_country::text, count(*) from base where owner_country is not null group by 2`
    case 'sme':
      return sql`select 'sme', owner_sme, count(*) from base where owner_sme is not null group by 2`
    case 'domain':
      return sql`select 'domain', d::text, count(*) from base, unnest(domain_ids) d group by 2`
    case 'challenge':
      return sql`select 'challenge', d::text, count(*) from base, unnest(challenge_ids) d group by 2`
    case 'tag':
      return sql`(select 'tag', d::text, count(*) from base, unnest(tag_ids) d
        group by 2 order by 3 desc, 2 limit ${sql.lit(facetTagLimit)})`
  }
}

export type FacetCounts = { facet: string; value: string; n: number }[]
export interface LiveGroup {
  /** The filter this group is counted without (undefined: with every filter). */
  except: FacetName | undefined
  facets: FacetName[]
  total: boolean
}

/**
 * Counts of groups of facets over the catalogue, each group filtered by every filter but its `except`:
 * one statement per group (run side by side), which reads its filtered rows once — an index-only scan of
 * solutions_listing_idx when no text is searched — and groups them per facet.
 */
export async function countLive(
  db: Queryable,
  actor: Actor,
  r: ResolvedFilters,
  groups: LiveGroup[],
): Promise<FacetCounts> {
  return (await Promise.all(groups.map((g) => countGroup(db, actor, r, g)))).flat()
}

async function countGroup(db: Queryable, actor: Actor, r: ResolvedFilters, g: LiveGroup): Promise<FacetCounts> {
  const base = visibleSolutions(db, actor)
    .where('s.status', '=', 'published')
    .where(filterCondition(r, ownerShownSql(actor), g.except))
    .select([
      's.type',
      's.assessed_trl',
      's.owner_country',
      's.owner_sme',
      's.domain_ids',
      's.challenge_ids',
      's.tag_ids',
    ])
  const parts: RawBuilder<unknown>[] = g.facets.map(facetSql)
  if (g.total) parts.push(sql`select 'total', '', count(*) from base`)
  // The chosen tag keeps its count even when it is not among the most frequent.
  if (g.facets.includes('tag') && r.tag) {
    parts.push(sql`select 'tag', ${r.tag}, count(*) from base where tag_ids @> array[${r.tag}]::uuid[]`)
  }
  if (parts.length === 0) return []
  const { rows } = await sql<{ facet: string; value: string; n: string }>`with base as materialized (${base})
    select facet, value, n from (${sql.join(parts, sql` union all `)}) as counted (facet, value, n)`.execute(db)
  return rows.map((x) => ({ facet: x.facet, value: x.value, n: Number(x.n) }))
}

/**
 * The facet counts of the catalogue for these filters: each facet counted over the list filtered by
 * every OTHER filter (its own values stay visible when one is chosen). Only counts and values that
 * identify no one: never an owner's name.
 *
 * Each facet (and the total) is read where it is cheapest: the precomputed counts when the filters it
 * depends on are none or a single one (catalogue_counts, migration 0014), else counted live on the
 * filtered rows — facets that share their filters in one statement.
 */
export async function catalogueFacets(db: Queryable, actor: Actor, f: CatalogueFilterQuery): Promise<CatalogueFacets> {
  const r = await resolveFilters(db, f)
  const klass = listingClass(actor)
  if (klass === 'none') return labelFacets(db, [], r)
  await compactCounts(db)
  const active = activeFacets(r)
  const pre = new Map<string, { by: FacetName | null; facets: string[] }>()
  const live = new Map<string, LiveGroup>()
  for (const g of [...facetNames, 'total' as const]) {
    const others = active.filter((a) => a !== g)
    if (precomputed(r, others)) {
      const by = others[0] ?? null
      const job = pre.get(by ?? '') ?? { by, facets: [] }
      job.facets.push(g)
      pre.set(by ?? '', job)
    } else {
      const except = g !== 'total' && active.includes(g) ? g : undefined
      const job = live.get(except ?? '') ?? { except, facets: [], total: false }
      if (g === 'total') job.total = true
      else job.facets.push(g)
      live.set(except ?? '', job)
    }
  }
  const counted = (
    await Promise.all([
      ...[...pre.values()].map((j) => readCounts(db, klass, r, j.by, j.facets).then((rows) => topTags(rows, r))),
      countLive(db, actor, r, [...live.values()]),
    ])
  ).flat()
  return labelFacets(db, counted, r)
}

/** Precomputed tag counts hold every tag: keep the most frequent ones (and the chosen one), as the live count does. */
function topTags(rows: FacetCounts, r: ResolvedFilters): FacetCounts {
  const tags = rows.filter((x) => x.facet === 'tag' && x.n > 0)
  if (tags.length === 0) return rows
  const keep = new Set(
    tags
      .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value))
      .slice(0, facetTagLimit)
      .map((x) => x.value),
  )
  if (r.tag) keep.add(r.tag)
  return rows.filter((x) => x.facet !== 'tag' || keep.has(x.value))
}

/** Turns raw counts into the contract, with labels; the chosen value of each filter is always listed. */
export async function labelFacets(db: Queryable, counted: FacetCounts, r: ResolvedFilters): Promise<CatalogueFacets> {
  const by = (facet: string) => {
    const m = new Map<string, number>()
    // '' stands for "none" (no TRL yet, no SME status): not a value to filter on.
    for (const c of counted) {
      if (c.facet === facet && c.n > 0 && c.value !== '') m.set(c.value, Math.max(c.n, m.get(c.value) ?? 0))
    }
    return m
  }
  const [domains, challenges, tagRows] = await Promise.all([
    db.selectFrom('domains').select(['id', 'code', 'name', 'position']).orderBy('position').execute(),
    db
      .selectFrom('challenges')
      .select(['id', 'code', 'title'])
      .where('status', '=', 'published')
      .orderBy(sql`length(code)`)
      .orderBy('code')
      .execute(),
    (async () => {
      const ids = [...new Set([...by('tag').keys(), ...(r.tag ? [r.tag] : [])])]
      return ids.length === 0
        ? []
        : db.selectFrom('taxonomy_terms').select(['id', 'name']).where('id', 'in', ids).execute()
    })(),
  ])
  const sortByCount = <T extends { value: string; count: number }>(xs: T[]) =>
    xs.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  const simple = (facet: FacetName, chosen: string | undefined) => {
    const m = by(facet)
    if (chosen && !m.has(chosen)) m.set(chosen, 0)
    return [...m].map(([value, count]) => ({ value, count }))
  }

  const domainCounts = by('domain')
  const chosenDomain = r.domainId ?? undefined
  const challengeCounts = by('challenge')
  const chosenChallenge = r.challengeId ?? undefined
  const tagCounts = by('tag')
  const tagNames = new Map(tagRows.map((t) => [t.id, t.name]))
  const total = counted.find((c) => c.facet === 'total')?.n ?? 0

  return {
    total,
    domain: domains
      .filter((d) => domainCounts.has(d.id) || d.id === chosenDomain)
      .map((d) => ({ value: d.code, label: d.name as LocalizedText, count: domainCounts.get(d.id) ?? 0 })),
    challenge: challenges
      .filter((c) => challengeCounts.has(c.id) || c.id === chosenChallenge)
      .map((c) => ({ value: c.code, label: c.title, count: challengeCounts.get(c.id) ?? 0 })),
    type: sortByCount(simple('type', r.type)),
    trl: simple('trl', undefined).sort((a, b) => Number(a.value) - Number(b.value)),
    country: sortByCount(simple('country', r.country)),
    sme: ['micro', 'small', 'medium', 'not_sme']
      .map((value) => ({ value, count: by('sme').get(value) ?? 0 }))
      .filter((x) => x.count > 0 || x.value === r.sme),
    tag: sortByCount(
      [...new Set([...tagCounts.keys(), ...(r.tag ? [r.tag] : [])])]
        .filter((id) => tagNames.has(id))
        .map((id) => ({ value: id, label: tagNames.get(id)!, count: tagCounts.get(id) ?? 0 })),
    ),
  }
}
