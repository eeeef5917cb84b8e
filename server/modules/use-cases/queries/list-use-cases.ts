import { sql } from 'kysely'
import type { z } from 'zod'
import type { Page } from '../../../../shared/contracts/common.ts'
import type { UseCaseSummary, useCaseListQuery } from '../../../../shared/contracts/use-cases.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { selectSummaries, tagsOf, toSummary } from './use-case-view.ts'

export type UseCaseListQuery = z.output<typeof useCaseListQuery>

const sortColumns = {
  updatedAt: sql`uc.updated_at`,
  createdAt: sql`uc.created_at`,
  title: sql`lower(uc.title)`,
  reference: sql`uc.reference`,
} as const

export type UseCaseFilters = Omit<UseCaseListQuery, 'page' | 'pageSize' | 'sort'>

/** The visible summaries matching the list's filters: the list and the export both start here. */
export function filteredSummaries(ctx: CommandContext, query: UseCaseFilters) {
  let base = selectSummaries(ctx.db, ctx.actor)
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    base = base.where((eb) => eb.or([eb('uc.title', 'ilike', pattern), eb('uc.reference', 'ilike', pattern)]))
  }
  if (query.status) base = base.where('uc.status', '=', query.status)
  if (query.domain) base = base.where('uc.domain_id', '=', query.domain)
  if (query.organisation) base = base.where('uc.organisation_id', '=', query.organisation)
  if (query.confidentiality) base = base.where('uc.confidentiality', '=', query.confidentiality)
  if (query.workshop) base = base.where('uc.workshop_id', '=', query.workshop)
  return base
}

/** The list's sort (`-updatedAt` etc.), ties broken by id so pages are stable. */
export function sorted(base: ReturnType<typeof filteredSummaries>, sort: string) {
  const descending = sort.startsWith('-')
  const field = (descending ? sort.slice(1) : sort) as keyof typeof sortColumns
  return base.orderBy(sortColumns[field], descending ? 'desc' : 'asc').orderBy('uc.id')
}

/** The use cases the caller may see, searched, filtered, sorted and paged; the total counts only those. */
export async function listUseCases(ctx: CommandContext, query: UseCaseListQuery): Promise<Page<UseCaseSummary>> {
  authorize(ctx.actor, 'use_case.view')
  const base = filteredSummaries(ctx, query)
  const [rows, total] = await Promise.all([
    sorted(base, query.sort)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ])
  const tags = await tagsOf(
    ctx.db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((r) => toSummary(r, tags.get(r.id)!)),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}
