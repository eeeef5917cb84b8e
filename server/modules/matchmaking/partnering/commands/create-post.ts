import { sql } from 'kysely'
import type { PartneringPost, PartneringPostInput } from '../../../../../shared/contracts/partnering.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { requireMember } from '../queries/access.ts'
import { readPost } from '../queries/get-post.ts'
import { checkPostContent, replacePostTags } from './post-support.ts'
import { refreshPostVector } from './search-vector.ts'

/** A member drafts a partnering post for their organisation (status draft, reference PS-0001…). */
export async function createPost(ctx: CommandContext, input: PartneringPostInput): Promise<PartneringPost> {
  authorize(ctx.actor, 'partnering.manage')
  requireMember(ctx.actor, input.organisationId, 'Only members of the organisation write its partnering posts.')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const org = await tx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', input.organisationId)
      .executeTakeFirst()
    if (!org) throw new DomainError('organisation_not_found')
    const expiresAt = new Date(input.expiresAt)
    const programmeId = await checkPostContent(
      tx,
      { ...input, expiresAt },
      { call: true, challenge: true, tags: true, expiry: true },
      now,
    )
    const post = await tx
      .insertInto('partnering_posts')
      .values({
        programme_id: programmeId,
        organisation_id: input.organisationId,
        author_id: ctx.actor.userId,
        reference: sql<string>`'PS-' || lpad(nextval('partnering_post_reference_seq')::text, 4, '0')`,
        kind: input.kind,
        status: 'draft',
        title: input.title,
        description: input.description,
        expertise_offered: input.expertiseOffered,
        expertise_sought: input.expertiseSought,
        countries_wanted: [...new Set(input.countriesWanted)],
        call_id: input.callId,
        challenge_id: input.challengeId,
        anonymous: input.anonymous,
        expires_at: expiresAt,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow()
    await replacePostTags(tx, post.id, input.tags)
    await refreshPostVector(tx, post.id)
    await recordAudit(tx, ctx, {
      action: 'partnering_post.created',
      subjectType: 'partnering_post',
      subjectId: post.id,
      change: { reference: post.reference, ...input },
    })
    return readPost(tx, ctx.actor, post.id, now)
  })
}
