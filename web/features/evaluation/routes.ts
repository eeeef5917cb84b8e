import type { AnyRoute } from '@tanstack/react-router'

/** Pages of the evaluation hub (calls in evaluation), a call's setup (settings, phases), the experts' workspace (my evaluations, the evaluation form). Registered by router.tsx with one line. */
export function createEvaluationRoutes<P extends AnyRoute>(_appRoute: P, _requireSignedIn: unknown) {
  return [] as const
}
