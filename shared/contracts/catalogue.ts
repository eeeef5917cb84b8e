import { z } from 'zod'
import { countryCodes } from '../countries.ts'
import { isoDateTime, localizedText, pageOf, uuid } from './common.ts'
import { smeStatuses } from './profiles.ts'
import { solutionMedia, solutionOwner, solutionTypes } from './solutions.ts'
import { importColumn, importMaxBytes, importModes, importRowError } from './transfer.ts'

/**
 * The solution catalogue (issue 4, item 4): one query for the public pages, the members' view in the
 * app, the facet counts and the exports. Who sees which solution is `visibleSolutions` on the server;
 * whose name is shown is the disclosure rule (an anonymous owner never reaches a name, a snippet, a
 * facet or the order of results).
 */

/** The languages a query may be declared in (the catalogue stems each of them). */
export const queryLanguages = ['en', 'fr', 'nl', 'de', 'es', 'it'] as const
export type QueryLanguage = (typeof queryLanguages)[number]

/**
 * relevance (with `q`; otherwise newest), newest first, name A–Z, TRL (highest first, unassessed last),
 * owner (the owner as the caller sees it: names A–Z, then owners whose identity is hidden, by solution name).
 */
export const catalogueSorts = ['relevance', 'newest', 'name', 'trl', 'owner'] as const
export type CatalogueSort = (typeof catalogueSorts)[number]

/** Empty form fields (`?q=&type=`) mean "no filter", so the no-JavaScript search form can send them all. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional())
const trl = z.coerce.number().int().min(1).max(9)

/** The filters, shared by the list, the facets and the exports. */
export const catalogueFilterQuery = z.object({
  q: optional(z.string().trim().max(200)),
  /** The query's language, when the reader says it; otherwise it is detected (long queries) or every language is tried. */
  lang: optional(z.enum(queryLanguages)),
  /** Domain code (D1). */
  domain: optional(z.string().trim().max(10)),
  /** Challenge code (D1-C3). */
  challenge: optional(z.string().trim().max(20)),
  /** The effective TRL (latest review, else the self-assessment) lies in [trlMin, trlMax]. */
  trlMin: optional(trl),
  trlMax: optional(trl),
  type: optional(z.enum(solutionTypes)),
  /** Country of the owning organisation. */
  country: optional(z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(countryCodes))),
  /** SME status of the owning organisation. */
  sme: optional(z.enum(smeStatuses)),
  /** A taxonomy term. */
  tag: optional(uuid),
  /**
   * A call's code (OC1): the solutions for the challenges in its scope, and the TRL badge judged against
   * the call's window. A code that names no published call matches nothing.
   */
  call: optional(z.string().trim().max(40)),
})
export type CatalogueFilterQuery = z.output<typeof catalogueFilterQuery>

export const catalogueQuery = catalogueFilterQuery.extend({
  sort: optional(z.enum(catalogueSorts)),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess(blank, z.coerce.number().int().min(1).max(50).default(20)),
})
export type CatalogueQuery = z.output<typeof catalogueQuery>

/** Exports take the filters and the sort, never a page: every matching row (capped). */
export const catalogueExportQuery = catalogueFilterQuery.extend({ sort: optional(z.enum(catalogueSorts)) })
export type CatalogueExportQuery = z.output<typeof catalogueExportQuery>
export const catalogueExportLimit = 10_000

/** A piece of a search snippet: `hit` marks the words that matched. Plain text, never markup. */
export const snippetPart = z.object({ text: z.string(), hit: z.boolean() })
export type SnippetPart = z.infer<typeof snippetPart>

export const trlWindow = z.object({ min: z.number().int(), max: z.number().int() })

/** The owner as the caller may see it, with its size class (never hidden: it identifies no one). */
export const catalogueOwner = solutionOwner.extend({ smeStatus: z.enum(smeStatuses).nullable() })
export type CatalogueOwner = z.infer<typeof catalogueOwner>

