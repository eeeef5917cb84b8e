import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize, can } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CallRow } from '../../calls/index.ts'
import { loadCall } from '../../calls/index.ts'

type PoolCapability = 'expert.pool.view' | 'expert.pool.manage'

/** Operators of the call's programme (the matrix says "operators"; which programme is checked here). */
export function isPoolManager(actor: Actor, programmeId: string, capability: PoolCapability): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled || !can(actor, capability).allowed) return false
  return actor.programmeRoles.some((g) => g.effective && g.role === 'operator' && g.programmeId === programmeId)
}

/** The call, for an operator of its programme; a call the caller cannot see is a 404, another programme's a 403. */
export async function loadCallForPool(
  db: Queryable,
  actor: Actor,
  callId: string,
  capability: PoolCapability,
): Promise<CallRow> {
  authorize(actor, capability)
  const call = await loadCall(db, actor, callId)
  if (!isPoolManager(actor, call.programme_id, capability))
    throw new DomainError('forbidden', 'Only the operators of the programme manage its experts.', {
      reason: 'missing_role',
    })
  return call
}

export function signedInUser(actor: Actor): string {
  if (!actor.userId) throw new DomainError('not_signed_in')
  return actor.userId
}
