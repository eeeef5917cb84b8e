import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { EvaluationFormPage } from './EvaluationFormPage.tsx'
import { EvaluationHubPage } from './EvaluationHubPage.tsx'
import { EvaluationSetupPage } from './EvaluationSetupPage.tsx'
import { MyEvaluationsPage } from './MyEvaluationsPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * Pages of the evaluation hub (calls in evaluation), a call's setup (settings, phases), the experts'
 * workspace (my evaluations, the evaluation form). Registered by router.tsx with one line.
 */
export function createEvaluationRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  const hub = createRoute({ ...at('evaluation'), component: EvaluationHubPage })
  const setup = createRoute({ ...at('evaluation/$callId/setup'), component: EvaluationSetupPage })
  const mine = createRoute({ ...at('evaluations'), component: MyEvaluationsPage })
  const form = createRoute({ ...at('evaluations/$assignmentId'), component: EvaluationFormPage })
  return [hub, setup, mine, form] as const
}
