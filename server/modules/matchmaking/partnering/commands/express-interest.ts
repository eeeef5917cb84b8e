import type { Interest } from '../../../../../shared/contracts/partnering.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { notify } from '../../../notifications/index.ts'
import { interestRefusal } from '../domain/rules.ts'
import { findPost, requireMember } from '../queries/access.ts'
import { findInterest, toInterests } from '../queries/interest-view.ts'
import { sideOf } from './recipients.ts'

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'en' ? 'en-GB' : locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505'

const refusals = {
  interest_own_post: 'An organisation does not express interest in its own post.',
  partnering_post_not_open: 'This post takes no interest: it is not published.',
  partnering_post_expired: 'This post has expired.',
  interest_already_pending: 'Your organisation already has a pending interest in this post.',
} as const

/**
 * A member expresses their organisation's interest in a published, unexpired post of another
 * organisation, with a message. One pending interest per organisation and post (409
 * `interest_already_pending`, also under a race: the partial unique index decides). The post's side
 * is notified — without the interested organisation's name: the notification and the mail say its
 * country only, the interest page shows what the disclosure rule allows.
 */
export async function expressInterest(
  ctx: CommandContext,
  postId: string,
  input: { organisationId: string; message: string },
): Promise<Interest> {
  authorize(ctx.actor, 'partnering.interest')
  requireMember(ctx.actor, input.organisationId, 'Only members of the organisation express its interest.')
  const now = ctx.clock.now()
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const post = await findPost(tx, ctx.actor, postId, true)
      const pending = await tx
        .selectFrom('expressions_of_interest')
        .select('id')
        .where('post_id', '=', postId)
        .where('organisation_id', '=', input.organisationId)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      const refusal = interestRefusal({
        post: { status: post.status, expiresAt: new Date(post.expires_at), organisationId: post.organisation_id },
        fromOrganisationId: input.organisationId,
        pendingExists: pending !== undefined,
        now,
      })
      if (refusal) throw new DomainError(refusal, refusals[refusal as keyof typeof refusals])
      const from = await tx
        .selectFrom('organisations')
        .select(['id', 'country'])
        .where('id', '=', input.organisationId)
        .executeTakeFirst()
      if (!from) throw new DomainError('organisation_not_found')
      const row = await tx
        .insertInto('expressions_of_interest')
        .values({
          post_id: postId,
          organisation_id: input.organisationId,
          author_id: ctx.actor.userId,
          message: input.message,
          status: 'pending',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(tx, ctx, {
        action: 'partnering_interest.expressed',
        subjectType: 'partnering_post',
        subjectId: postId,
        change: { interestId: row.id, organisationId: input.organisationId, message: input.message },
      })
      await notify(tx, ctx, {
        kind: 'partnering_interest_received',
        recipients: { userIds: await sideOf(tx, post.organisation_id, [post.author_id]) },
        actorId: ctx.actor.userId,
        programmeId: post.programme_id,
        subject: { type: 'partnering_post', id: postId },
        params: { reference: post.reference, title: post.title, country: from.country },
        // The country's name in the recipient's language (the in-app text names it in the reader's).
        mailVars: (r) => ({ country: countryName(from.country, r.locale) }),
        link: `/app/partnering/posts/${postId}`,
      })
      const view = await findInterest(tx, ctx.actor, row.id)
      return (await toInterests(tx, ctx.actor, [view]))[0]!
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('interest_already_pending', refusals.interest_already_pending)
    throw e
  }
}
