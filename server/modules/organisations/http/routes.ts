import type { AnyRoute } from '../../../platform/http/route.ts'
import { clusterMemberRoutes } from './cluster-member-routes.ts'
import { invitationRoutes } from './invitation-routes.ts'
import { memberRoutes } from './member-routes.ts'
import { organisationCrudRoutes } from './organisation-routes.ts'
import { profileRoutes } from './profile-routes.ts'
import { organisationTransferRoutes } from './transfer-routes.ts'

export const organisationRoutes: AnyRoute[] = [
  ...organisationCrudRoutes,
  ...memberRoutes,
  ...invitationRoutes,
  ...clusterMemberRoutes,
  ...profileRoutes,
  ...organisationTransferRoutes,
]
