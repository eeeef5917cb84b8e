import type { TFunction } from 'i18next'
import type { LocalizedText } from '../../../shared/contracts/common.ts'
import type { SelectionExplanation } from '../../../shared/contracts/evaluation-selection.ts'
import { type Formatter, localized } from '../../design-system/format.ts'

/** Why the ranking left an application out, as the scenario froze it (the criterion's name included). */
interface OutReason {
  code: string
  criterionId?: string
  criterion?: LocalizedText
  score?: number
  threshold?: number
}

/** Euro cents as money in the reader's language. */
export function money(f: Formatter, cents: unknown): string {
  return f.number(Number(cents ?? 0) / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 })
}

/** Why an application is funded, in reserve or out, in words (the same sentences as the XLSX export). */
export function explain(t: TFunction, f: Formatter, e: SelectionExplanation): string {
  const scope = (s: unknown) => t(`selection.explain.scope.${String(s)}`)
  const reason = (code: string, p: Record<string, unknown>): string => {
    switch (code) {
      case 'selected_in_rank':
        return t('selection.explain.selected_in_rank', { rank: p.rank, granted: money(f, p.grantedCents) })
      case 'budget_exhausted':
        return t('selection.explain.budget_exhausted', {
          requested: money(f, p.requestedCents),
          remaining: money(f, p.remainingCents),
        })
      case 'quota_max':
        return t('selection.explain.quota_max', { scope: scope(p.scope), key: p.key, max: p.max })
      case 'quota_min_reserved':
        return t('selection.explain.quota_min_reserved', {
          quotas: ((p.quotas as { scope: string; key: string; min: number }[] | undefined) ?? [])
            .map((q) => `${scope(q.scope)} ${q.key} (≥ ${q.min})`)
            .join(', '),
        })
      case 'organisation_cap':
        return t('selection.explain.organisation_cap', {
          name: p.name || '—',
          cap: money(f, p.capCents),
          prior: money(f, p.priorCents),
          selected: money(f, p.selectedCents),
          requested: money(f, p.requestedCents),
        })
      case 'country_max':
        return t('selection.explain.country_max', { country: f.country(String(p.country)), max: p.max })
      case 'not_ranked': {
        const reasons = (p.reasons as OutReason[] | undefined) ?? []
        if (reasons.length === 0) return t('selection.explain.not_ranked')
        const words = reasons.map((o) =>
          t(`ranking.out.${o.code}`, {
            criterion: o.criterion ? localized(o.criterion, f.locale) : (o.criterionId ?? ''),
            score: o.score === undefined ? '' : f.number(o.score),
            threshold: o.threshold === undefined ? '' : f.number(o.threshold),
          }),
        )
        return t('selection.explain.not_ranked_because', { reasons: words.join('; ') })
      }
      default:
        return code
    }
  }
  if (e.code === 'reserve')
    return `${t('selection.explain.reserve', { reserveRank: e.params.reserveRank })} ${reason(
      String(e.params.reason),
      (e.params.detail as Record<string, unknown> | undefined) ?? {},
    )}`
  return reason(e.code, e.params)
}
