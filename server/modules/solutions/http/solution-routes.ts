import {
  organisationSolutionsParams,
  solution,
  solutionInput,
  solutionListQuery,
  solutionPage,
  solutionParams,
  solutionPatch,
  solutionRevision,
  solutionRevisionParams,
  solutionTransitionInput,
} from '../../../../shared/contracts/solutions.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { createSolution } from '../commands/create-solution.ts'
import { transitionSolution } from '../commands/transition-solution.ts'
import { updateSolution } from '../commands/update-solution.ts'
import { getRevision } from '../queries/get-revision.ts'
import { getSolution } from '../queries/get-solution.ts'
import { listOrganisationSolutions } from '../queries/list-organisation-solutions.ts'

const tags = ['solutions']

// No route `subject`: a solution the caller may not see is a 404 for everyone (visibleSolutions), and
// membership of the owning organisation is checked by each command on the solution itself.
export const solutionCrudRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/solutions',
    capability: 'solution.view',
    summary: "An organisation's own solutions, drafts and archived included (its members and programme staff)",
    tags,
    params: organisationSolutionsParams,
    query: solutionListQuery,
    response: solutionPage,
    handler: async ({ params, query }, ctx) => listOrganisationSolutions(ctx, params.organisationId, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/solutions',
    capability: 'solution.manage',
    summary: 'Describe a solution of your organisation (a draft unless published at once)',
    tags,
    body: solutionInput,
    response: solution,
    status: 201,
    handler: async ({ body }, ctx) => createSolution(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/solutions/:solutionId',
    capability: 'solution.view',
    summary: 'One solution: content, media, TRL status with its badge, and your abilities',
    tags,
    params: solutionParams,
    response: solution,
    handler: async ({ params }, ctx) => getSolution(ctx, params.solutionId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/solutions/:solutionId',
    capability: 'solution.manage',
    summary: 'Save the fields sent as a new revision (expectedRevision guards against lost updates)',
    tags,
    params: solutionParams,
    body: solutionPatch,
    response: solution,
    handler: async ({ params, body }, ctx) => updateSolution(ctx, params.solutionId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/solutions/:solutionId/transitions',
    capability: 'solution.manage',
    summary: 'Publish, unpublish, archive or restore',
    tags,
    params: solutionParams,
    body: solutionTransitionInput,
    response: solution,
    handler: async ({ params, body }, ctx) => transitionSolution(ctx, params.solutionId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/solutions/:solutionId/revisions/:revision',
    capability: 'solution.view',
    summary: 'One saved revision, a full snapshot (members of the organisation and programme staff)',
    tags,
    params: solutionRevisionParams,
    response: solutionRevision,
    handler: async ({ params }, ctx) => getRevision(ctx, params.solutionId, params.revision),
  }),
]
