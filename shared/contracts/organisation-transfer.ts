import { z } from 'zod'
import { organisationListQuery } from './organisations.ts'
import { importColumn, importMaxBytes, importModes, importReport } from './transfer.ts'

/**
 * Import and export of organisations (issue 4, item 5), for operators and cluster staff.
 * Export: the staff list's filters and sort, without paging (capped at `organisationExportLimit`).
 * Import: the same two steps as use cases — the file (base64, CSV or XLSX read from its bytes) gives
 * its columns and a suggested mapping (`preview`), then file + mapping + mode give a per-row report.
 * Created organisations have no members yet: staff invite their people afterwards.
 */
export const organisationExportLimit = 10_000
export const organisationExportQuery = organisationListQuery.omit({ page: true, pageSize: true, mine: true })
export const organisationImportMaxRows = 2_000
export { importMaxBytes as organisationImportMaxBytes }

export const organisationImportFields = [
  'legalName',
  'shortName',
  'legalForm',
  'country',
  'registrationNumber',
  'website',
  'type',
  'description',
  'headcount',
  'annualTurnover',
  'balanceSheet',
  'financialYear',
  'foundedYear',
  'region',
  'visibility',
  'tags',
] as const
export type OrganisationImportField = (typeof organisationImportFields)[number]
export const organisationImportRequired: readonly OrganisationImportField[] = ['legalName', 'country']

export const organisationImportMapping = z.partialRecord(
  z.enum(organisationImportFields),
  z.number().int().min(0).max(500),
)
export type OrganisationImportMapping = z.infer<typeof organisationImportMapping>

const file = z
  .string()
  .min(1)
  .max(Math.ceil((importMaxBytes * 4) / 3) + 8)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
export const organisationImportPreviewInput = z.object({ file })
export const organisationImportInput = z.object({
  file,
  mapping: organisationImportMapping,
  mode: z.enum(importModes),
})

export const organisationImportPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  rowCount: z.number().int(),
  columns: z.array(importColumn),
  suggestedMapping: organisationImportMapping,
  fields: z.array(z.object({ field: z.enum(organisationImportFields), required: z.boolean() })),
})
export type OrganisationImportPreview = z.infer<typeof organisationImportPreview>
/** The report: `created.reference` is the new organisation's public reference (ORG-XXXXXXXX). */
export const organisationImportReport = importReport
export type OrganisationImportReport = z.infer<typeof organisationImportReport>
