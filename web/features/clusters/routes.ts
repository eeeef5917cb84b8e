import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { listSearch } from '../../design-system/DataTable.tsx'
import { ClusterMembersPage } from './ClusterMembersPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/** The cluster pages under /app (router.tsx registers them with one line). */
export function createClusterRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const members = createRoute({
    getParentRoute: () => appRoute,
    path: 'cluster-members',
    beforeLoad: requireSignedIn as BeforeLoad,
    validateSearch: listSearch.extend({ cluster: z.string().uuid().optional().catch(undefined) }),
    component: ClusterMembersPage,
  })
  return [members] as const
}
