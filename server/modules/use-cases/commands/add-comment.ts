import type { UseCaseComment } from '../../../../shared/contracts/use-cases.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { partiesOf } from '../domain/parties.ts'
import { findVisible, iso } from '../queries/use-case-view.ts'

/** A message in the thread between the authoring organisation and programme staff. */
export async function addComment(ctx: CommandContext, useCaseId: string, body: string): Promise<UseCaseComment> {
  authorize(ctx.actor, 'use_case.comment')
  return inTransaction(ctx.db, async (tx) => {
    const uc = await findVisible(tx, ctx.actor, useCaseId)
    if (partiesOf(ctx.actor, uc).length === 0) {
      throw new DomainError('forbidden', 'Only the authors and programme staff take part in this thread.', {
        reason: 'not_a_member',
      })
    }
    const now = ctx.clock.now()
    const row = await tx
      .insertInto('use_case_comments')
      .values({ use_case_id: useCaseId, author_id: ctx.actor.userId, body, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'use_case.commented',
      subjectType: 'use_case',
      subjectId: useCaseId,
      change: { commentId: row.id, body },
    })
    const author = ctx.actor.userId
      ? await tx.selectFrom('users').select(['id', 'name']).where('id', '=', ctx.actor.userId).executeTakeFirst()
      : undefined
    return { id: row.id, author: author ?? null, body, createdAt: iso(now) }
  })
}
