import { sql } from 'kysely'
import type { RedressItem } from '../../../../../shared/contracts/evaluation-decisions.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { iso, isoOrNull } from '../../decisions/queries/rows.ts'

function base(db: Queryable, callId: string) {
  return db
    .selectFrom('redress_requests as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .leftJoin('evaluation_decisions as d', 'd.application_id', 'r.application_id')
    .leftJoin('users as fu', 'fu.id', 'r.filed_by')
    .leftJoin('users as hu', 'hu.id', 'r.handled_by')
    .where('r.call_id', '=', callId)
}

const columns = [
  'r.id',
  'r.application_id',
  'a.reference',
  'a.acronym',
  'd.outcome as decision',
  'r.status',
  'r.grounds',
  'r.filed_at',
  'r.due_at',
  'r.outcome',
  'r.handled_at',
  'fu.name as filed_by_name',
  'hu.name as handled_by_name',
] as const

type Row = {
  id: string
  application_id: string
  reference: string
  acronym: string
  decision: string | null
  status: string
  grounds: string
  filed_at: Date | string
  due_at: Date | string
  outcome: string | null
  handled_at: Date | string | null
  filed_by_name: string | null
  handled_by_name: string | null
}

/** Overdue: still open after its due date, or handled after it. */
function toItem(r: Row, now: Date): RedressItem {
  const due = new Date(r.due_at).getTime()
  const handled = r.handled_at === null ? null : new Date(r.handled_at).getTime()
  return {
    id: r.id,
    applicationId: r.application_id,
    reference: r.reference,
    acronym: r.acronym,
    decision: r.decision as RedressItem['decision'],
    status: r.status as RedressItem['status'],
    grounds: r.grounds,
    filedAt: iso(r.filed_at),
    dueAt: iso(r.due_at),
    outcome: r.outcome,
    handledAt: isoOrNull(r.handled_at),
    overdue: handled === null ? now.getTime() > due : handled > due,
    filedBy: r.filed_by_name,
    handledBy: r.handled_by_name,
  }
}

export async function readRedress(db: Queryable, callId: string, id: string, now: Date): Promise<RedressItem> {
  const r = await base(db, callId).select(columns).where('r.id', '=', id).executeTakeFirst()
  if (!r) throw new DomainError('redress_not_found')
  return toItem(r, now)
}

/**
 * The call's redress requests for its operators, open ones first by due date: filter by status (open,
 * handled, overdue = open past its due date), search by reference or acronym, paged.
 */
export async function listRedress(
  ctx: CommandContext,
  callId: string,
  query: { status: 'open' | 'handled' | 'overdue' | 'all'; q: string; page: number; pageSize: number },
) {
  const call = await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  const now = ctx.clock.now()
  let q = base(ctx.db, callId)
  if (query.status === 'open') q = q.where('r.status', '=', 'open')
  if (query.status === 'handled') q = q.where('r.status', '!=', 'open')
  if (query.status === 'overdue') q = q.where('r.status', '=', 'open').where('r.due_at', '<', now)
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['a.reference']), 'like', like), eb(eb.fn('lower', ['a.acronym']), 'like', like)]),
    )
  }
  const total = await q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .select(columns)
    .orderBy(sql`case when r.status = 'open' then 0 else 1 end`)
    .orderBy('r.due_at')
    .orderBy('r.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    items: rows.map((r) => toItem(r, now)),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
    timeZone: call.time_zone,
  }
}
