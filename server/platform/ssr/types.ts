import type { Locale } from '../../../shared/contracts/common.ts'

/** Renders a public page (a React component from web/public) to a complete HTML document. */
export interface PageRenderer {
  renderPage(page: string, props: Record<string, unknown>, locale: Locale, url: string): string | Promise<string>
}
