import type { AnyRoute } from '../../../platform/http/route.ts'
import { commentRoutes } from './comment-routes.ts'
import { taxonomyRoutes } from './taxonomy-routes.ts'
import { useCaseCrudRoutes } from './use-case-routes.ts'

export const useCaseRoutes: AnyRoute[] = [...useCaseCrudRoutes, ...commentRoutes, ...taxonomyRoutes]
