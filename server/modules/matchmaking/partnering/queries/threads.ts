import { sql } from 'kysely'
import type { PartneringUnread, Thread, ThreadSummary } from '../../../../../shared/contracts/partnering.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { excerpt } from '../domain/rules.ts'
import { organisationsOf } from './access.ts'
import { iso } from './post-view.ts'

const NOBODY = '00000000-0000-0000-0000-000000000000'
const MAX_MESSAGES = 500

/**
 * Threads are private to their organisations: a member of a participating organisation reads and
 * writes; anyone else (brokers included) gets 404 `thread_not_found`.
 */
function threadsOf(db: Queryable, actor: Actor) {
  const orgs = organisationsOf(actor)
  const me = actor.userId ?? NOBODY
  return db
    .selectFrom('message_threads as t')
    .leftJoin('partnering_posts as p', 'p.id', 't.post_id')
    .select([
      't.id',
      't.subject',
      't.post_id',
      'p.reference as post_reference',
      't.last_message_at',
      't.created_at',
      sql<string | null>`(select m.body from messages m where m.thread_id = t.id order by m.seq desc limit 1)`.as(
        'last_message',
      ),
      sql<string>`(select count(*) from messages m where m.thread_id = t.id
        and m.author_id is distinct from ${me}::uuid
        and m.seq > coalesce((select r.last_read_seq from message_reads r where r.thread_id = t.id and r.user_id = ${me}::uuid), 0))`.as(
        'unread',
      ),
    ])
    .where((eb) =>
      orgs.length === 0
        ? sql<boolean>`false`
        : eb.exists(
            eb
              .selectFrom('thread_participants as tp')
              .select('tp.thread_id')
              .whereRef('tp.thread_id', '=', 't.id')
              .where('tp.organisation_id', 'in', orgs),
          ),
    )
}

type ThreadRow = {
  id: string
  subject: string
  post_id: string | null
  post_reference: string | null
  last_message_at: Date | null
  created_at: Date
  last_message: string | null
  unread: string
}

async function toSummaries(db: Queryable, actor: Actor, rows: ThreadRow[]): Promise<ThreadSummary[]> {
  if (rows.length === 0) return []
  const parts = await db
    .selectFrom('thread_participants as tp')
    .innerJoin('organisations as o', 'o.id', 'tp.organisation_id')
    .select(['tp.thread_id', 'o.id', 'o.legal_name', 'o.country'])
    .where(
      'tp.thread_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('o.legal_name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    post: r.post_id && r.post_reference ? { id: r.post_id, reference: r.post_reference } : null,
    participants: parts
      .filter((p) => p.thread_id === r.id && !actor.memberships.has(p.id))
      .map((p) => ({ id: p.id, name: p.legal_name, country: p.country })),
    lastMessageAt: r.last_message_at ? iso(r.last_message_at) : null,
    lastMessage: r.last_message === null ? null : excerpt(r.last_message, 140),
    unread: Number(r.unread),
    createdAt: iso(r.created_at),
  }))
}

export async function listThreads(ctx: CommandContext): Promise<{ items: ThreadSummary[] }> {
  authorize(ctx.actor, 'partnering.view')
  const rows = await threadsOf(ctx.db, ctx.actor)
    .orderBy(sql`coalesce(t.last_message_at, t.created_at)`, 'desc')
    .orderBy('t.id')
    .limit(200)
    .execute()
  return { items: await toSummaries(ctx.db, ctx.actor, rows as ThreadRow[]) }
}

/** A thread the actor takes part in (through one of their organisations), else 404. */
export async function findThread(db: Queryable, actor: Actor, threadId: string): Promise<ThreadRow> {
  const row = await threadsOf(db, actor).where('t.id', '=', threadId).executeTakeFirst()
  if (!row) throw new DomainError('thread_not_found')
  return row as ThreadRow
}

export async function readThread(db: Queryable, actor: Actor, threadId: string): Promise<Thread> {
  const row = await findThread(db, actor, threadId)
  const [summary] = await toSummaries(db, actor, [row])
  const messages = await db
    .selectFrom('messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.seq', 'm.body', 'm.created_at', 'm.author_id', 'u.name as author_name', 'm.organisation_id'])
    .where('m.thread_id', '=', threadId)
    .orderBy('m.seq', 'desc')
    .limit(MAX_MESSAGES + 1)
    .execute()
  const truncated = messages.length > MAX_MESSAGES
  return {
    ...summary!,
    truncated,
    messages: messages
      .slice(0, MAX_MESSAGES)
      .reverse()
      .map((m) => ({
        id: m.id,
        seq: Number(m.seq),
        body: m.body,
        createdAt: iso(m.created_at),
        author: m.author_id && m.author_name ? { id: m.author_id, name: m.author_name } : null,
        organisationId: m.organisation_id,
        mine: m.author_id !== null && m.author_id === actor.userId,
      })),
  }
}

export async function getThread(ctx: CommandContext, threadId: string): Promise<Thread> {
  authorize(ctx.actor, 'partnering.view')
  return readThread(ctx.db, ctx.actor, threadId)
}

/** Unread messages and threads of the caller, and pending interests in their organisations' posts. */
export async function partneringUnread(ctx: CommandContext): Promise<PartneringUnread> {
  authorize(ctx.actor, 'partnering.view')
  const orgs = organisationsOf(ctx.actor)
  if (orgs.length === 0) return { messages: 0, threads: 0, pendingInterests: 0 }
  const rows = (await threadsOf(ctx.db, ctx.actor).execute()) as ThreadRow[]
  const pending = await ctx.db
    .selectFrom('expressions_of_interest as i')
    .innerJoin('partnering_posts as p', 'p.id', 'i.post_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('p.organisation_id', 'in', orgs)
    .where('i.status', '=', 'pending')
    .executeTakeFirstOrThrow()
  const unread = rows.map((r) => Number(r.unread))
  return {
    messages: unread.reduce((a, b) => a + b, 0),
    threads: unread.filter((n) => n > 0).length,
    pendingInterests: Number(pending.n),
  }
}
