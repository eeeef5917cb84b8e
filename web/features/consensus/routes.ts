import type { AnyRoute } from '@tanstack/react-router'

/** Pages of consensus: individual evaluations side by side, divergence flags, thread, consensus scores. Registered by router.tsx with one line. */
export function createConsensusRoutes<P extends AnyRoute>(_appRoute: P, _requireSignedIn: unknown) {
  return [] as const
}
