import { instantToLocal } from '../../../../shared/calls/time.ts'
import type { Call } from '../../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { canSeeCall, iso, loadCall } from '../commands/guard.ts'
import { qaClosesAt, storedConfig, toCall } from './call-view.ts'

/** One call (a draft is 404 `call_not_found` to all but the programme's operators). */
export async function getCall(ctx: CommandContext, id: string): Promise<Call> {
  authorize(ctx.actor, 'call.view')
  const c = await loadCall(ctx.db, ctx.actor, id)
  return toCall(ctx.db, ctx.actor, c, ctx.clock.now())
}

/** One call by its code (the public page's address). */
export async function getCallByCode(ctx: CommandContext, code: string): Promise<Call> {
  authorize(ctx.actor, 'call.view')
  const rows = await ctx.db.selectFrom('calls').selectAll().where('code', '=', code).orderBy('created_at').execute()
  const c = rows.find((r) => canSeeCall(ctx.actor, r))
  if (!c) throw new DomainError('call_not_found')
  return toCall(ctx.db, ctx.actor, c, ctx.clock.now())
}

/** One published version of a call's configuration, with its schedule and change log. */
export async function getCallVersion(ctx: CommandContext, id: string, version: number) {
  authorize(ctx.actor, 'call.view')
  const c = await loadCall(ctx.db, ctx.actor, id)
  const v = await ctx.db
    .selectFrom('call_versions')
    .selectAll()
    .where('call_id', '=', c.id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (!v) throw new DomainError('not_found', 'No such version of this call.')
  const config = storedConfig(v.config)
  const row = { closes_at: v.closes_at, time_zone: c.time_zone }
  return {
    version: v.version,
    config,
    schedule: {
      opensAt: iso(v.opens_at),
      deadline: iso(v.closes_at),
      timeZone: c.time_zone,
      opensAtLocal: instantToLocal(new Date(v.opens_at), c.time_zone),
      deadlineLocal: instantToLocal(new Date(v.closes_at), c.time_zone),
      qaClosesAt: config.timeline.qaClosesAt ? iso(qaClosesAt(row, config)) : null,
    },
    changeLog: (v.change_log ?? null) as LocalizedText | null,
    createdAt: iso(v.created_at),
  }
}
