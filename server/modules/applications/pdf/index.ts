/**
 * The application PDF (receipt page + the whole application as submitted): `renderApplicationPdf` is
 * pure (input → bytes); `pdfRoutes` serves GET /applications/:applicationId/revisions/:revision/receipt.pdf,
 * which loads the revision (visibility as for the revision itself), the call's form at the receipt's
 * call version and the challenge titles.
 */

// The building blocks other modules' PDFs use (the evaluation summary): fonts, formats, the page writer.
export { embedFonts } from './fonts.ts'
export { pdfFormat } from './format.ts'
export type { ApplicationPdfInput } from './input.ts'
export { PdfWriter } from './layout.ts'
export { receiptFileName } from './receipt-page.ts'
export { renderApplicationPdf } from './render.ts'
export { pdfRoutes } from './routes.ts'
export { loadPdfInput, pdfLocale } from './serve-pdf.ts'
