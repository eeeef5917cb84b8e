import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { AssignmentPage } from './AssignmentPage.tsx'
import { BidsPage } from './BidsPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

export const bidsSearch = z.object({
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
})

/** Pages of the assignment of experts (runs, locks, pairs and why) and the experts' bids. Registered by router.tsx with one line. */
export function createAssignmentRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  const assignment = createRoute({ ...at('evaluation/$callId/assignment'), component: AssignmentPage })
  const bids = createRoute({ ...at('evaluations/bids/$callId'), validateSearch: bidsSearch, component: BidsPage })
  return [assignment, bids] as const
}
