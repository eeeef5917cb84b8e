import { z } from 'zod'
import { denialReasons } from '../errors.ts'

/** Lists, everywhere: `?page=1&pageSize=25&sort=-createdAt&q=…` → `{ items, total, page, pageSize }`. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})
export type PageQuery = z.infer<typeof pageQuery>

export function sortParam<const T extends readonly [string, ...string[]]>(fields: T, fallback: string) {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]]
  return z.enum(values).default(fallback)
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  })
}
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export const ability = z.object({ allowed: z.boolean(), reason: z.enum(denialReasons).optional() })
export type Ability = z.infer<typeof ability>
export const abilities = z.record(z.string(), ability)
export type Abilities = z.infer<typeof abilities>

export const locales = ['en', 'fr', 'nl'] as const
export type Locale = (typeof locales)[number]
export const locale = z.enum(locales)
/** Programme text written in several languages; English is always present. */
export const localizedText = z.object({ en: z.string() }).catchall(z.string())
export type LocalizedText = z.infer<typeof localizedText>

export const uuid = z.uuid()
export const isoDateTime = z.iso.datetime({ offset: true })
export const isoDate = z.iso.date()

/**
 * RFC 9457 problem details, with Cascade's stable `code` and per-field errors. Extension members
 * (a DomainError's details: `conflicts` of an edit conflict, the current `part`, readiness `issues`…)
 * are kept, not stripped.
 */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    reason: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
export type Problem = z.infer<typeof problem>
