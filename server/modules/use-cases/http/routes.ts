import type { AnyRoute } from '../../../platform/http/route.ts'
import { commentRoutes } from './comment-routes.ts'
import { taxonomyRoutes } from './taxonomy-routes.ts'
import { transferRoutes } from './transfer-routes.ts'
import { useCaseCrudRoutes } from './use-case-routes.ts'

// `/use-cases/export.csv` is a static path: the router prefers it to `/use-cases/:useCaseId`.
export const useCaseRoutes: AnyRoute[] = [...transferRoutes, ...useCaseCrudRoutes, ...commentRoutes, ...taxonomyRoutes]
