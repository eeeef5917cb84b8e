import { z } from 'zod'
import { revisionParams } from '../../../../shared/contracts/applications.ts'
import { locale } from '../../../../shared/contracts/common.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { downloadApplicationPdf, pdfLocale } from './serve-pdf.ts'

export const pdfRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications/:applicationId/revisions/:revision/receipt.pdf',
    capability: 'application.view',
    summary:
      'The receipt and the whole application as submitted, as a PDF (the signed receipt is attached inside); `lang` (else Accept-Language) picks the language',
    tags: ['applications'],
    params: revisionParams,
    query: z.object({ lang: locale.optional() }),
    response: z.null(),
    download: { contentTypes: ['application/pdf'] },
    handler: async ({ params, query }, ctx, req, reply) => {
      await downloadApplicationPdf(ctx, params.applicationId, params.revision, pdfLocale(req, query.lang), reply)
      return null
    },
  }),
]
