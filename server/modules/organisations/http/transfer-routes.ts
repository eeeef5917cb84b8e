import { z } from 'zod'
import {
  organisationExportQuery,
  organisationImportInput,
  organisationImportPreview,
  organisationImportPreviewInput,
  organisationImportReport,
} from '../../../../shared/contracts/organisation-transfer.ts'
import { importBodyLimit } from '../../../../shared/contracts/transfer.ts'
import { mediaTypes, sendDownload } from '../../../platform/export/index.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { importOrganisations, previewOrganisationImport } from '../commands/import-organisations.ts'
import { exportOrganisations } from '../queries/export-organisations.ts'
import { tags } from './params.ts'

const exportRoute = (format: 'csv' | 'xlsx') =>
  defineRoute({
    method: 'GET',
    url: `/api/v1/organisations/export.${format}`,
    capability: 'organisation.export',
    summary: `The filtered list of organisations as ${format.toUpperCase()} (same filters and sort as the staff list)`,
    tags,
    query: organisationExportQuery,
    response: z.unknown(),
    download: { contentTypes: [mediaTypes[format]] },
    handler: async ({ query }, ctx, _req, reply) => {
      const file = await exportOrganisations(ctx, format, query)
      sendDownload(reply, format, file.filename, file.body)
    },
  })

export const organisationTransferRoutes = [
  exportRoute('csv'),
  exportRoute('xlsx'),
  defineRoute({
    method: 'POST',
    url: '/api/v1/organisations/import/preview',
    capability: 'organisation.import',
    summary: 'Import, step 1: the columns of a CSV or XLSX file (base64, ≤ 5 MB) and a suggested mapping',
    tags,
    body: organisationImportPreviewInput,
    bodyLimit: importBodyLimit,
    response: organisationImportPreview,
    handler: async ({ body }, ctx) => previewOrganisationImport(ctx, body.file),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/organisations/import',
    capability: 'organisation.import',
    summary: 'Import, step 2: validate every row; create all (only if all pass) or the valid rows, in one transaction',
    tags,
    body: organisationImportInput,
    bodyLimit: importBodyLimit,
    response: organisationImportReport,
    handler: async ({ body }, ctx) => importOrganisations(ctx, body),
  }),
]
