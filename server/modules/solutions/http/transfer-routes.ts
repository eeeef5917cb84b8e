import { z } from 'zod'
import {
  catalogueExportQuery,
  solutionImportInput,
  solutionImportPreview,
  solutionImportPreviewInput,
  solutionImportReport,
} from '../../../../shared/contracts/catalogue.ts'
import { importBodyLimit } from '../../../../shared/contracts/transfer.ts'
import { mediaTypes, sendDownload } from '../../../platform/export/index.ts'
import type { AnyRoute } from '../../../platform/http/route.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { importSolutions, previewSolutionImport } from '../commands/transfer-import.ts'
import { exportCatalogue } from '../queries/catalogue/export.ts'

const tags = ['solutions']

const exportRoute = (format: 'csv' | 'xlsx') =>
  defineRoute({
    method: 'GET',
    url: `/api/v1/solutions/export.${format}`,
    capability: 'solution.export',
    summary: `The filtered catalogue you may see, as ${format.toUpperCase()} (same filters, sort and visibility as GET /api/v1/solutions; owners as the list shows them)`,
    tags,
    query: catalogueExportQuery,
    response: z.unknown(),
    download: { contentTypes: [mediaTypes[format]] },
    handler: async ({ query }, ctx, _req, reply) => {
      const file = await exportCatalogue(ctx, format, query)
      sendDownload(reply, format, file.filename, file.body)
    },
  })

/** Export of the catalogue (any signed-in person, what they see) and import of solutions (operators, cluster staff). */
export const transferRoutes: AnyRoute[] = [
  exportRoute('csv'),
  exportRoute('xlsx'),
  defineRoute({
    method: 'POST',
    url: '/api/v1/solutions/import/preview',
    capability: 'solution.import',
    summary: 'Import of solutions, step 1: the columns of a CSV or XLSX file (base64, ≤ 5 MB) and a suggested mapping',
    tags,
    body: solutionImportPreviewInput,
    bodyLimit: importBodyLimit,
    response: solutionImportPreview,
    handler: async ({ body }, ctx) => previewSolutionImport(ctx, body.file),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/solutions/import',
    capability: 'solution.import',
    summary:
      'Import of solutions, step 2: validate every row (owners found by registration number or name); write all (only if all pass) or the valid rows, in one transaction',
    tags,
    body: solutionImportInput,
    bodyLimit: importBodyLimit,
    response: solutionImportReport,
    handler: async ({ body }, ctx) => importSolutions(ctx, body),
  }),
]
