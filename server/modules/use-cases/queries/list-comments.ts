import type { UseCaseComment } from '../../../../shared/contracts/use-cases.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { partiesOf } from '../domain/parties.ts'
import { findVisible, iso } from './use-case-view.ts'

export async function listCommentRows(db: Queryable, useCaseId: string): Promise<UseCaseComment[]> {
  const rows = await db
    .selectFrom('use_case_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.author_id', 'u.name', 'c.body', 'c.created_at'])
    .where('c.use_case_id', '=', useCaseId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    author: r.author_id && r.name !== null ? { id: r.author_id, name: r.name } : null,
    body: r.body,
    createdAt: iso(r.created_at),
  }))
}

/**
 * The thread between a use case's authors and programme staff. Hidden use cases answer 404; people
 * who may read a public one but take no part in it are refused (403: the use case itself is visible).
 */
export async function listComments(ctx: CommandContext, useCaseId: string): Promise<{ items: UseCaseComment[] }> {
  authorize(ctx.actor, 'use_case.view')
  const row = await findVisible(ctx.db, ctx.actor, useCaseId)
  if (partiesOf(ctx.actor, row).length === 0) {
    throw new DomainError('forbidden', 'Only the authors and programme staff follow this thread.', {
      reason: 'not_a_member',
    })
  }
  return { items: await listCommentRows(ctx.db, useCaseId) }
}
