import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { consensusSearch } from './api.ts'
import { ConsensusListPage } from './ConsensusListPage.tsx'
import { ConsensusPage } from './ConsensusPage.tsx'
import { ExpertConsensusPage } from './ExpertConsensusPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * Pages of consensus: the moderators' list of a call's applications (flags, filters), one application's
 * evaluations side by side with the consensus record and the thread, and an expert's view of the
 * application they evaluated (the others' evaluations and the thread, consensus phase only).
 * Registered by router.tsx with one line.
 */
export function createConsensusRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  const list = createRoute({
    ...at('evaluation/$callId/consensus'),
    validateSearch: consensusSearch,
    component: ConsensusListPage,
  })
  const detail = createRoute({ ...at('evaluation/$callId/consensus/$applicationId'), component: ConsensusPage })
  const expert = createRoute({ ...at('consensus/$applicationId'), component: ExpertConsensusPage })
  return [list, detail, expert] as const
}
