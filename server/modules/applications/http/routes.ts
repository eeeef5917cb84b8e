import type { AnyRoute } from '../../../platform/http/route.ts'
import { applicationCrudRoutes } from './application-routes.ts'
import { fileRoutes } from './file-routes.ts'
import { invitationRoutes } from './invitation-routes.ts'
import { partnerRoutes } from './partner-routes.ts'
import { receiptKeyRoutes } from './receipt-key-routes.ts'
import { submissionRoutes } from './submission-routes.ts'

/** The applications module's own routes (screening, dashboard and the PDF are registered by theirs). */
export const applicationRoutes: AnyRoute[] = [
  ...applicationCrudRoutes,
  ...partnerRoutes,
  ...invitationRoutes,
  ...fileRoutes,
  ...submissionRoutes,
  ...receiptKeyRoutes,
]
