import type { Locale } from '../../../../../shared/contracts/common.ts'
import { translator } from '../../../../../shared/i18n/index.ts'
import { translate } from '../../../../platform/i18n/index.ts'

type Params = Record<string, string | number>

const intlTag = (l: Locale) => (l === 'en' ? 'en-GB' : l)

/**
 * A reason's parameters ready for a text in `locale`: amounts (`…Cents`) as euros, other numbers
 * written the local way, except `count`, which stays a number so that the text takes its plural form
 * ("1 country", "3 countries"). The browser does the same (web/features/screening/labels.tsx).
 */
export function reasonVars(params: Params, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(params)) {
    if (k === 'count' && typeof v === 'number') out[k] = v
    else if (typeof v === 'number' && k.endsWith('Cents')) {
      out[k] = new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency: 'EUR' }).format(v / 100)
    } else if (typeof v === 'number') out[k] = new Intl.NumberFormat(intlTag(locale)).format(v)
    else out[k] = v
  }
  return out
}

/** `Rule: reason`, in `locale` (the reason alone is left out when it has no text). */
export function ruleLine(locale: Locale, rule: string, reason: { code: string; params: Params }): string {
  const name = translate(locale, `screening.rules.${rule}`)
  const key = `applications.eligibility.${reason.code}`
  const text = translator(locale)(key, reasonVars(reason.params, locale))
  return text === key ? name : `${name}: ${text}`
}
