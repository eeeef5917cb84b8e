import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router'
import { z } from 'zod'
import { programmeRoles } from '../../shared/authz.ts'
import { organisationTypes } from '../../shared/contracts/organisations.ts'
import { countryCodes } from '../../shared/countries.ts'
import { listSearch } from '../design-system/DataTable.tsx'
import { ActivityLogPage } from '../features/admin/ActivityLogPage.tsx'
import { AdminOrganisationsPage } from '../features/admin/AdminOrganisationsPage.tsx'
import { AdminRolesPage } from '../features/admin/AdminRolesPage.tsx'
import { AdminUsersPage } from '../features/admin/AdminUsersPage.tsx'
import { MailboxPage } from '../features/admin/MailboxPage.tsx'
import { MailMessagePage } from '../features/admin/MailMessagePage.tsx'
import { ProgrammeSettingsPage } from '../features/admin/ProgrammeSettingsPage.tsx'
import { createApplicationRoutes } from '../features/applications/routes.ts'
import { CheckEmailPage } from '../features/auth/CheckEmailPage.tsx'
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.tsx'
import { ProfilePage } from '../features/auth/ProfilePage.tsx'
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.tsx'
import { SecurityPage } from '../features/auth/SecurityPage.tsx'
import { SignInPage } from '../features/auth/SignInPage.tsx'
import { SignUpPage } from '../features/auth/SignUpPage.tsx'
import { TokensPage } from '../features/auth/TokensPage.tsx'
import { VerifiedPage } from '../features/auth/VerifiedPage.tsx'
import { createBrokerageRoutes } from '../features/brokerage/routes.ts'
import { createCallRoutes } from '../features/calls/routes.ts'
import { createClusterRoutes } from '../features/clusters/routes.ts'
import { createConsensusRoutes } from '../features/consensus/routes.ts'
import { createConsortiumRoutes } from '../features/consortia/routes.ts'
import { createDecisionRoutes } from '../features/decisions/routes.ts'
import { createEvaluationRoutes } from '../features/evaluation/routes.ts'
import { createAssignmentRoutes } from '../features/evaluation-assign/routes.ts'
import { createExpertRoutes } from '../features/experts/routes.ts'
import { createNotificationRoutes } from '../features/notifications/routes.ts'
import { AcceptInvitationPage } from '../features/organisations/AcceptInvitationPage.tsx'
import { InvitationsPage } from '../features/organisations/InvitationsPage.tsx'
import { MembersPage } from '../features/organisations/MembersPage.tsx'
import { NewOrganisationPage } from '../features/organisations/NewOrganisationPage.tsx'
import { OrganisationLayout } from '../features/organisations/OrganisationLayout.tsx'
import { OrganisationProfilePage } from '../features/organisations/OrganisationProfilePage.tsx'
import { OrganisationsPage } from '../features/organisations/OrganisationsPage.tsx'
import { createApplicantProfileRoute, createOrganisationStaffRoutes } from '../features/organisations/routes.ts'
import { createPartneringRoutes } from '../features/partnering/routes.ts'
import { ProgrammePage } from '../features/programme/ProgrammePage.tsx'
import { createRankingRoutes } from '../features/ranking/routes.ts'
import { createScreeningRoutes } from '../features/screening/routes.ts'
import { createSelectionRoutes } from '../features/selection/routes.ts'
import { createSolutionRoutes } from '../features/solutions/routes.ts'
import { createCatalogueRoutes } from '../features/solutions-catalogue/routes.ts'
import { createDemandRoutes } from '../features/use-cases/routes.ts'
import { CaptureUseCasePage } from '../features/use-cases/UseCaseFormPages.tsx'
import { ImportPage as UseCaseImportPage } from '../features/use-cases-transfer/ImportPage.tsx'
import { ResultsPage } from '../features/workshops/ResultsPage.tsx'
import { VotePage } from '../features/workshops/VotePage.tsx'
import { EditWorkshopPage, NewWorkshopPage } from '../features/workshops/WorkshopFormPage.tsx'
import { WorkshopPage } from '../features/workshops/WorkshopPage.tsx'
import { WorkshopsPage } from '../features/workshops/WorkshopsPage.tsx'
import { DashboardPage } from './DashboardPage.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'
import { ensureMe } from './session.ts'
import { Shell } from './shell/Shell.tsx'

