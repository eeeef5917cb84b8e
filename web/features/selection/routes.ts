import type { AnyRoute } from '@tanstack/react-router'

/** Pages of selection under a budget: scenarios, what-if comparison, adoption. Registered by router.tsx with one line. */
export function createSelectionRoutes<P extends AnyRoute>(_appRoute: P, _requireSignedIn: unknown) {
  return [] as const
}
