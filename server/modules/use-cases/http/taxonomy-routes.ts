import { taxonomyParams, taxonomyTermList, taxonomyTermQuery } from '../../../../shared/contracts/taxonomies.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { listTerms } from '../queries/list-terms.ts'

export const taxonomyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/taxonomies/:taxonomyId/terms',
    capability: 'programme.view',
    summary: 'Terms of a shared taxonomy (tag pickers), with its source and licence',
    tags: ['taxonomies'],
    params: taxonomyParams,
    query: taxonomyTermQuery,
    response: taxonomyTermList,
    handler: async ({ params, query }, ctx) => listTerms(ctx.db, params.taxonomyId, query),
  }),
]
