import { z } from 'zod'
import { uuid } from './common.ts'

export const taxonomyTerm = z.object({
  id: uuid,
  taxonomyId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  parentCode: z.string().nullable(),
})
export type TaxonomyTerm = z.infer<typeof taxonomyTerm>

export const taxonomyParams = z.object({ taxonomyId: z.string().regex(/^[a-z0-9-]{1,60}$/) })
/** Tag pickers: terms whose name or code contains `q`, in the taxonomy's own order. */
export const taxonomyTermQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})
export const taxonomyTermList = z.object({
  taxonomy: z.object({ id: z.string(), name: z.string(), source: z.string(), licence: z.string() }),
  items: z.array(taxonomyTerm),
})
export type TaxonomyTermList = z.infer<typeof taxonomyTermList>
