import { sql } from 'kysely'
import type { z } from 'zod'
import type { Page } from '../../../../shared/contracts/common.ts'
import type { Organisation, organisationListQuery } from '../../../../shared/contracts/organisations.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isBroker } from '../domain/disclosure.ts'
import { selectOrganisations, toOrganisation } from './organisation-view.ts'

export type OrganisationListQuery = z.output<typeof organisationListQuery>

const sortColumns = {
  legalName: sql`lower(o.legal_name)`,
  country: sql`o.country`,
  createdAt: sql`o.created_at`,
} as const

/** `%` and `_` in a search are letters, not wildcards (backslash is PostgreSQL's default LIKE escape). */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Organisations, searched, filtered, sorted and paged. With `mine` anyone signed in lists their own;
 * otherwise the caller needs `organisation.list` (operators, cluster staff). Both see identities
 * (their own organisations; brokers see every one), so searching and sorting by name reveal nothing.
 */
export async function listOrganisations(
  ctx: CommandContext,
  query: OrganisationListQuery,
): Promise<Page<Organisation>> {
  authorize(ctx.actor, query.mine ? 'account.view' : 'organisation.list')
  const base = filteredOrganisations(ctx, query)
  const descending = query.sort.startsWith('-')
  const field = (descending ? query.sort.slice(1) : query.sort) as keyof typeof sortColumns
  const [rows, total] = await Promise.all([
    base
      .orderBy(sortColumns[field], descending ? 'desc' : 'asc')
      .orderBy('o.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => toOrganisation(r, ctx.actor)),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** The organisations a list or an export answers: the same filters for both (no paging, no sort). */
export function filteredOrganisations(
  ctx: CommandContext,
  query: Omit<OrganisationListQuery, 'page' | 'pageSize' | 'sort'>,
) {
  const userId = ctx.actor.userId
  let base = selectOrganisations(ctx.db, userId)
  // Only brokers list organisations they do not belong to (the route already asks for organisation.list).
  if (query.mine || !isBroker(ctx.actor)) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as mine')
          .select('mine.user_id')
          .whereRef('mine.organisation_id', '=', 'o.id')
          .where('mine.user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000'),
      ),
    )
  }
  if (query.q) {
    const pattern = likePattern(query.q)
    base = base.where((eb) =>
      eb.or([
        eb('o.legal_name', 'ilike', pattern),
        eb('o.short_name', 'ilike', pattern),
        eb('o.registration_number', 'ilike', pattern),
        eb('o.public_ref', 'ilike', pattern),
      ]),
    )
  }
  if (query.type) base = base.where('o.type', '=', query.type)
  if (query.country) base = base.where('o.country', '=', query.country)
  if (query.smeStatus === 'unknown') base = base.where('o.sme_status', 'is', null)
  else if (query.smeStatus) base = base.where('o.sme_status', '=', query.smeStatus)
  if (query.visibility) base = base.where('o.visibility', '=', query.visibility)

  return base
}
