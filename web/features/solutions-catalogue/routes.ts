import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { CatalogueAppPage } from './CatalogueAppPage.tsx'
import { ImportSolutionsPage } from './ImportSolutionsPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

// The router reads `?trlMin=5` as a number: every value is kept as the form's string.
const text = z
  .union([z.string().max(200), z.number()])
  .transform((v) => String(v))
  .optional()
  .catch(undefined)

/** The catalogue's search in the URL (form names; `qlang` is the query's language). */
export const catalogueSearchSchema = z.object({
  q: text,
  qlang: text,
  domain: text,
  challenge: text,
  trlMin: text,
  trlMax: text,
  type: text,
  country: text,
  sme: text,
  tag: text,
  sort: text,
  page: z.coerce.number().int().min(1).optional().catch(undefined),
})

/** The members' catalogue and the solution import, under /app (router.tsx registers them with one line). */
export function createCatalogueRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const catalogue = createRoute({
    getParentRoute: () => appRoute,
    path: 'catalogue',
    beforeLoad: guard,
    validateSearch: catalogueSearchSchema,
    component: CatalogueAppPage,
  })
  const importPage = createRoute({
    getParentRoute: () => appRoute,
    path: 'admin/solutions/import',
    beforeLoad: guard,
    component: ImportSolutionsPage,
  })
  return [catalogue, importPage] as const
}
