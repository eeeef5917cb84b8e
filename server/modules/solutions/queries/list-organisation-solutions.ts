import { sql } from 'kysely'
import type { z } from 'zod'
import type { Page } from '../../../../shared/contracts/common.ts'
import type { SolutionSummary, solutionListQuery } from '../../../../shared/contracts/solutions.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { multilingualQuery } from '../../../platform/search/language.ts'
import { isBroker } from '../../organisations/domain/disclosure.ts'
import { isOwnerMember } from '../domain/abilities.ts'
import { selectRows, toSummary } from './solution-view.ts'
import { programmeTrlWindow } from './trl-window.ts'

export type SolutionListQuery = z.output<typeof solutionListQuery>

const sortColumns = {
  updatedAt: sql`s.updated_at`,
  name: sql`lower(s.name)`,
  reference: sql`s.reference`,
  assessedTrl: sql`coalesce(s.assessed_trl, 0)`,
} as const

/**
 * "Our solutions": every solution of one organisation (drafts and archived included) for its members,
 * and for brokers (operators, cluster staff). Anyone else gets 404 `organisation_not_found`: listing an
 * organisation's solutions by its id would tie anonymous solutions to it. The public catalogue is a
 * separate query (queries/catalogue).
 */
export async function listOrganisationSolutions(
  ctx: CommandContext,
  organisationId: string,
  query: SolutionListQuery,
): Promise<Page<SolutionSummary>> {
  authorize(ctx.actor, 'solution.view')
  if (!isOwnerMember(ctx.actor, organisationId) && !isBroker(ctx.actor)) {
    throw new DomainError('organisation_not_found')
  }
  let base = selectRows(ctx.db, ctx.actor).where('s.organisation_id', '=', organisationId)
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    const words = multilingualQuery(query.q)
    base = base.where((eb) =>
      eb.or([
        eb('s.name', 'ilike', pattern),
        eb('s.reference', 'ilike', pattern),
        sql<boolean>`s.search_vector @@ ${words}`,
      ]),
    )
  }
  if (query.status) base = base.where('s.status', '=', query.status)
  if (query.type) base = base.where('s.type', '=', query.type)
  const descending = query.sort.startsWith('-')
  const field = (descending ? query.sort.slice(1) : query.sort) as keyof typeof sortColumns
  const [rows, total, window] = await Promise.all([
    base
      .orderBy(sortColumns[field], descending ? 'desc' : 'asc')
      .orderBy('s.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    programmeTrlWindow(ctx.db),
  ])
  return {
    items: rows.map((r) => toSummary(ctx.actor, r, window)),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}
