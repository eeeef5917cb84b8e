import type { OrganisationCluster } from '../../../../shared/contracts/cluster-members.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

/** The partner clusters an organisation is a member of, in the programme's order of clusters. */
export async function listOrganisationClusters(
  ctx: CommandContext,
  organisationId: string,
): Promise<{ items: OrganisationCluster[] }> {
  authorize(ctx.actor, 'organisation.view', { type: 'organisation', id: organisationId })
  const rows = await ctx.db
    .selectFrom('cluster_members as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .innerJoin('organisations as co', 'co.id', 'c.organisation_id')
    .select(['c.id', 'c.programme_id', 'co.short_name', 'co.legal_name', 'co.country', 'm.added_at'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('c.programme_id')
    .orderBy('c.position')
    .execute()
  return {
    items: rows.map((r) => ({
      clusterId: r.id,
      programmeId: r.programme_id,
      name: r.short_name ?? r.legal_name,
      country: r.country,
      addedAt: new Date(r.added_at).toISOString(),
    })),
  }
}
