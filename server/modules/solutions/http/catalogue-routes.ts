import {
  catalogueFilterQuery,
  cataloguePage,
  catalogueQuery,
  catalogueFacets as facetsContract,
} from '../../../../shared/contracts/catalogue.ts'
import type { AnyRoute } from '../../../platform/http/route.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { catalogueFacets } from '../queries/catalogue/facets.ts'
import { listCatalogue } from '../queries/catalogue/list.ts'
import { transferRoutes } from './transfer-routes.ts'

const tags = ['solutions']

/**
 * The catalogue (public and members' views: what each caller sees is decided per row by visibleSolutions,
 * whose name is shown by the disclosure rule). Registered in server/app.ts with the transfer routes.
 */
export const catalogueRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/solutions',
    capability: 'solution.view',
    summary:
      'Search the catalogue of published solutions you may see: full text in every language (`lang` to name the query’s), filters, sort, paging',
    tags,
    query: catalogueQuery,
    response: cataloguePage,
    handler: async ({ query }, ctx) => listCatalogue(ctx.db, ctx.actor, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/solutions/facets',
    capability: 'solution.view',
    summary:
      'How many solutions each filter value gives (domain, challenge, type, TRL, country and SME status of the owner, tag), each counted without its own filter',
    tags,
    query: catalogueFilterQuery,
    response: facetsContract,
    handler: async ({ query }, ctx) => catalogueFacets(ctx.db, ctx.actor, query),
  }),
  ...transferRoutes,
]
