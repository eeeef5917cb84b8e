import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { ProgressPage } from './ProgressPage.tsx'
import { RankingPage } from './RankingPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * Operators' pages of a call's evaluation: progress (per expert and application, score distributions,
 * calibration, exports) and the ranking (ties and the rule that broke each, exports). Registered by
 * router.tsx with one line.
 */
export function createRankingRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  const progress = createRoute({ ...at('evaluation/$callId/progress'), component: ProgressPage })
  const ranking = createRoute({ ...at('evaluation/$callId/ranking'), component: RankingPage })
  return [progress, ranking] as const
}
