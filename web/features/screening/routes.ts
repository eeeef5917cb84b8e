import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { admissibilities, applicationStatuses } from '../../../shared/contracts/applications.ts'
import { countryCodes } from '../../../shared/countries.ts'
import { listSearch } from '../../design-system/DataTable.tsx'
import { CallApplicationsPage } from './CallApplicationsPage.tsx'
import { ScreeningPage } from './ScreeningPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * The programme staff's pages of a call's applications under /app: the dashboard with the table and
 * the export, and the eligibility review of one application. Created from the app route and its
 * sign-in guard so that router.tsx registers them with one line.
 */
export function createScreeningRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const dashboard = createRoute({
    getParentRoute: () => appRoute,
    path: 'calls/$callId/applications',
    beforeLoad: guard,
    validateSearch: listSearch.extend({
      status: z.enum(applicationStatuses).optional().catch(undefined),
      admissibility: z.enum(admissibilities).optional().catch(undefined),
      challengeId: z.string().uuid().optional().catch(undefined),
      country: z.enum(countryCodes).optional().catch(undefined),
    }),
    component: CallApplicationsPage,
  })
  const review = createRoute({
    getParentRoute: () => appRoute,
    path: 'calls/$callId/applications/$applicationId/screening',
    beforeLoad: guard,
    component: ScreeningPage,
  })
  return [dashboard, review] as const
}
