import type { AnyRoute } from '@tanstack/react-router'

/** Pages of the assignment of experts (runs, locks, pairs and why) and the experts' bids. Registered by router.tsx with one line. */
export function createAssignmentRoutes<P extends AnyRoute>(_appRoute: P, _requireSignedIn: unknown) {
  return [] as const
}
