import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { SelectionPage } from './SelectionPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

export const selectionSearch = z.object({
  /** The scenario shown below the list. */
  scenario: z.uuid().optional().catch(undefined),
  /** The two scenarios compared. */
  a: z.uuid().optional().catch(undefined),
  b: z.uuid().optional().catch(undefined),
})

/** Pages of selection under a budget: scenarios, what-if comparison, adoption. Registered by router.tsx with one line. */
export function createSelectionRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const selection = createRoute({
    getParentRoute: () => appRoute,
    path: 'evaluation/$callId/selection',
    beforeLoad: requireSignedIn as BeforeLoad,
    validateSearch: selectionSearch,
    component: SelectionPage,
  })
  return [selection] as const
}
