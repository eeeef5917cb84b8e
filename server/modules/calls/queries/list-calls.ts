import { type ExpressionBuilder, sql } from 'kysely'
import type { z } from 'zod'
import type { CallPhase, CallSummary, callListQuery } from '../../../../shared/contracts/calls.ts'
import type { Page } from '../../../../shared/contracts/common.ts'
import type { DB } from '../../../db/types.generated.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { toSummaries } from './call-view.ts'
import { listedCallSql } from './listed.ts'

type Eb = ExpressionBuilder<DB, 'calls'>

/** The phase as a condition on the row at `now` (the same rule as `callPhase`). */
export function phaseCondition(eb: Eb, phase: CallPhase, now: Date) {
  const live = [eb('cancelled_at', 'is', null), eb('published_at', 'is not', null)]
  switch (phase) {
    case 'cancelled':
      return eb('cancelled_at', 'is not', null)
    case 'draft':
      return eb.and([eb('cancelled_at', 'is', null), eb('published_at', 'is', null)])
    case 'scheduled':
      return eb.and([...live, eb('opens_at', '>', now)])
    case 'open':
      return eb.and([...live, eb('opens_at', '<=', now), eb('closes_at', '>', now)])
    case 'closed':
      return eb.and([...live, eb('closes_at', '<=', now)])
  }
}

/** The programmes whose drafts `actor` sees: those it is an operator of. */
function managedProgrammes(actor: Actor): string[] {
  if (actor.disabled) return []
  return actor.programmeRoles.filter((g) => g.effective && g.role === 'operator').map((g) => g.programmeId)
}

/**
 * Listed calls (published, not cancelled: `listedCallSql`) for everyone; every call of their programme,
 * drafts and cancelled ones too, for its operators. Open ones first, then by opening. A cancelled call
 * is still found at its own address (`getCall`, `/calls/:code`), shown as cancelled.
 */
export async function listCalls(
  db: Queryable,
  actor: Actor,
  now: Date,
  query: z.output<typeof callListQuery>,
): Promise<Page<CallSummary>> {
  const managed = actor.kind === 'system' ? null : managedProgrammes(actor)
  let base = db.selectFrom('calls')
  if (managed !== null) {
    base = base.where((eb) =>
      eb.or([listedCallSql('calls'), ...(managed.length > 0 ? [eb('programme_id', 'in', managed)] : [])]),
    )
  }
  if (query.phase) {
    const phase = query.phase
    base = base.where((eb) => phaseCondition(eb, phase, now))
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    base = base.where((eb) => eb.or([eb('code', 'ilike', pattern), eb(sql<string>`title::text`, 'ilike', pattern)]))
  }
  const [total, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy(
        sql`case when published_at is not null and cancelled_at is null and opens_at <= ${now} and closes_at > ${now} then 0 else 1 end`,
      )
      .orderBy('opens_at', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ])
  return {
    items: await toSummaries(db, actor, rows, now),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function listCallsFor(ctx: CommandContext, query: z.output<typeof callListQuery>) {
  authorize(ctx.actor, 'call.view')
  return listCalls(ctx.db, ctx.actor, ctx.clock.now(), query)
}
