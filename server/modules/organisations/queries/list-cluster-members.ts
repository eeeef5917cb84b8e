import { sql } from 'kysely'
import type { z } from 'zod'
import type { ClusterMember, clusterMemberListQuery } from '../../../../shared/contracts/cluster-members.ts'
import type { Page } from '../../../../shared/contracts/common.ts'
import type { OrganisationType } from '../../../../shared/contracts/organisations.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadClusterFor } from './cluster-scope.ts'

export type ClusterMemberListQuery = z.output<typeof clusterMemberListQuery>

const sortColumns = {
  legalName: sql`lower(o.legal_name)`,
  country: sql`o.country`,
  addedAt: sql`m.added_at`,
} as const

function selectMembers(db: Queryable, clusterId: string) {
  return db
    .selectFrom('cluster_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('users as u', 'u.id', 'm.added_by')
    .select(['o.id', 'o.legal_name', 'o.short_name', 'o.country', 'o.type', 'm.added_at', 'm.added_by', 'u.name'])
    .where('m.cluster_id', '=', clusterId)
}
type MemberRow = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>

function toMember(r: MemberRow): ClusterMember {
  return {
    organisation: {
      id: r.id,
      legalName: r.legal_name,
      shortName: r.short_name,
      country: r.country,
      type: r.type as OrganisationType,
    },
    addedAt: new Date(r.added_at).toISOString(),
    addedBy: r.added_by && r.name !== null ? { id: r.added_by, name: r.name } : null,
  }
}

/** One member, as the API shows it (after an addition). */
export async function readClusterMember(db: Queryable, clusterId: string, organisationId: string) {
  return toMember(await selectMembers(db, clusterId).where('o.id', '=', organisationId).executeTakeFirstOrThrow())
}

/** The member organisations of one cluster, searched (name, short name), sorted and paged. */
export async function listClusterMembers(
  ctx: CommandContext,
  clusterId: string,
  query: ClusterMemberListQuery,
): Promise<Page<ClusterMember>> {
  await loadClusterFor(ctx.db, ctx.actor, clusterId, 'cluster.members.view')
  let base = selectMembers(ctx.db, clusterId)
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    base = base.where((eb) => eb.or([eb('o.legal_name', 'ilike', pattern), eb('o.short_name', 'ilike', pattern)]))
  }
  const descending = query.sort.startsWith('-')
  const field = (descending ? query.sort.slice(1) : query.sort) as keyof typeof sortColumns
  const [rows, total] = await Promise.all([
    base
      .orderBy(sortColumns[field], descending ? 'desc' : 'asc')
      .orderBy('o.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toMember), total: Number(total.n), page: query.page, pageSize: query.pageSize }
}
