import type { ClusterMember } from '../../../../shared/contracts/cluster-members.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadClusterFor } from '../queries/cluster-scope.ts'
import { readClusterMember } from '../queries/list-cluster-members.ts'

/**
 * Makes an organisation a member of a cluster (its staff then follow the organisation's use cases).
 * 400 on the field for an unknown organisation, 409 `already_cluster_member` when it is one already.
 */
export async function addClusterMember(
  ctx: CommandContext,
  clusterId: string,
  organisationId: string,
): Promise<ClusterMember> {
  return inTransaction(ctx.db, async (tx) => {
    const cluster = await loadClusterFor(tx, ctx.actor, clusterId, 'cluster.members.manage')
    const org = await tx
      .selectFrom('organisations')
      .select(['id', 'legal_name'])
      .where('id', '=', organisationId)
      .executeTakeFirst()
    if (!org) throw fieldError('organisationId', 'unknown_organisation', 'No such organisation.')
    const inserted = await tx
      .insertInto('cluster_members')
      .values({
        cluster_id: clusterId,
        organisation_id: organisationId,
        added_by: ctx.actor.userId,
        added_at: ctx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['cluster_id', 'organisation_id']).doNothing())
      .returning('organisation_id')
      .executeTakeFirst()
    if (!inserted) {
      throw new DomainError('already_cluster_member', `${org.legal_name} is already a member of ${cluster.name}.`)
    }
    await recordAudit(tx, ctx, {
      action: 'cluster.member_added',
      subjectType: 'cluster',
      subjectId: clusterId,
      change: { organisationId, legalName: org.legal_name },
    })
    return readClusterMember(tx, clusterId, organisationId)
  })
}
