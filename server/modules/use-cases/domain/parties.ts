import type { Actor } from '../../../platform/authz/actor.ts'
import type { Party } from './lifecycle.ts'

/** The programmes in which the actor holds `role` (an operator without the required 2FA holds none). */
export function programmesWhere(actor: Actor, role: 'operator' | 'cluster_staff'): string[] {
  return actor.programmeRoles.filter((g) => g.effective && g.role === role).map((g) => g.programmeId)
}

/** The actor's effective cluster-staff grants: which cluster, in which programme. */
export function clusterGrants(actor: Actor): { programmeId: string; clusterId: string }[] {
  return actor.programmeRoles.flatMap((g) =>
    g.effective && g.role === 'cluster_staff' && g.clusterId
      ? [{ programmeId: g.programmeId, clusterId: g.clusterId }]
      : [],
  )
}

export interface UseCaseOwnership {
  organisation_id: string
  programme_id: string
  status: string
  /** The clusters following the use case (queries/visibility.ts `clusterIdsOfUseCase`). */
  cluster_ids: readonly string[]
}

/**
 * How the actor stands towards one use case it can see: `author` as a member of the authoring
 * organisation, `staff` as an operator of the programme, or as cluster staff when the visibility rule
 * lets them see it as staff (not a draft, and followed by their cluster: captured or voted at one of
 * its workshops, or written by a member organisation). Nobody else is a party, workshop participants
 * included: they may read the use case, not its thread, revisions or history.
 */
export function partiesOf(actor: Actor, uc: UseCaseOwnership): Party[] {
  if (actor.kind === 'system') return ['author', 'staff']
  if (actor.kind === 'anonymous' || actor.disabled) return []
  const out: Party[] = []
  if (actor.memberships.has(uc.organisation_id)) out.push('author')
  const operator = programmesWhere(actor, 'operator').includes(uc.programme_id)
  const clusterStaff =
    uc.status !== 'draft' &&
    clusterGrants(actor).some((g) => g.programmeId === uc.programme_id && uc.cluster_ids.includes(g.clusterId))
  if (operator || clusterStaff) out.push('staff')
  return out
}
