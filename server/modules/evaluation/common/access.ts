import type { Capability } from '../../../../shared/authz.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize, can } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CallRow } from '../../calls/index.ts'
import { loadCall } from '../../calls/index.ts'

/** Operators of the programme (moderators of its calls' evaluations); the system actor too. */
export function isProgrammeOperator(actor: Actor, programmeId: string, capability: Capability): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled || !can(actor, capability).allowed) return false
  return actor.programmeRoles.some((g) => g.effective && g.role === 'operator' && g.programmeId === programmeId)
}

/** The call, for an operator of its programme: an invisible call is a 404, another programme's a 403. */
export async function loadCallForOperator(
  db: Queryable,
  actor: Actor,
  callId: string,
  capability: Capability,
): Promise<CallRow> {
  authorize(actor, capability)
  const call = await loadCall(db, actor, callId)
  if (!isProgrammeOperator(actor, call.programme_id, capability))
    throw new DomainError('forbidden', 'Only the operators of the programme run its evaluation.', {
      reason: 'missing_role',
    })
  return call
}

/**
 * The expert's active assignment to an application (assigned or confirmed). Anything else — no
 * assignment, a recused or removed one — is a 404 as for an unknown application: an expert cannot tell
 * that an application they are not assigned to exists.
 */
export async function activeAssignment(db: Queryable, userId: string, applicationId: string) {
  const a = await db
    .selectFrom('evaluation_assignments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['assigned', 'confirmed'])
    .executeTakeFirst()
  if (!a) throw new DomainError('application_not_found')
  return a
}
