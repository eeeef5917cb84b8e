import type { Selectable } from 'kysely'
import type { Calls } from '../../../db/types.generated.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { isCallManager } from '../domain/abilities.ts'

export type CallRow = Selectable<Calls>

/** A draft exists only for the operators of its programme; a published (even cancelled) call for everyone. */
export function canSeeCall(actor: Actor, c: Pick<CallRow, 'published_at' | 'programme_id'>): boolean {
  return c.published_at !== null || isCallManager(actor, c.programme_id)
}

/** Loads a call the actor may see (optionally locking it); 404 `call_not_found` otherwise. */
export async function loadCall(db: Queryable, actor: Actor, id: string, lock = false): Promise<CallRow> {
  let q = db.selectFrom('calls').selectAll().where('id', '=', id)
  if (lock) q = q.forUpdate()
  const c = await q.executeTakeFirst()
  if (!c || !canSeeCall(actor, c)) throw new DomainError('call_not_found')
  return c
}

/** For operators' commands: the capability, then the call itself (404 if unseen, 403 if another programme's). */
export async function loadForManage(db: Queryable, actor: Actor, id: string, lock = true): Promise<CallRow> {
  authorize(actor, 'call.manage')
  const c = await loadCall(db, actor, id, lock)
  if (!isCallManager(actor, c.programme_id)) {
    throw new DomainError('forbidden', 'Only the operators of the programme manage its calls.', {
      reason: 'missing_role',
    })
  }
  return c
}

export function iso(d: Date | string): string {
  return new Date(d).toISOString()
}