export const catalogueItem = z.object({
  id: uuid,
  reference: z.string(),
  name: z.string(),
  pitch: z.string(),
  type: z.enum(solutionTypes),
  /** The language of the solution's text. */
  language: z.string(),
  /** The effective TRL (latest review, else the self-assessment); null before any completed assessment. */
  trl: z.number().int().nullable(),
  targetTrl: z.number().int().nullable(),
  /** Whether the effective TRL lies in the page's `trlWindow` (null: not assessed). */
  fitsWindow: z.boolean().nullable(),
  owner: catalogueOwner,
  domains: z.array(z.object({ code: z.string(), name: localizedText })),
  tags: z.array(z.object({ id: uuid, name: z.string() })),
  /** Where the query matched in the description or problem (with `q` only). */
  snippet: z.array(snippetPart).nullable(),
  createdAt: isoDateTime,
})
export type CatalogueItem = z.infer<typeof catalogueItem>

export const cataloguePage = pageOf(catalogueItem).extend({
  sort: z.enum(catalogueSorts),
  /** The query's language: declared, detected, or null (every language was tried). */
  queryLanguage: z.enum(queryLanguages).nullable(),
  /** The TRL window of the badge ("fits TRL 5–8"): the filtered call's, else the programme's. */
  trlWindow,
})
export type CataloguePage = z.infer<typeof cataloguePage>

const facetValue = z.object({ value: z.string(), count: z.number().int().min(0) })
export const facetNames = ['domain', 'challenge', 'type', 'trl', 'country', 'sme', 'tag'] as const
export type FacetName = (typeof facetNames)[number]

/**
 * How many solutions each filter value would give, each facet counted on the list filtered by every
 * OTHER filter (so the values of a chosen filter stay visible). Values with no solution are left out,
 * except the chosen one. `trl` values are levels "1"…"9". Tags: the most frequent ones (and the chosen one).
 */
export const catalogueFacets = z.object({
  total: z.number().int().min(0),
  domain: z.array(facetValue.extend({ label: localizedText })),
  challenge: z.array(facetValue.extend({ label: z.string() })),
  type: z.array(facetValue),
  trl: z.array(facetValue),
  country: z.array(facetValue),
  sme: z.array(facetValue),
  tag: z.array(facetValue.extend({ label: z.string() })),
})
export type CatalogueFacets = z.infer<typeof catalogueFacets>
export const facetTagLimit = 20

/** One solution as the catalogue shows it on its own page (public or members). */
export const catalogueSolution = catalogueItem.omit({ snippet: true }).extend({
  description: z.string(),
  problem: z.string(),
  targetUsers: z.array(z.string()),
  references: z.array(
    z.object({ clientType: z.string(), country: z.string(), year: z.number().int(), description: z.string() }),
  ),
  ipStatus: z.string(),
  challenges: z.array(
    z.object({
      code: z.string(),
      slug: z.string(),
      title: z.string(),
      trlMin: z.number().int(),
      trlMax: z.number().int(),
      fits: z.boolean().nullable(),
    }),
  ),
  /** Images and datasheets, served through the route that applies the visibility rule (neutral names when the owner is hidden). */
  media: z.array(solutionMedia),
  updatedAt: isoDateTime,
})
export type CatalogueSolution = z.infer<typeof catalogueSolution>

/** A visible solution linked to a challenge, for "Solutions for this challenge". */
export const challengeSolution = z.object({
  reference: z.string(),
  name: z.string(),
  pitch: z.string(),
  language: z.string(),
  type: z.enum(solutionTypes),
  trl: z.number().int().nullable(),
  /** Whether the effective TRL lies in the challenge's TRL range. */
  fits: z.boolean().nullable(),
  owner: catalogueOwner,
})
export type ChallengeSolution = z.infer<typeof challengeSolution>
/** The first solutions for a challenge, and how many there are in all. */
export const challengeSolutions = z.object({ items: z.array(challengeSolution), total: z.number().int().min(0) })
export type ChallengeSolutions = z.infer<typeof challengeSolutions>

