import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { ApplicantProfilePage } from './ApplicantProfilePage.tsx'
import { ImportOrganisationsPage } from './ImportOrganisationsPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/** The applicant-profile tab of an organisation (a child of /app/organisations/$organisationId). */
export function createApplicantProfileRoute<P extends AnyRoute>(organisationRoute: P) {
  return createRoute({
    getParentRoute: () => organisationRoute,
    path: 'applicant-profile',
    component: ApplicantProfilePage,
  })
}

/** Staff pages about organisations under /app (router.tsx registers them with one line). */
export function createOrganisationStaffRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const importRoute = createRoute({
    getParentRoute: () => appRoute,
    path: 'admin/organisations/import',
    beforeLoad: requireSignedIn as BeforeLoad,
    component: ImportOrganisationsPage,
  })
  return [importRoute] as const
}
