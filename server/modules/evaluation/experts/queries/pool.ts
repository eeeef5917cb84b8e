import type { FastifyReply } from 'fastify'
import { sql } from 'kysely'
import type { CallExpert } from '../../../../../shared/contracts/experts.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { fileHeaders } from '../../../../platform/files/index.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isPoolManager, loadCallForPool } from '../access.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

function baseQuery(db: Queryable, callId: string) {
  return db
    .selectFrom('expert_calls as e')
    .innerJoin('expert_profiles as p', 'p.user_id', 'e.user_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .where('e.call_id', '=', callId)
}

function toCallExpert(r: {
  user_id: string
  name: string
  email: string
  kind: string
  expertise: string
  countries: string[]
  source: string
  status: string
  max_load: number
  motivation: string
  code_of_conduct_at: Date | string | null
  confidentiality_at: Date | string | null
  applied_at: Date | string
  decided_at: Date | string | null
}): CallExpert {
  return {
    userId: r.user_id,
    name: r.name,
    email: r.email,
    kind: r.kind as CallExpert['kind'],
    expertise: r.expertise,
    countries: r.countries,
    source: r.source as CallExpert['source'],
    status: r.status as CallExpert['status'],
    maxLoad: r.max_load,
    motivation: r.motivation,
    declarationsComplete: r.code_of_conduct_at !== null && r.confidentiality_at !== null,
    appliedAt: iso(r.applied_at),
    decidedAt: r.decided_at === null ? null : iso(r.decided_at),
  }
}

const columns = [
  'e.user_id',
  'u.name',
  'u.email',
  'p.kind',
  'p.expertise',
  'p.countries',
  'e.source',
  'e.status',
  'e.max_load',
  'e.motivation',
  'p.code_of_conduct_at',
  'p.confidentiality_at',
  'e.applied_at',
  'e.decided_at',
] as const

export async function readCallExpert(db: Queryable, callId: string, userId: string): Promise<CallExpert> {
  const r = await baseQuery(db, callId).select(columns).where('e.user_id', '=', userId).executeTakeFirst()
  if (!r) throw new DomainError('expert_not_found')
  return toCallExpert(r)
}

/** The call's candidate experts for its operators: search by name, e-mail or expertise, filter by status, paged. */
export async function listCallExperts(
  ctx: CommandContext,
  callId: string,
  query: { q: string; status?: CallExpert['status'] | undefined; page: number; pageSize: number },
) {
  await loadCallForPool(ctx.db, ctx.actor, callId, 'expert.pool.view')
  let q = baseQuery(ctx.db, callId)
  if (query.status) q = q.where('e.status', '=', query.status)
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['u.name']), 'like', like),
        eb(eb.fn('lower', ['u.email']), 'like', like),
        eb(eb.fn('lower', ['p.expertise']), 'like', like),
      ]),
    )
  }
  const total = await q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .select(columns)
    .orderBy('u.name')
    .orderBy('e.user_id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return { items: rows.map(toCallExpert), total: Number(total.n), page: query.page, pageSize: query.pageSize }
}

/**
 * The CV of an expert: to the expert, and to operators of a programme with a call the expert is a
 * candidate for. Anyone else: 404, as if there were none.
 */
export async function serveExpertCv(ctx: CommandContext, userId: string, reply: FastifyReply): Promise<void> {
  authorize(ctx.actor, 'expert.profile.view')
  let allowed = ctx.actor.userId === userId
  if (!allowed) {
    const programmes = await ctx.db
      .selectFrom('expert_calls as e')
      .innerJoin('calls as c', 'c.id', 'e.call_id')
      .select('c.programme_id')
      .where('e.user_id', '=', userId)
      .execute()
    allowed = programmes.some((p) => isPoolManager(ctx.actor, p.programme_id, 'expert.pool.view'))
  }
  const f = allowed
    ? await ctx.db
        .selectFrom('expert_profiles as p')
        .innerJoin('files as f', 'f.id', 'p.cv_file_id')
        .select(['f.content_type', 'f.filename', 'f.sha256', 'f.data'])
        .where('p.user_id', '=', userId)
        .executeTakeFirst()
    : undefined
  if (!f) throw new DomainError('expert_cv_not_found')
  await reply.code(200).headers(fileHeaders(f, false)).send(Buffer.from(f.data))
}