// --- Server-rendered pages -------------------------------------------------------------------------

/**
 * The search form's values as strings (empty when unset). The query's language is `qlang` in forms and
 * page addresses, because `?lang=` there chooses the page's own language; the API calls it `lang`.
 */
export const catalogueFormValues = z.object({
  q: z.string(),
  qlang: z.string(),
  domain: z.string(),
  challenge: z.string(),
  trlMin: z.string(),
  trlMax: z.string(),
  type: z.string(),
  country: z.string(),
  sme: z.string(),
  tag: z.string(),
  sort: z.string(),
})
export type CatalogueFormValues = z.infer<typeof catalogueFormValues>

const programmeRef = z.object({ acronym: z.string(), name: z.string() })

export const solutionListPageProps = z.object({
  programme: programmeRef,
  filters: catalogueFormValues,
  result: cataloguePage,
  facets: catalogueFacets,
})
export type SolutionListPageProps = z.infer<typeof solutionListPageProps>

export const solutionDetailPageProps = z.object({
  programme: programmeRef,
  solution: catalogueSolution,
  trlWindow,
})
export type SolutionDetailPageProps = z.infer<typeof solutionDetailPageProps>

// --- Import (operators and cluster staff) ------------------------------------------------------------

/**
 * Import of solutions with their owning organisations, from CSV or XLSX: the file (base64) → its
 * columns and a suggested mapping (`preview`) → file + mapping + mode → a report row by row. The owner
 * must be on the platform already (organisations have their own import): found by registration number,
 * else by name, the country telling namesakes apart. Solutions are drafts unless the row says `published`.
 */
export const solutionImportFields = [
  'name',
  'pitch',
  'type',
  'organisationRegistrationNumber',
  'organisationName',
  'organisationCountry',
  'status',
  'visibility',
  'language',
  'description',
  'problem',
  'ipStatus',
  'targetTrl',
  'domains',
  'challenges',
  'tags',
] as const
export type SolutionImportField = (typeof solutionImportFields)[number]

export const solutionImportMapping = z.partialRecord(z.enum(solutionImportFields), z.number().int().min(0).max(500))
export type SolutionImportMapping = z.infer<typeof solutionImportMapping>

const importFile = z
  .string()
  .min(1)
  .max(Math.ceil((importMaxBytes * 4) / 3) + 8)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
export const solutionImportPreviewInput = z.object({ file: importFile })
export const solutionImportInput = z.object({
  file: importFile,
  mapping: solutionImportMapping,
  mode: z.enum(importModes),
})
export type SolutionImportInput = z.output<typeof solutionImportInput>

export const solutionImportPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  rowCount: z.number().int(),
  columns: z.array(importColumn),
  suggestedMapping: solutionImportMapping,
  fields: z.array(z.object({ field: z.enum(solutionImportFields), required: z.boolean() })),
})
export type SolutionImportPreview = z.infer<typeof solutionImportPreview>

export const solutionImportRow = z.object({
  row: z.number().int(),
  ok: z.boolean(),
  errors: z.array(importRowError),
  /** The owner the row was matched to (its name: only operators and cluster staff import). */
  organisation: z.string().nullable(),
  /** The created solution, when this row was written. */
  created: z.object({ id: uuid, reference: z.string() }).nullable(),
})
export type SolutionImportRow = z.infer<typeof solutionImportRow>
export const solutionImportReport = z.object({
  format: z.enum(['csv', 'xlsx']),
  mode: z.enum(importModes),
  /** Whether anything was written. */
  written: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  created: z.number().int(),
  mappingErrors: z.array(importRowError),
  rows: z.array(solutionImportRow),
})
export type SolutionImportReport = z.infer<typeof solutionImportReport>
