import { z } from 'zod'
import {
  importBodyLimit,
  importInput,
  importPreview,
  importPreviewInput,
  importReport,
  useCaseExportQuery,
} from '../../../../shared/contracts/transfer.ts'
import { mediaTypes, sendDownload } from '../../../platform/export/index.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { previewImport } from '../commands/import-preview.ts'
import { importUseCases } from '../commands/import-use-cases.ts'
import { exportUseCases } from '../queries/export-use-cases.ts'

const tags = ['use cases']

const exportRoute = (format: 'csv' | 'xlsx') =>
  defineRoute({
    method: 'GET',
    url: `/api/v1/use-cases/export.${format}`,
    capability: 'use_case.export',
    summary: `The filtered list of use cases you may see, as ${format.toUpperCase()} (same filters and visibility as the list)`,
    tags,
    query: useCaseExportQuery,
    response: z.unknown(),
    download: { contentTypes: [mediaTypes[format]] },
    handler: async ({ query }, ctx, _req, reply) => {
      const file = await exportUseCases(ctx, format, query)
      sendDownload(reply, format, file.filename, file.body)
    },
  })

export const transferRoutes = [
  exportRoute('csv'),
  exportRoute('xlsx'),
  defineRoute({
    method: 'POST',
    url: '/api/v1/use-cases/import/preview',
    capability: 'use_case.import',
    summary: 'Import, step 1: the columns of a CSV or XLSX file (base64, ≤ 5 MB) and a suggested mapping',
    tags,
    body: importPreviewInput,
    bodyLimit: importBodyLimit,
    response: importPreview,
    handler: async ({ body }, ctx) => previewImport(ctx, body.file),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/use-cases/import',
    capability: 'use_case.import',
    summary:
      'Import, step 2: validate every row; write all (only if all pass) or the valid rows, as drafts, in one transaction',
    tags,
    body: importInput,
    bodyLimit: importBodyLimit,
    response: importReport,
    handler: async ({ body }, ctx) => importUseCases(ctx, body),
  }),
]
