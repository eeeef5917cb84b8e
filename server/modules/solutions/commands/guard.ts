import type { SolutionStatus } from '../../../../shared/contracts/solutions.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { isOwnerMember } from '../domain/abilities.ts'
import { isEditable } from '../domain/lifecycle.ts'
import { lockVisible } from '../queries/solution-view.ts'

/**
 * Locks a solution for a write by a member of its organisation: 404 when the caller cannot see it,
 * 403 when it may see it but is not a member, 409 when it is archived (unless `allowArchived`).
 */
export async function lockForWrite(tx: Tx, actor: Actor, id: string, opts: { allowArchived?: boolean } = {}) {
  const s = await lockVisible(tx, actor, id)
  if (!isOwnerMember(actor, s.organisation_id)) {
    throw new DomainError('forbidden', 'Only members of the owning organisation change a solution.', {
      reason: 'not_a_member',
    })
  }
  if (!opts.allowArchived && !isEditable(s.status as SolutionStatus)) {
    throw new DomainError('conflict', 'An archived solution is read-only: restore it first.', {
      reason: 'wrong_status',
    })
  }
  return s
}
