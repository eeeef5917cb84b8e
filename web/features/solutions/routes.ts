import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { solutionStatuses, solutionTypes } from '../../../shared/contracts/solutions.ts'
import { listSearch } from '../../design-system/DataTable.tsx'
import { EditSolutionPage, NewSolutionPage } from './SolutionFormPages.tsx'
import { SolutionPage } from './SolutionPage.tsx'
import { SolutionsPage } from './SolutionsPage.tsx'
import { TrlWizardPage } from './TrlWizardPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * The supply side's member pages under /app: "Our solutions", the solution form, the solution page and
 * the TRL wizard. Created from the app route and its sign-in guard so that router.tsx registers them
 * with one line.
 */
export function createSolutionRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const optionalId = z.string().uuid().optional().catch(undefined)
  const list = createRoute({
    getParentRoute: () => appRoute,
    path: 'solutions',
    beforeLoad: guard,
    validateSearch: listSearch.extend({
      organisation: optionalId,
      status: z.enum(solutionStatuses).optional().catch(undefined),
      type: z.enum(solutionTypes).optional().catch(undefined),
    }),
    component: SolutionsPage,
  })
  const create = createRoute({
    getParentRoute: () => appRoute,
    path: 'solutions/new',
    beforeLoad: guard,
    validateSearch: z.object({ organisation: optionalId }),
    component: NewSolutionPage,
  })
  const one = createRoute({
    getParentRoute: () => appRoute,
    path: 'solutions/$solutionId',
    beforeLoad: guard,
    component: SolutionPage,
  })
  const edit = createRoute({
    getParentRoute: () => appRoute,
    path: 'solutions/$solutionId/edit',
    beforeLoad: guard,
    component: EditSolutionPage,
  })
  const wizard = createRoute({
    getParentRoute: () => appRoute,
    path: 'solutions/$solutionId/trl/$assessmentId',
    beforeLoad: guard,
    component: TrlWizardPage,
  })
  return [list, create, one, edit, wizard] as const
}
