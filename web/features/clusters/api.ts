import type { z } from 'zod'
import {
  clusterMember,
  type clusterMemberListQuery,
  clusterMemberPage,
  organisationClusterList,
} from '../../../shared/contracts/cluster-members.ts'
import { request } from '../../app/api.ts'

/** The typed client of the cluster-membership endpoints. */
export type ClusterMemberQuery = Partial<z.input<typeof clusterMemberListQuery>>
type Query = Record<string, string | number | boolean | null | undefined>
const enc = encodeURIComponent

export const clustersApi = {
  members: (clusterId: string, query: ClusterMemberQuery) =>
    request('GET', `/api/v1/clusters/${enc(clusterId)}/members`, { query: query as Query, schema: clusterMemberPage }),
  add: (clusterId: string, organisationId: string) =>
    request('POST', `/api/v1/clusters/${enc(clusterId)}/members`, { body: { organisationId }, schema: clusterMember }),
  remove: (clusterId: string, organisationId: string) =>
    request('DELETE', `/api/v1/clusters/${enc(clusterId)}/members/${enc(organisationId)}`, { schema: null }),
  ofOrganisation: (organisationId: string) =>
    request('GET', `/api/v1/organisations/${enc(organisationId)}/clusters`, { schema: organisationClusterList }),
}

export const clusterKeys = {
  members: (clusterId: string, q?: ClusterMemberQuery) =>
    q ? (['cluster-members', clusterId, q] as const) : (['cluster-members', clusterId] as const),
  ofOrganisation: (organisationId: string) => ['organisation', organisationId, 'clusters'] as const,
}
