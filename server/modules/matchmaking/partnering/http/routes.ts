import type { AnyRoute } from '../../../../platform/http/route.ts'
import { interestRoutes } from './interest-routes.ts'
import { postRoutes } from './post-routes.ts'
import { threadRoutes } from './thread-routes.ts'

// `/partnering/my-posts` and `/partnering/my-interests` are static paths next to `/posts/:postId`.
export const partneringRoutes: AnyRoute[] = [...postRoutes, ...interestRoutes, ...threadRoutes]
