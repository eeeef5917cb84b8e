import type { PartneringPost } from '../../../../../shared/contracts/partnering.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isExpired, nextStatus, type PostAction } from '../domain/rules.ts'
import { findPost, requireMember } from '../queries/access.ts'
import { readPost } from '../queries/get-post.ts'

/**
 * Publishes a draft (it must not have expired: 409 `partnering_post_expired`) or closes a post. A
 * closed post leaves the marketplace and takes no new interest; pending ones can still be decided.
 */
export async function changePostStatus(
  ctx: CommandContext,
  postId: string,
  action: PostAction,
): Promise<PartneringPost> {
  authorize(ctx.actor, 'partnering.manage')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const post = await findPost(tx, ctx.actor, postId, true)
    requireMember(ctx.actor, post.organisation_id, 'Only members of the organisation publish or close its posts.')
    const next = nextStatus(post.status, action)
    if (!next) {
      throw new DomainError('partnering_transition_refused', `A ${post.status} post cannot be ${action}ed.`, {
        status: post.status,
        action,
      })
    }
    if (action === 'publish' && isExpired(new Date(post.expires_at), now)) {
      throw new DomainError('partnering_post_expired', 'Set a later expiry before publishing.')
    }
    await tx
      .updateTable('partnering_posts')
      .set({
        status: next,
        updated_at: now,
        ...(action === 'publish' ? { published_at: now } : { closed_at: now }),
      })
      .where('id', '=', postId)
      .execute()
    await recordAudit(tx, ctx, {
      action: action === 'publish' ? 'partnering_post.published' : 'partnering_post.closed',
      subjectType: 'partnering_post',
      subjectId: postId,
      change: { from: post.status, to: next },
    })
    return readPost(tx, ctx.actor, postId, now)
  })
}
