import type { UseCaseComment } from '../../../../shared/contracts/use-cases.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { partiesOf } from '../domain/parties.ts'
import { findVisible, iso } from '../queries/use-case-view.ts'
import { authoringSide, loadUseCaseRef, notifyParties, staffSide } from './notify-parties.ts'

/** The start of a comment, for the notification (the whole thread is on the use case's page). */
function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > 280 ? `${flat.slice(0, 279)}…` : flat
}

/**
 * A message in the thread between the authoring organisation and programme staff. The other side is
 * notified: the authoring side when staff write; when an author writes, the staff of the thread
 * (notify-parties.ts `staffSide`); never the writer.
 */
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
    const ref = await loadUseCaseRef(tx, useCaseId)
    const byAuthor = partiesOf(ctx.actor, uc).includes('author')
    await notifyParties(
      tx,
      ctx,
      ref,
      'use_case_comment',
      byAuthor ? await staffSide(tx, ref) : await authoringSide(tx, ref),
      { userId: ctx.actor.userId, name: author?.name ?? null },
      { excerpt: excerpt(body) },
      byAuthor ? 'staff' : 'author',
    )
    return { id: row.id, author: author ?? null, body, createdAt: iso(now) }
  })
}
