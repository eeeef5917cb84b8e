import type { Actor } from '../../../platform/authz/actor.ts'
import type { Party } from './lifecycle.ts'

/** The programmes in which the actor holds `role` (an operator without the required 2FA holds none). */
export function programmesWhere(actor: Actor, role: 'operator' | 'cluster_staff'): string[] {
  return actor.programmeRoles.filter((g) => g.effective && g.role === role).map((g) => g.programmeId)
}

export interface UseCaseOwnership {
  organisation_id: string
  programme_id: string
}

/**
 * How the actor stands towards one use case it can see: `author` as a member of the authoring
 * organisation, `staff` as cluster staff or operator of the programme. Nobody else is a party:
 * they may read a public accepted use case, not its thread, revisions or history.
 */
export function partiesOf(actor: Actor, uc: UseCaseOwnership): Party[] {
  if (actor.kind === 'system') return ['author', 'staff']
  const out: Party[] = []
  if (actor.memberships.has(uc.organisation_id)) out.push('author')
  const staffIn = [...programmesWhere(actor, 'operator'), ...programmesWhere(actor, 'cluster_staff')]
  if (staffIn.includes(uc.programme_id)) out.push('staff')
  return out
}
