import type { AnyRoute } from '../../../platform/http/route.ts'
import { invitationRoutes } from './invitation-routes.ts'
import { memberRoutes } from './member-routes.ts'
import { organisationCrudRoutes } from './organisation-routes.ts'

export const organisationRoutes: AnyRoute[] = [...organisationCrudRoutes, ...memberRoutes, ...invitationRoutes]
