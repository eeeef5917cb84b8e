import { sql } from 'kysely'
import type { Message } from '../../../../../shared/contracts/partnering.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { notify } from '../../../notifications/index.ts'
import { excerpt } from '../domain/rules.ts'
import { organisationsOf } from '../queries/access.ts'
import { iso } from '../queries/post-view.ts'
import { findThread } from '../queries/threads.ts'
import { sideOf } from './recipients.ts'

/**
 * A member of a participating organisation writes in the thread (for their organisation; with two
 * of them in the thread — never the case in partner search — the first one). The other organisation's
 * people in the conversation (those who wrote, else its owners and admins) are notified; the writer's
 * own read marker moves past the message.
 */
export async function sendMessage(ctx: CommandContext, threadId: string, body: string): Promise<Message> {
  authorize(ctx.actor, 'partnering.message')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const thread = await findThread(tx, ctx.actor, threadId)
    await tx.selectFrom('message_threads').select('id').where('id', '=', threadId).forUpdate().execute()
    const participants = await tx
      .selectFrom('thread_participants')
      .select('organisation_id')
      .where('thread_id', '=', threadId)
      .execute()
    const mine = organisationsOf(ctx.actor)
    const from = participants.find((p) => mine.includes(p.organisation_id))
    if (!from) throw new DomainError('thread_not_found')
    const row = await tx
      .insertInto('messages')
      .values({
        thread_id: threadId,
        organisation_id: from.organisation_id,
        author_id: ctx.actor.userId,
        body,
        created_at: now,
      })
      .returning(['id', 'seq'])
      .executeTakeFirstOrThrow()
    await tx.updateTable('message_threads').set({ last_message_at: now }).where('id', '=', threadId).execute()
    if (ctx.actor.userId) {
      await tx
        .insertInto('message_reads')
        .values({ thread_id: threadId, user_id: ctx.actor.userId, last_read_seq: row.seq, read_at: now })
        .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doUpdateSet({ last_read_seq: row.seq, read_at: now }))
        .execute()
    }
    await recordAudit(tx, ctx, {
      action: 'partnering_message.sent',
      subjectType: 'message_thread',
      subjectId: threadId,
      change: { messageId: row.id, organisationId: from.organisation_id, length: body.length },
    })
    const programme = await tx
      .selectFrom('message_threads')
      .select('programme_id')
      .where('id', '=', threadId)
      .executeTakeFirstOrThrow()
    const sender = await tx
      .selectFrom('organisations')
      .select('legal_name')
      .where('id', '=', from.organisation_id)
      .executeTakeFirstOrThrow()
    for (const p of participants.filter((x) => x.organisation_id !== from.organisation_id)) {
      const writers = await tx
        .selectFrom('messages')
        .select('author_id')
        .distinct()
        .where('thread_id', '=', threadId)
        .where('organisation_id', '=', p.organisation_id)
        .execute()
      await notify(tx, ctx, {
        kind: 'partnering_message',
        recipients: {
          userIds: await sideOf(
            tx,
            p.organisation_id,
            writers.map((w) => w.author_id),
          ),
        },
        actorId: ctx.actor.userId,
        programmeId: programme.programme_id,
        subject: { type: 'message_thread', id: threadId },
        params: { subject: thread.subject, organisation: sender.legal_name, excerpt: excerpt(body, 280) },
        link: `/app/messages/${threadId}`,
      })
    }
    const author = ctx.actor.userId
      ? await tx.selectFrom('users').select(['id', 'name']).where('id', '=', ctx.actor.userId).executeTakeFirst()
      : undefined
    return {
      id: row.id,
      seq: Number(row.seq),
      body,
      createdAt: iso(now),
      author: author ?? null,
      organisationId: from.organisation_id,
      mine: true,
    }
  })
}

/** The reader's marker moves to the thread's last message (their own state: not audited). */
export async function markThreadRead(ctx: CommandContext, threadId: string): Promise<{ unread: number }> {
  authorize(ctx.actor, 'partnering.view')
  await findThread(ctx.db, ctx.actor, threadId)
  const last = await ctx.db
    .selectFrom('messages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('thread_id', '=', threadId)
    .executeTakeFirst()
  if (ctx.actor.userId && last?.seq != null) {
    const seq = String(last.seq)
    const now = ctx.clock.now()
    await ctx.db
      .insertInto('message_reads')
      .values({ thread_id: threadId, user_id: ctx.actor.userId, last_read_seq: seq, read_at: now })
      .onConflict((oc) =>
        oc.columns(['thread_id', 'user_id']).doUpdateSet({
          last_read_seq: sql`greatest(message_reads.last_read_seq, excluded.last_read_seq)`,
          read_at: now,
        }),
      )
      .execute()
  }
  return { unread: 0 }
}
