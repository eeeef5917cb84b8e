import type { PartneringPost, PartneringPostPatch } from '../../../../../shared/contracts/partnering.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { findPost, requireMember } from '../queries/access.ts'
import { readPost } from '../queries/get-post.ts'
import { checkPostContent, replacePostTags } from './post-support.ts'
import { refreshPostVector } from './search-vector.ts'

/** A member changes a draft or published post (a closed one is final: 409). */
export async function updatePost(
  ctx: CommandContext,
  postId: string,
  patch: PartneringPostPatch,
): Promise<PartneringPost> {
  authorize(ctx.actor, 'partnering.manage')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const post = await findPost(tx, ctx.actor, postId, true)
    requireMember(ctx.actor, post.organisation_id, 'Only members of the organisation change its partnering posts.')
    if (post.status === 'closed') {
      throw new DomainError('partnering_transition_refused', 'A closed post is not changed.', { status: post.status })
    }
    const currentTags = (
      await tx.selectFrom('partnering_post_tags').select('term_id').where('post_id', '=', postId).execute()
    ).map((t) => t.term_id)
    const next = {
      kind: patch.kind ?? post.kind,
      callId: patch.callId !== undefined ? patch.callId : post.call_id,
      challengeId: patch.challengeId !== undefined ? patch.challengeId : post.challenge_id,
      tags: patch.tags ?? currentTags,
      expiresAt: patch.expiresAt ? new Date(patch.expiresAt) : new Date(post.expires_at),
    }
    await checkPostContent(
      tx,
      next,
      {
        call: patch.callId !== undefined,
        challenge: patch.challengeId !== undefined,
        tags: patch.tags !== undefined,
        expiry: patch.expiresAt !== undefined,
      },
      now,
    )
    await tx
      .updateTable('partnering_posts')
      .set({
        kind: next.kind,
        title: patch.title ?? post.title,
        description: patch.description ?? post.description,
        expertise_offered: patch.expertiseOffered ?? post.expertise_offered,
        expertise_sought: patch.expertiseSought ?? post.expertise_sought,
        countries_wanted: patch.countriesWanted ? [...new Set(patch.countriesWanted)] : post.countries_wanted,
        call_id: next.callId,
        challenge_id: next.challengeId,
        anonymous: patch.anonymous ?? post.anonymous,
        expires_at: next.expiresAt,
        updated_at: now,
      })
      .where('id', '=', postId)
      .execute()
    if (patch.tags) await replacePostTags(tx, postId, patch.tags)
    await refreshPostVector(tx, postId)
    await recordAudit(tx, ctx, {
      action: 'partnering_post.updated',
      subjectType: 'partnering_post',
      subjectId: postId,
      change: patch,
    })
    return readPost(tx, ctx.actor, postId, now)
  })
}
