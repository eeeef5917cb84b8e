import { z } from 'zod'
import { isoDateTime, pageOf, pageQuery, sortParam, uuid } from './common.ts'
import { organisationTypes } from './organisations.ts'

/**
 * Organisations that are members of a partner cluster. The cluster's staff follow the use cases of its
 * member organisations (the use-case visibility rule); staff of that cluster and operators manage the list.
 */
export const clusterMember = z.object({
  organisation: z.object({
    id: uuid,
    legalName: z.string(),
    shortName: z.string().nullable(),
    country: z.string(),
    type: z.enum(organisationTypes),
  }),
  addedAt: isoDateTime,
  addedBy: z.object({ id: uuid, name: z.string() }).nullable(),
})
export type ClusterMember = z.infer<typeof clusterMember>

export const clusterMemberSortFields = ['legalName', 'country', 'addedAt'] as const
export const clusterMemberListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  sort: sortParam(clusterMemberSortFields, 'legalName'),
})
export const clusterMemberPage = pageOf(clusterMember)
export const clusterParams = z.object({ clusterId: uuid })
export const clusterMemberParams = clusterParams.extend({ organisationId: uuid })
export const clusterMemberInput = z.object({ organisationId: uuid })

/** The clusters an organisation is a member of (its profile shows them). */
export const organisationCluster = z.object({
  clusterId: uuid,
  programmeId: uuid,
  name: z.string(),
  country: z.string(),
  addedAt: isoDateTime,
})
export type OrganisationCluster = z.infer<typeof organisationCluster>
export const organisationClusterList = z.object({ items: z.array(organisationCluster) })
