import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { applicationStatuses } from '../../../shared/contracts/applications.ts'
import { listSearch } from '../../design-system/DataTable.tsx'
import { ApplicationEditorPage } from './ApplicationEditorPage.tsx'
import { ApplicationsPage } from './ApplicationsPage.tsx'
import { InvitationPage } from './InvitationPage.tsx'
import { NewApplicationPage } from './NewApplicationPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * The applicants' pages under /app: my applications, starting one for a call, the editor, and the
 * invitation to join a consortium. Created from the app route and its sign-in guard so that
 * router.tsx registers them with one line.
 */
export function createApplicationRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const optionalId = z.string().uuid().optional().catch(undefined)
  const list = createRoute({
    getParentRoute: () => appRoute,
    path: 'applications',
    beforeLoad: guard,
    validateSearch: listSearch.extend({
      status: z.enum(applicationStatuses).optional().catch(undefined),
      callId: optionalId,
    }),
    component: ApplicationsPage,
  })
  const create = createRoute({
    getParentRoute: () => appRoute,
    path: 'applications/new',
    beforeLoad: guard,
    validateSearch: z.object({ callId: optionalId }),
    component: NewApplicationPage,
  })
  const one = createRoute({
    getParentRoute: () => appRoute,
    path: 'applications/$applicationId',
    beforeLoad: guard,
    component: ApplicationEditorPage,
  })
  // The invitation page explains itself to a visitor who is not signed in yet (sign in, then accept).
  const invitation = createRoute({
    getParentRoute: () => appRoute,
    path: 'application-invitations/$token',
    component: InvitationPage,
  })
  return [list, create, one, invitation] as const
}
