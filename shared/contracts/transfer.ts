import { z } from 'zod'
import { locale, uuid } from './common.ts'
import { useCaseListQuery } from './use-cases.ts'

/**
 * Import and export of use cases (issue 3, item 7).
 *
 * Export: the list's filters and sort, no paging (capped at `exportRowLimit`), as CSV or XLSX.
 * Import: an operator sends the file (base64, CSV or XLSX, detected from its bytes), gets the columns and
 * a suggested mapping (`preview`), then sends file + mapping + mode; the answer is a per-row report.
 */
export const exportRowLimit = 10_000
export const useCaseExportQuery = useCaseListQuery.omit({ page: true, pageSize: true }).extend({
  /** The language of the column headers; by default the signed-in person's language. */
  lang: locale.optional(),
})
/** The export's columns, in file order (headers are `useCaseTransfer.export.columns.<key>`). */
export const exportColumnKeys = [
  'reference',
  'title',
  'organisation',
  'country',
  'domain',
  'status',
  'confidentiality',
  'trlMin',
  'trlMax',
  'created',
  'updated',
  'submitted',
  'tags',
] as const
export type ExportColumnKey = (typeof exportColumnKeys)[number]

/** 5 MB of file; base64 makes it about 6.7 MB of JSON. */
export const importMaxBytes = 5 * 1024 * 1024
export const importMaxRows = 2_000
export const importBodyLimit = 8 * 1024 * 1024

/** The use-case fields a column can be mapped to. */
export const importFields = [
  'title',
  'organisationRegistrationNumber',
  'organisationName',
  'domain',
  'confidentiality',
  'trlMin',
  'trlMax',
  'tags',
  'contextAndThreat',
  'problemStatement',
  'stakeholders',
  'owner',
  'currentPractice',
  'gaps',
  'functionalRequirements',
  'constraintsLegal',
  'constraintsEthics',
  'constraintsInteroperability',
  'constraintsPrice',
  'constraintsMaintainability',
  'successCriteria',
  'testBed',
  'dataAvailability',
] as const
export type ImportField = (typeof importFields)[number]

/** Field → 0-based column index; unmapped fields are absent. */
export const importMapping = z.partialRecord(z.enum(importFields), z.number().int().min(0).max(500))
export type ImportMapping = z.infer<typeof importMapping>

export const importModes = ['all_or_nothing', 'valid_rows'] as const
export type ImportMode = (typeof importModes)[number]

const file = z
  .string()
  .min(1)
  .max(Math.ceil((importMaxBytes * 4) / 3) + 8)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
export const importPreviewInput = z.object({
  /** The file's bytes, base64. Its name does not matter: the type is read from the content. */
  file,
})
export const importInput = z.object({
  file,
  mapping: importMapping,
  mode: z.enum(importModes),
  /** The programme the use cases belong to; by default the (first) one the operator runs. */
  programmeId: uuid.optional(),
})

export const importColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  /** The first non-empty values, to help choose. */
  samples: z.array(z.string()),
})
export const importPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  rowCount: z.number().int(),
  columns: z.array(importColumn),
  suggestedMapping: importMapping,
  fields: z.array(z.object({ field: z.enum(importFields), required: z.boolean() })),
})
export type ImportPreview = z.infer<typeof importPreview>

export const importRowError = z.object({
  field: z.string(),
  code: z.string(),
  value: z.string().optional(),
  /** `ambiguous_tag`: how to write each matching term unambiguously (`taxonomy:term`). */
  candidates: z.array(z.string()).optional(),
  /** A sentence for API users; the UI translates `code`. */
  message: z.string().optional(),
})
export type ImportRowError = z.infer<typeof importRowError>
export const importRowReport = z.object({
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  ok: z.boolean(),
  errors: z.array(importRowError),
  /** The created use case, when this row was written. */
  created: z.object({ id: uuid, reference: z.string() }).nullable(),
})
export type ImportRowReport = z.infer<typeof importRowReport>
export const importReport = z.object({
  format: z.enum(['csv', 'xlsx']),
  mode: z.enum(importModes),
  /** Whether anything was written. */
  written: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  created: z.number().int(),
  /** Errors about the mapping itself (a required field not mapped, a column that does not exist). */
  mappingErrors: z.array(importRowError),
  rows: z.array(importRowReport),
})
export type ImportReport = z.infer<typeof importReport>
