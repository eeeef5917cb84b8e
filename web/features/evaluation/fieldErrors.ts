import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api.ts'

/**
 * The server's field errors of a failed request by path (`scores.impact.comment`, `tieBreaks.2.rule`),
 * translated: this page's own codes (`evaluation.fieldErrors.<code>`, with the minimum length when
 * given), else the shared validation texts.
 */
export function useFieldErrors() {
  const { t, i18n } = useTranslation()
  return useCallback(
    (error: unknown, params: Record<string, unknown> = {}): Record<string, string> => {
      if (!isApiError(error)) return {}
      const out: Record<string, string> = {}
      for (const fe of error.fieldErrors) {
        if (out[fe.path]) continue
        const key = [`evaluation.fieldErrors.${fe.code}`, `validation.${fe.code}`, `errors.${fe.code}`].find((k) =>
          i18n.exists(k),
        )
        out[fe.path] = key ? t(key, params) : fe.message
      }
      return out
    },
    [t, i18n],
  )
}
