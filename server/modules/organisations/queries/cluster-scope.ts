import type { Capability } from '../../../../shared/authz.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'

export interface ClusterRef {
  id: string
  programmeId: string
  organisationId: string
  name: string
}

/** Whether the actor looks after this cluster's members: an operator of its programme, or its own staff. */
export function looksAfterCluster(actor: Actor, cluster: Pick<ClusterRef, 'id' | 'programmeId'>): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled) return false
  return actor.programmeRoles.some(
    (g) =>
      g.effective &&
      g.programmeId === cluster.programmeId &&
      (g.role === 'operator' || (g.role === 'cluster_staff' && g.clusterId === cluster.id)),
  )
}

/**
 * The cluster whose members the actor reads or changes: the capability (role and token scope) first,
 * then the cluster (404 `cluster_not_found`), then the object rule: staff of another cluster are
 * refused (403; the partner clusters are public, so refusing does not reveal anything).
 */
export async function loadClusterFor(
  db: Queryable,
  actor: Actor,
  clusterId: string,
  capability: Extract<Capability, `cluster.members.${string}`>,
): Promise<ClusterRef> {
  authorize(actor, capability)
  const row = await db
    .selectFrom('clusters as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.programme_id', 'c.organisation_id', 'o.short_name', 'o.legal_name'])
    .where('c.id', '=', clusterId)
    .executeTakeFirst()
  if (!row) throw new DomainError('cluster_not_found')
  const cluster = {
    id: row.id,
    programmeId: row.programme_id,
    organisationId: row.organisation_id,
    name: row.short_name ?? row.legal_name,
  }
  if (!looksAfterCluster(actor, cluster)) {
    throw new DomainError('forbidden', 'Only the staff of this cluster and operators look after its members.', {
      reason: 'missing_role',
    })
  }
  return cluster
}
