import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { DecisionsPage } from './DecisionsPage.tsx'
import { RedressPage } from './RedressPage.tsx'
import { ResultPage } from './ResultPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/** Pages of decisions, notifications, the applicant's result (summary, grant answer, redress) and redress handling. Registered by router.tsx with one line. */
export function createDecisionRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  const decisions = createRoute({ ...at('evaluation/$callId/decisions'), component: DecisionsPage })
  const redress = createRoute({ ...at('evaluation/$callId/redress'), component: RedressPage })
  const result = createRoute({ ...at('applications/$applicationId/result'), component: ResultPage })
  return [decisions, redress, result] as const
}
