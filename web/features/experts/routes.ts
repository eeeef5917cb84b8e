import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { poolSearch } from './api.ts'
import { BecomeExpertPage } from './BecomeExpertPage.tsx'
import { ExpertInvitationPage } from './ExpertInvitationPage.tsx'
import { ExpertPoolPage } from './ExpertPoolPage.tsx'
import { ExpertProfilePage } from './ExpertProfilePage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * Experts under /app: my expert profile, "Become an expert" (the public call for experts of listed
 * calls), the e-mail invitation's page, and the operators' pool per call (experts and conflicts).
 * Registered by router.tsx with one line.
 */
export function createExpertRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  const profile = createRoute({ ...at('expert'), component: ExpertProfilePage })
  const become = createRoute({
    ...at('expert/apply'),
    validateSearch: z.object({ call: z.uuid().optional().catch(undefined) }),
    component: BecomeExpertPage,
  })
  const invitation = createRoute({ ...at('expert-invitations/$token'), component: ExpertInvitationPage })
  const poolPage = createRoute({ ...at('experts'), validateSearch: poolSearch, component: ExpertPoolPage })
  return [profile, become, invitation, poolPage] as const
}
