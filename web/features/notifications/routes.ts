import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { NotificationsPage } from './NotificationsPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/** The notification centre's page, under /app; router.tsx registers it with one line. */
export function createNotificationRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const notifications = createRoute({
    getParentRoute: () => appRoute,
    path: 'notifications',
    beforeLoad: requireSignedIn as BeforeLoad,
    validateSearch: z.object({
      page: z.coerce.number().int().min(1).optional().catch(undefined),
      show: z.enum(['unread']).optional().catch(undefined),
    }),
    component: NotificationsPage,
  })
  return [notifications] as const
}
