import { sql } from 'kysely'
import type { z } from 'zod'
import type { Challenge, managedChallengeQuery } from '../../../../shared/contracts/challenges.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readChallenge } from './challenge-view.ts'

type Query = z.output<typeof managedChallengeQuery>

/** Every challenge of every status (drafts included), for operators: search in code and title, filters, paging. */
export async function listManagedChallenges(
  ctx: CommandContext,
  f: Query,
): Promise<{ items: Challenge[]; total: number; page: number; pageSize: number }> {
  authorize(ctx.actor, 'challenge.manage')
  let base = ctx.db.selectFrom('challenges as c').innerJoin('domains as d', 'd.id', 'c.domain_id')
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    base = base.where((eb) => eb.or([eb('c.title', 'ilike', like), eb('c.code', 'ilike', like)]))
  }
  if (f.status) base = base.where('c.status', '=', f.status)
  if (f.domain) base = base.where('c.domain_id', '=', f.domain)
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()
  const desc = f.sort.startsWith('-')
  const field = f.sort.replace(/^-/, '')
  const dir = desc ? 'desc' : 'asc'
  let q = base.select('c.id')
  if (field === 'code') q = q.orderBy('d.position', dir).orderBy(sql`length(c.code)`, dir).orderBy('c.code', dir)
  else if (field === 'title') q = q.orderBy('c.title', dir)
  else q = q.orderBy('c.updated_at', dir)
  const rows = await q
    .orderBy('c.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  const items = await Promise.all(rows.map((r) => readChallenge(ctx.db, r.id, ctx.actor)))
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize }
}