/**
 * The single-page app's routes, all under /app (public pages such as the programme home are rendered by
 * the server). Code-based route tree; list pages keep their query (`q`, `page`, `pageSize`, `sort`, filters)
 * in the URL so that a list can be shared and survives a reload.
 */
export interface RouterContext {
  queryClient: QueryClient
}

/**
 * Only paths of this site are accepted as a post-sign-in destination (no open redirect): the app's
 * (`/app…`) and the public pages' (`/calls/OC1`, where a visitor signs in to ask a question).
 */
export const safeRedirect = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => (v && /^\/(?![/\\])/.test(v) && !/[\s]/.test(v) ? v : undefined))

async function requireSignedIn({ context, location }: { context: RouterContext; location: { href: string } }) {
  const me = await ensureMe(context.queryClient)
  if (!me) throw redirect({ to: '/app/sign-in', search: { redirect: location.href } })
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
})

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/app',
  component: Shell,
  notFoundComponent: NotFoundPage,
})

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: requireSignedIn,
  component: DashboardPage,
})

const programmeRoute = createRoute({ getParentRoute: () => appRoute, path: 'programme', component: ProgrammePage })

// Accounts
const signInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sign-in',
  validateSearch: z.object({ redirect: safeRedirect }),
  component: SignInPage,
})
const signUpRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sign-up',
  validateSearch: z.object({ redirect: safeRedirect }),
  component: SignUpPage,
})
const checkEmailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'check-email',
  validateSearch: z.object({ email: z.string().optional().catch(undefined) }),
  component: CheckEmailPage,
})
const verifiedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'verified',
  validateSearch: z.object({ error: z.string().optional().catch(undefined) }),
  component: VerifiedPage,
})
const forgotPasswordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'forgot-password',
  component: ForgotPasswordPage,
})
const resetPasswordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reset-password',
  validateSearch: z.object({
    token: z.string().optional().catch(undefined),
    error: z.string().optional().catch(undefined),
  }),
  component: ResetPasswordPage,
})
const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'profile',
  beforeLoad: requireSignedIn,
  validateSearch: z.object({ emailChanged: z.string().optional().catch(undefined) }),
  component: ProfilePage,
})
const securityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'profile/security',
  beforeLoad: requireSignedIn,
  component: SecurityPage,
})
const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'profile/tokens',
  beforeLoad: requireSignedIn,
  component: TokensPage,
})

// Organisations
const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organisations',
  beforeLoad: requireSignedIn,
  validateSearch: listSearch,
  component: OrganisationsPage,
})
const newOrganisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organisations/new',
  beforeLoad: requireSignedIn,
  component: NewOrganisationPage,
})
const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organisations/$organisationId',
  beforeLoad: requireSignedIn,
  component: OrganisationLayout,
})
const organisationProfileRoute = createRoute({
  getParentRoute: () => organisationRoute,
  path: '/',
  component: OrganisationProfilePage,
})
const membersRoute = createRoute({ getParentRoute: () => organisationRoute, path: 'members', component: MembersPage })
const invitationsRoute = createRoute({
  getParentRoute: () => organisationRoute,
  path: 'invitations',
  component: InvitationsPage,
})
const acceptInvitationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'invitations/$token',
  component: AcceptInvitationPage,
})

// Workshops (demand side): list, organiser form, detail, vote and results
const workshopsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'workshops',
  beforeLoad: requireSignedIn,
  validateSearch: listSearch.extend({
    when: z.enum(['upcoming', 'past']).optional().catch(undefined),
    format: z.enum(['online', 'on_site', 'hybrid']).optional().catch(undefined),
  }),
  component: WorkshopsPage,
})
const workshopChild = <P extends string>(path: P) => ({
  getParentRoute: () => appRoute,
  path,
  beforeLoad: requireSignedIn,
})
const newWorkshopRoute = createRoute({ ...workshopChild('workshops/new'), component: NewWorkshopPage })
const workshopRoute = createRoute({ ...workshopChild('workshops/$workshopId'), component: WorkshopPage })
const editWorkshopRoute = createRoute({ ...workshopChild('workshops/$workshopId/edit'), component: EditWorkshopPage })
const voteRoute = createRoute({ ...workshopChild('workshops/$workshopId/vote'), component: VotePage })
const resultsRoute = createRoute({ ...workshopChild('workshops/$workshopId/results'), component: ResultsPage })
const captureRoute = createRoute({
  ...workshopChild('workshops/$workshopId/capture'),
  component: CaptureUseCasePage,
})

