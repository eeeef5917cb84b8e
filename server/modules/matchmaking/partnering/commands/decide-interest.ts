import type { Interest } from '../../../../../shared/contracts/partnering.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { notify } from '../../../notifications/index.ts'
import { type Decision, decisionOutcome } from '../domain/rules.ts'
import { findInterest, type InterestRow, interestSide, toInterests } from '../queries/interest-view.ts'
import { sideOf } from './recipients.ts'

/**
 * On acceptance the two organisations get a thread of their own, opened with the interest's message
 * and the answer (when one was given), so the conversation starts where the exchange began.
 */
async function openThread(tx: Tx, ctx: CommandContext, i: InterestRow, answer: string | null, now: Date) {
  const post = await tx
    .selectFrom('partnering_posts')
    .select(['programme_id', 'reference', 'title'])
    .where('id', '=', i.post_id)
    .executeTakeFirstOrThrow()
  const thread = await tx
    .insertInto('message_threads')
    .values({
      programme_id: post.programme_id,
      post_id: i.post_id,
      interest_id: i.id,
      subject: `${post.reference} ${post.title}`,
      created_at: now,
      last_message_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('thread_participants')
    .values([
      { thread_id: thread.id, organisation_id: i.post_org_id, joined_at: now },
      { thread_id: thread.id, organisation_id: i.organisation_id, joined_at: now },
    ])
    .execute()
  const first = [
    {
      thread_id: thread.id,
      organisation_id: i.organisation_id,
      author_id: i.author_id,
      body: i.message,
      created_at: now,
    },
  ]
  if (answer)
    first.push({
      thread_id: thread.id,
      organisation_id: i.post_org_id,
      author_id: ctx.actor.userId,
      body: answer,
      created_at: now,
    })
  await tx.insertInto('messages').values(first).execute()
  return thread.id
}

/**
 * The post's side accepts or declines a pending interest (with an optional message); the interested
 * side may withdraw it. Accepting exchanges the contacts (the interest's view shows them to both
 * sides) and opens a thread; the interested side is told of the decision — in words that name
 * no one, so an anonymous post stays anonymous in a decline.
 */
export async function decideInterest(
  ctx: CommandContext,
  interestId: string,
  decision: Decision,
  message: string | undefined,
): Promise<Interest> {
  authorize(ctx.actor, 'partnering.interest')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const i = await findInterest(tx, ctx.actor, interestId, true)
    const side = interestSide(ctx.actor, i)
    const allowed = decision === 'withdraw' ? side.interested : side.post
    if (!allowed) {
      throw new DomainError(
        'forbidden',
        decision === 'withdraw'
          ? 'Only the interested organisation withdraws.'
          : 'Only the post’s organisation decides.',
        { reason: 'not_a_member' },
      )
    }
    const next = decisionOutcome(i.status, decision)
    if (!next)
      throw new DomainError('interest_already_decided', 'This interest is no longer pending.', { status: i.status })
    const answer = message?.trim() ? message.trim() : null
    await tx
      .updateTable('expressions_of_interest')
      .set({
        status: next,
        decision_message: decision === 'withdraw' ? null : answer,
        decided_at: now,
        decided_by: ctx.actor.userId,
        updated_at: now,
      })
      .where('id', '=', interestId)
      .execute()
    const threadId = next === 'accepted' ? await openThread(tx, ctx, i, answer, now) : null
    await recordAudit(tx, ctx, {
      action: `partnering_interest.${next}`,
      subjectType: 'partnering_post',
      subjectId: i.post_id,
      change: { interestId, from: i.status, to: next, message: answer, threadId },
    })
    if (next !== 'withdrawn') {
      const post = await tx
        .selectFrom('partnering_posts')
        .select('programme_id')
        .where('id', '=', i.post_id)
        .executeTakeFirstOrThrow()
      await notify(tx, ctx, {
        kind: next === 'accepted' ? 'partnering_interest_accepted' : 'partnering_interest_declined',
        recipients: { userIds: await sideOf(tx, i.organisation_id, [i.author_id]) },
        actorId: ctx.actor.userId,
        programmeId: post.programme_id,
        subject: { type: 'partnering_interest', id: interestId },
        params: { reference: i.post_reference, title: i.post_title },
        link: threadId ? `/app/messages/${threadId}` : '/app/partnering/interests',
      })
    }
    const view = await findInterest(tx, ctx.actor, interestId)
    return (await toInterests(tx, ctx.actor, [view]))[0]!
  })
}
