import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadClusterFor } from '../queries/cluster-scope.ts'

/** Ends an organisation's membership of a cluster (404 `member_not_found` when it is not one). */
export async function removeClusterMember(ctx: CommandContext, clusterId: string, organisationId: string) {
  await inTransaction(ctx.db, async (tx) => {
    await loadClusterFor(tx, ctx.actor, clusterId, 'cluster.members.manage')
    const removed = await tx
      .deleteFrom('cluster_members')
      .where('cluster_id', '=', clusterId)
      .where('organisation_id', '=', organisationId)
      .returning('organisation_id')
      .executeTakeFirst()
    if (!removed) throw new DomainError('member_not_found', 'This organisation is not a member of the cluster.')
    await recordAudit(tx, ctx, {
      action: 'cluster.member_removed',
      subjectType: 'cluster',
      subjectId: clusterId,
      change: { organisationId },
    })
  })
}
