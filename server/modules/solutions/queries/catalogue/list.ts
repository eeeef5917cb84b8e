import { sql } from 'kysely'
import type { CataloguePage, CatalogueQuery, CatalogueSort } from '../../../../../shared/contracts/catalogue.ts'
import type { TrlWindow } from '../../../../../shared/contracts/trl.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { programmeTrlWindow } from '../trl-window.ts'
import { countCatalogue } from './counts.ts'
import { ownerShownSql } from './disclosure-sql.ts'
import { catalogueRows, type ResolvedFilters, resolveFilters } from './filters.ts'
import { relevance } from './search.ts'
import { loadRows, toItems } from './view.ts'

/** Relevance needs a query; without one the list is newest first. */
export function effectiveSort(sort: CatalogueSort | undefined, r: ResolvedFilters): CatalogueSort {
  if (sort === 'relevance' || sort === undefined) return r.text ? 'relevance' : 'newest'
  return sort
}

/**
 * The ids of the matching solutions in the requested order. The owner sort orders by the owner as the
 * caller sees it: disclosed names A–Z first, then the solutions whose owner is hidden — by their own
 * name, never by the hidden one.
 */
export function orderedIds(db: Queryable, actor: Actor, r: ResolvedFilters, sort: CatalogueSort) {
  const base = catalogueRows(db, actor, r)
  switch (sort) {
    case 'relevance':
      return base
        .select('s.id')
        .orderBy(relevance(r.text!, ownerShownSql(actor)), 'desc')
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id')
    case 'name':
      return base.select('s.id').orderBy(sql`lower(s.name)`).orderBy('s.id')
    case 'trl':
      return base
        .select('s.id')
        .orderBy(sql`s.assessed_trl desc nulls last`)
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id')
    case 'owner': {
      // Owners the caller may know first, by name; then the others, by the solution's own name.
      const shown = ownerShownSql(actor)
      const q = base.innerJoin('organisations as o', 'o.id', 's.organisation_id').select('s.id')
      return shown
        ? q
            .orderBy(sql`${shown} desc`)
            .orderBy(sql`case when ${shown} then lower(coalesce(o.short_name, o.legal_name)) end`)
            .orderBy(sql`lower(s.name)`)
            .orderBy('s.id')
        : q.orderBy(sql`lower(coalesce(o.short_name, o.legal_name))`).orderBy(sql`lower(s.name)`).orderBy('s.id')
    }
    default:
      return base.select('s.id').orderBy('s.created_at', 'desc').orderBy('s.id')
  }
}

/** The badge's window: the call's when the catalogue is filtered by one, else the programme's. */
export async function catalogueWindow(db: Queryable, r: ResolvedFilters): Promise<TrlWindow> {
  return r.call ? { ...r.call.window } : programmeTrlWindow(db)
}

/** One page of the catalogue with its total: search, filters, sort, paging. */
export async function listCatalogue(db: Queryable, actor: Actor, query: CatalogueQuery): Promise<CataloguePage> {
  const r = await resolveFilters(db, query)
  const sort = effectiveSort(query.sort, r)
  const offset = (query.page - 1) * query.pageSize
  let ids: string[]
  let total: number
  if (sort === 'relevance') {
    // Ranking reads every match anyway: count them in the same pass.
    // The rank is computed under the window so that only (id, rank, date) are buffered, not whole rows
    // (OFFSET 0 keeps the planner from flattening the subquery into the window's input).
    const matched = catalogueRows(db, actor, r)
      .select(['s.id', 's.created_at', relevance(r.text!, ownerShownSql(actor)).as('rank')])
      .offset(0)
    const page = await db
      .selectFrom(matched.as('m'))
      .select(['m.id', sql<string>`count(*) over ()`.as('total')])
      .orderBy('m.rank', 'desc')
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id')
      .limit(query.pageSize)
      .offset(offset)
      .execute()
    ids = page.map((p) => p.id)
    total = page.length > 0 ? Number(page[0]!.total) : offset === 0 ? 0 : await countCatalogue(db, actor, r)
  } else {
    const [page, n] = await Promise.all([
      orderedIds(db, actor, r, sort).limit(query.pageSize).offset(offset).execute(),
      countCatalogue(db, actor, r),
    ])
    ids = page.map((p) => p.id)
    total = n
  }
  const [rows, window] = await Promise.all([loadRows(db, ids, r.text), catalogueWindow(db, r)])
  return {
    items: await toItems(db, actor, rows, window),
    total,
    page: query.page,
    pageSize: query.pageSize,
    sort,
    queryLanguage: r.text?.language ?? null,
    trlWindow: window,
  }
}
