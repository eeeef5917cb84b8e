import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { callPhases } from '../../../shared/contracts/calls.ts'
import { listSearch } from '../../design-system/DataTable.tsx'
import { EditCallPage, NewCallPage } from './CallEditorPages.tsx'
import { CallsPage } from './CallsPage.tsx'
import { editorTabs } from './editor/tabs.ts'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * The operators' call pages under /app: the list, a new call and the call editor (its tab in the URL).
 * Created from the app route and its sign-in guard so that router.tsx registers them with one line.
 */
export function createCallRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const tabSearch = z.object({ tab: z.enum(editorTabs).optional().catch(undefined) })
  const list = createRoute({
    getParentRoute: () => appRoute,
    path: 'calls',
    beforeLoad: guard,
    validateSearch: listSearch.extend({ phase: z.enum(callPhases).optional().catch(undefined) }),
    component: CallsPage,
  })
  const create = createRoute({
    getParentRoute: () => appRoute,
    path: 'calls/new',
    beforeLoad: guard,
    validateSearch: tabSearch,
    component: NewCallPage,
  })
  const edit = createRoute({
    getParentRoute: () => appRoute,
    path: 'calls/$callId/edit',
    beforeLoad: guard,
    validateSearch: tabSearch,
    component: EditCallPage,
  })
  return [list, create, edit] as const
}