// Administration (each page checks its capability and explains a refusal)
const adminUsersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/users',
  beforeLoad: requireSignedIn,
  validateSearch: listSearch.extend({
    role: z
      .enum([...programmeRoles, 'none'])
      .optional()
      .catch(undefined),
  }),
  component: AdminUsersPage,
})
const adminRolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/roles',
  beforeLoad: requireSignedIn,
  validateSearch: listSearch.extend({ role: z.enum(programmeRoles).optional().catch(undefined) }),
  component: AdminRolesPage,
})
const adminOrganisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/organisations',
  beforeLoad: requireSignedIn,
  validateSearch: listSearch.extend({
    type: z.enum(organisationTypes).optional().catch(undefined),
    country: z.enum(countryCodes).optional().catch(undefined),
  }),
  component: AdminOrganisationsPage,
})
const activityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/activity',
  beforeLoad: requireSignedIn,
  validateSearch: listSearch.extend({
    actor: z.string().optional().catch(undefined),
    subjectType: z.string().optional().catch(undefined),
    subjectId: z.string().optional().catch(undefined),
    action: z.string().optional().catch(undefined),
    from: z.string().optional().catch(undefined),
    to: z.string().optional().catch(undefined),
  }),
  component: ActivityLogPage,
})
const mailboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/mailbox',
  beforeLoad: requireSignedIn,
  validateSearch: listSearch.extend({ to: z.string().optional().catch(undefined) }),
  component: MailboxPage,
})
const programmeSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/programme',
  beforeLoad: requireSignedIn,
  component: ProgrammeSettingsPage,
})
const mailMessageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/mailbox/$messageId',
  beforeLoad: requireSignedIn,
  component: MailMessagePage,
})

const useCaseImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/use-cases/import',
  beforeLoad: requireSignedIn,
  component: UseCaseImportPage,
})

const routeTree = rootRoute.addChildren([
  appRoute.addChildren([
    ...createDemandRoutes(appRoute, requireSignedIn),
    ...createSolutionRoutes(appRoute, requireSignedIn),
    ...createCatalogueRoutes(appRoute, requireSignedIn),
    ...createOrganisationStaffRoutes(appRoute, requireSignedIn),
    ...createNotificationRoutes(appRoute, requireSignedIn),
    ...createClusterRoutes(appRoute, requireSignedIn),
    ...createCallRoutes(appRoute, requireSignedIn),
    ...createScreeningRoutes(appRoute, requireSignedIn),
    ...createApplicationRoutes(appRoute, requireSignedIn),
    ...createPartneringRoutes(appRoute, requireSignedIn),
    ...createBrokerageRoutes(appRoute, requireSignedIn),
    ...createConsortiumRoutes(appRoute, requireSignedIn),
    ...createExpertRoutes(appRoute, requireSignedIn),
    ...createEvaluationRoutes(appRoute, requireSignedIn),
    ...createAssignmentRoutes(appRoute, requireSignedIn),
    ...createConsensusRoutes(appRoute, requireSignedIn),
    ...createRankingRoutes(appRoute, requireSignedIn),
    ...createSelectionRoutes(appRoute, requireSignedIn),
    ...createDecisionRoutes(appRoute, requireSignedIn),
    dashboardRoute,
    programmeRoute,
    signInRoute,
    signUpRoute,
    checkEmailRoute,
    verifiedRoute,
    forgotPasswordRoute,
    resetPasswordRoute,
    profileRoute,
    securityRoute,
    tokensRoute,
    organisationsRoute,
    newOrganisationRoute,
    organisationRoute.addChildren([
      organisationProfileRoute,
      createApplicantProfileRoute(organisationRoute),
      membersRoute,
      invitationsRoute,
    ]),
    acceptInvitationRoute,
    workshopsRoute,
    newWorkshopRoute,
    workshopRoute,
    editWorkshopRoute,
    voteRoute,
    resultsRoute,
    captureRoute,
    adminUsersRoute,
    adminRolesRoute,
    adminOrganisationsRoute,
    activityRoute,
    mailboxRoute,
    mailMessageRoute,
    programmeSettingsRoute,
    useCaseImportRoute,
  ]),
])

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultNotFoundComponent: NotFoundPage,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
