import type { AnyRoute } from '../../../platform/http/route.ts'
import { participationRoutes } from './participation-routes.ts'
import { workshopCrudRoutes } from './workshop-routes.ts'

export const workshopRoutes: AnyRoute[] = [...workshopCrudRoutes, ...participationRoutes]
