import type { AnyRoute } from '../../../platform/http/route.ts'
import { operatorChallengeRoutes } from './operator-routes.ts'
import { publicChallengeRoutes } from './public-routes.ts'

export const challengeRoutes: AnyRoute[] = [...publicChallengeRoutes, ...operatorChallengeRoutes]
