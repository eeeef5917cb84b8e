import type { AnyRoute } from '../../../platform/http/route.ts'
import { assessmentRoutes } from './assessment-routes.ts'
import { mediaRoutes } from './media-routes.ts'
import { solutionCrudRoutes } from './solution-routes.ts'

/** The solutions module's own routes (the catalogue's are in catalogue-*.ts, registered by their author). */
export const solutionRoutes: AnyRoute[] = [...solutionCrudRoutes, ...mediaRoutes, ...assessmentRoutes]
