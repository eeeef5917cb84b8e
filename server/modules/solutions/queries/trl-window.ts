import type { TrlWindow } from '../../../../shared/contracts/trl.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { callConfigOf, listedCallSql } from '../../calls/index.ts'
import { defaultTrlWindow } from '../domain/trl/index.ts'

/**
 * Which TRL window a badge compares a solution's effective TRL with:
 *  - a call in context (the catalogue filtered by a call; the application editor's readiness, which
 *    runs the call's own rules in shared/calls): that call's configured window, `config.trl`;
 *  - otherwise the programme's: the window of its latest listed call (published, not cancelled; the
 *    latest to open), else the default 5–8 (domain/trl/window.ts). A draft's window never shows.
 */
export function windowOfConfig(config: unknown): TrlWindow {
  const { min, max } = callConfigOf(config).trl
  return { min, max }
}

/** The programme's window (the first programme when none is named: there is one per installation). */
export async function programmeTrlWindow(db: Queryable, programmeId?: string): Promise<TrlWindow> {
  let q = db.selectFrom('calls as k').select('k.config').where(listedCallSql('k'))
  q = programmeId
    ? q.where('k.programme_id', '=', programmeId)
    : q.where('k.programme_id', '=', (eb) => eb.selectFrom('programmes').select('id').orderBy('created_at').limit(1))
  const row = await q.orderBy('k.opens_at', 'desc').orderBy('k.published_at', 'desc').limit(1).executeTakeFirst()
  return row ? windowOfConfig(row.config) : { ...defaultTrlWindow }
}

/**
 * A listed call by its code (any case), with its window and the published challenges in its scope; null
 * when no published, not cancelled call has that code (a draft is no call here).
 */
export async function listedCallByCode(
  db: Queryable,
  code: string,
): Promise<{ id: string; window: TrlWindow; challengeIds: string[] } | null> {
  const call = await db
    .selectFrom('calls as k')
    .select(['k.id', 'k.config'])
    .where((eb) => eb(eb.fn('upper', ['k.code']), '=', code.toUpperCase()))
    .where(listedCallSql('k'))
    .orderBy('k.created_at')
    .limit(1)
    .executeTakeFirst()
  if (!call) return null
  const links = await db
    .selectFrom('challenge_calls as cc')
    .innerJoin('challenges as c', 'c.id', 'cc.challenge_id')
    .select('cc.challenge_id')
    .where('cc.call_id', '=', call.id)
    .where('c.status', '=', 'published')
    .execute()
  return { id: call.id, window: windowOfConfig(call.config), challengeIds: links.map((l) => l.challenge_id) }
}
