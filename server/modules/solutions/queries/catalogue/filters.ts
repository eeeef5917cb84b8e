import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { CatalogueFilterQuery, FacetName } from '../../../../../shared/contracts/catalogue.ts'
import type { TrlWindow } from '../../../../../shared/contracts/trl.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { isBroker, isPlatformMember } from '../../../organisations/domain/disclosure.ts'
import { listedCallByCode } from '../trl-window.ts'
import { visibleSolutions } from '../visibility.ts'
import { ownerShownSql } from './disclosure-sql.ts'
import { matches, resolveTextSearch, type TextSearch } from './search.ts'

/**
 * The catalogue's filters, resolved once per request: codes become ids (an unknown code matches
 * nothing), and every filter is a condition on the solution row itself — owner country and SME status,
 * domains, challenges and tags are copied onto it (migration 0014), so no join is needed.
 */
export interface ResolvedFilters {
  text: TextSearch | null
  /** null: a code that names nothing (the list is then empty). */
  domainId?: string | null
  challengeId?: string | null
  trlMin?: number
  trlMax?: number
  type?: string
  country?: string
  sme?: string
  tag?: string
  /** The call in context: its window and the challenges in its scope (null: a code that names no listed call). */
  call?: { window: TrlWindow; challengeIds: string[] } | null
}

export async function resolveFilters(db: Queryable, f: CatalogueFilterQuery): Promise<ResolvedFilters> {
  const [text, domain, challenge, call] = await Promise.all([
    resolveTextSearch(db, f.q, f.lang),
    f.domain
      ? db.selectFrom('domains').select('id').where(sql`upper(code)`, '=', f.domain.toUpperCase()).executeTakeFirst()
      : undefined,
    f.challenge
      ? db
          .selectFrom('challenges')
          .select('id')
          .where('status', '=', 'published')
          .where(sql`upper(code)`, '=', f.challenge.toUpperCase())
          .executeTakeFirst()
      : undefined,
    f.call ? listedCallByCode(db, f.call) : undefined,
  ])
  const out: ResolvedFilters = { text }
  if (f.domain) out.domainId = domain?.id ?? null
  if (f.challenge) out.challengeId = challenge?.id ?? null
  if (f.trlMin !== undefined) out.trlMin = f.trlMin
  if (f.trlMax !== undefined) out.trlMax = f.trlMax
  if (f.type) out.type = f.type
  if (f.country) out.country = f.country
  if (f.sme) out.sme = f.sme
  if (f.tag) out.tag = f.tag
  if (f.call) out.call = call ? { window: call.window, challengeIds: call.challengeIds } : null
  return out
}

/** The facets whose filter is set. */
export function activeFacets(r: ResolvedFilters): FacetName[] {
  const out: FacetName[] = []
  if (r.domainId !== undefined) out.push('domain')
  if (r.challengeId !== undefined) out.push('challenge')
  if (r.trlMin !== undefined || r.trlMax !== undefined) out.push('trl')
  if (r.type !== undefined) out.push('type')
  if (r.country !== undefined) out.push('country')
  if (r.sme !== undefined) out.push('sme')
  if (r.tag !== undefined) out.push('tag')
  return out
}

/**
 * Each set filter as its own condition on `s` (plain comparisons, so the planner estimates and indexes
 * them; a row without a TRL or an SME status does not pass such a filter).
 */
export function facetConditions(r: ResolvedFilters): Map<FacetName, RawBuilder<SqlBool>> {
  const c = new Map<FacetName, RawBuilder<SqlBool>>()
  const none = sql<SqlBool>`false`
  const has = (column: string, id: string) => sql<SqlBool>`${sql.ref(column)} @> array[${id}]::uuid[]`
  if (r.domainId !== undefined) c.set('domain', r.domainId === null ? none : has('s.domain_ids', r.domainId))
  if (r.challengeId !== undefined)
    c.set('challenge', r.challengeId === null ? none : has('s.challenge_ids', r.challengeId))
  if (r.trlMin !== undefined || r.trlMax !== undefined) {
    if (r.trlMin !== undefined) c.set('trl', sql<SqlBool>`s.assessed_trl >= ${r.trlMin}`)
    if (r.trlMax !== undefined) {
      const max = sql<SqlBool>`s.assessed_trl <= ${r.trlMax}`
      c.set('trl', r.trlMin === undefined ? max : sql<SqlBool>`${c.get('trl')!} and ${max}`)
    }
  }
  if (r.type !== undefined) c.set('type', sql<SqlBool>`s.type = ${r.type}`)
  if (r.country !== undefined) c.set('country', sql<SqlBool>`s.owner_country = ${r.country}`)
  if (r.sme !== undefined) c.set('sme', sql<SqlBool>`s.owner_sme = ${r.sme}`)
  if (r.tag !== undefined) c.set('tag', has('s.tag_ids', r.tag))
  return c
}

/** The call is not a facet: it narrows every count, always (and is counted live, see `precomputed`). */
function callCondition(call: ResolvedFilters['call']): RawBuilder<SqlBool> {
  if (!call || call.challengeIds.length === 0) return sql<SqlBool>`false`
  return sql<SqlBool>`s.challenge_ids && array[${sql.join(call.challengeIds)}]::uuid[]`
}

/**
 * The filters as one condition on `s`, leaving out `except` (a facet is counted without its own
 * filter); `shown`: which owners the caller may know (for the text query, see `matches`).
 */
export function filterCondition(r: ResolvedFilters, shown: RawBuilder<boolean> | null, except?: FacetName) {
  const c: Expression<SqlBool>[] = []
  if (r.text) c.push(matches(r.text, shown))
  if (r.call !== undefined) c.push(callCondition(r.call))
  for (const [f, cond] of facetConditions(r)) if (f !== except) c.push(cond)
  return c.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(c, sql` and `)})`
}

/**
 * The catalogue: the published solutions the caller may see (visibleSolutions, THE rule, narrowed to
 * what is published — drafts stay in their organisation's own list), filtered.
 */
export function catalogueRows(db: Queryable, actor: Actor, r: ResolvedFilters, except?: FacetName) {
  return visibleSolutions(db, actor)
    .where('s.status', '=', 'published')
    .where(filterCondition(r, ownerShownSql(actor), except))
}

/**
 * Which published solutions a caller sees depends only on its class: platform members and brokers
 * see every published one, everyone else the public and anonymous ones (a member's own solutions are
 * among the published ones it sees anyway). Precomputed counts are kept per class.
 */
export type ListingClass = 'all' | 'public' | 'none'
export function listingClass(actor: Actor): ListingClass {
  if (actor.kind !== 'system' && actor.disabled) return 'none'
  return isBroker(actor) || isPlatformMember(actor) ? 'all' : 'public'
}
