import { z } from 'zod'
import {
  clusterMember,
  clusterMemberInput,
  clusterMemberListQuery,
  clusterMemberPage,
  clusterMemberParams,
  clusterParams,
  organisationClusterList,
} from '../../../../shared/contracts/cluster-members.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { addClusterMember } from '../commands/add-cluster-member.ts'
import { removeClusterMember } from '../commands/remove-cluster-member.ts'
import { listClusterMembers } from '../queries/list-cluster-members.ts'
import { listOrganisationClusters } from '../queries/list-organisation-clusters.ts'
import { organisationParams, organisationSubject, tags } from './params.ts'

// Which cluster is an object rule (its own staff, or operators), checked by the commands like the
// workshops' organisers: the route gate stays role + scope.
export const clusterMemberRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/clusters/:clusterId/members',
    capability: 'cluster.members.view',
    summary: 'Member organisations of a cluster (its staff and operators), searched and paged',
    tags,
    params: clusterParams,
    query: clusterMemberListQuery,
    response: clusterMemberPage,
    handler: async ({ params, query }, ctx) => listClusterMembers(ctx, params.clusterId, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clusters/:clusterId/members',
    capability: 'cluster.members.manage',
    summary: 'Make an organisation a member of the cluster',
    tags,
    params: clusterParams,
    body: clusterMemberInput,
    response: clusterMember,
    status: 201,
    handler: async ({ params, body }, ctx) => addClusterMember(ctx, params.clusterId, body.organisationId),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/clusters/:clusterId/members/:organisationId',
    capability: 'cluster.members.manage',
    summary: 'End an organisation’s membership of the cluster',
    tags,
    params: clusterMemberParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await removeClusterMember(ctx, params.clusterId, params.organisationId)
      return null
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/clusters',
    capability: 'organisation.view',
    subject: organisationSubject,
    summary: 'The partner clusters the organisation is a member of',
    tags,
    params: organisationParams,
    response: organisationClusterList,
    handler: async ({ params }, ctx) => listOrganisationClusters(ctx, params.organisationId),
  }),
]
