import type { AnyRoute } from '../../../../platform/http/route.ts'
import { eventRoutes } from './event-routes.ts'
import { organiserRoutes } from './organiser-routes.ts'
import { requestRoutes } from './request-routes.ts'

// `/schedule-runs/latest` is a static path next to `/schedule-runs/:runId`.
export const brokerageRoutes: AnyRoute[] = [...eventRoutes, ...requestRoutes, ...organiserRoutes]
