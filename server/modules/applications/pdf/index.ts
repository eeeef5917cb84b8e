/**
 * The application PDF (receipt page + the whole application as submitted): `renderApplicationPdf` is
 * pure (input → bytes); `pdfRoutes` serves GET /applications/:applicationId/revisions/:revision/receipt.pdf,
 * which loads the revision (visibility as for the revision itself), the call's form at the receipt's
 * call version and the challenge titles.
 */
export type { ApplicationPdfInput } from './input.ts'
export { receiptFileName } from './receipt-page.ts'
export { renderApplicationPdf } from './render.ts'
export { pdfRoutes } from './routes.ts'
export { loadPdfInput } from './serve-pdf.ts'
