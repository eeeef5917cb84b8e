import type { AnyRoute } from '../../../platform/http/route.ts'
import { callCrudRoutes } from './call-routes.ts'
import { documentRoutes } from './document-routes.ts'
import { questionRoutes } from './question-routes.ts'

export const callRoutes: AnyRoute[] = [...callCrudRoutes, ...documentRoutes, ...questionRoutes]
