import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReadinessIssue, RuleOutcome } from '../../../../shared/contracts/applications.ts'
import { useFormat } from '../../../design-system/format.ts'
import { useFileSize } from '../form/FileField.tsx'
import { useEuros } from '../form/ValueFields.tsx'

/** The groups of the readiness panel, in its order. */
export const issueGroups = ['form', 'consortium', 'budget', 'partners'] as const
export type IssueGroup = (typeof issueGroups)[number]

const budgetRules = new Set(['budget_per_project', 'budget_per_third_party'])
const partnerRules = new Set(['declarations_signed'])
const consortiumRules = new Set([
  'consortium_size',
  'minimum_smes',
  'minimum_countries',
  'eligible_countries',
  'end_user_involved',
  'not_linked_to_programme_partners',
  'one_application_per_organisation',
])

/** Where an issue belongs in the panel. */
export function groupOf(issue: ReadinessIssue): IssueGroup {
  if (issue.code === 'partner_budget_missing' || (issue.rule && budgetRules.has(issue.rule))) return 'budget'
  if (issue.rule && consortiumRules.has(issue.rule)) return 'consortium'
  if (issue.rule && partnerRules.has(issue.rule)) return 'partners'
  if (issue.code.startsWith('partner_')) return 'partners'
  return 'form'
}

export function groupIssues(issues: readonly ReadinessIssue[]): Record<IssueGroup, ReadinessIssue[]> {
  const out: Record<IssueGroup, ReadinessIssue[]> = { form: [], consortium: [], budget: [], partners: [] }
  for (const i of issues) out[groupOf(i)].push(i)
  return out
}

type Params = Record<string, string | number>

/**
 * The parameters of a reason code as a reader wants them: cents as euros, bytes as sizes, country
 * codes as names, kinds and SME categories in words.
 */
function useReadableParams() {
  const { t } = useTranslation()
  const f = useFormat()
  const euros = useEuros()
  const size = useFileSize()
  return useCallback(
    (params: Params): Params => {
      const out: Params = {}
      for (const [k, v] of Object.entries(params)) {
        if (k.endsWith('Cents') && typeof v === 'number') out[k] = euros(v)
        else if ((k === 'byteSize' || k === 'maxBytes') && typeof v === 'number') out[k] = size(v)
        else if (k === 'country' && typeof v === 'string')
          out[k] = f.list(
            v
              .split(/,\s*/)
              .filter(Boolean)
              .map((c) => f.country(c)),
          )
        else if (k === 'kind' || k === 'which') out[k] = t(`applications.readiness.words.${v}`)
        else if ((k === 'declared' || k === 'computed') && typeof v === 'string')
          out[k] = v ? t(`applications.partners.smeCategories.${v}`) : '—'
        else if (k === 'accept' && typeof v === 'string')
          out[k] = f.list(v.split(/,\s*/).map((x) => t(`applications.form.uploadTypes.${x}`)))
        else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out[k] = f.date(v)
        else out[k] = typeof v === 'number' ? f.number(v) : v
      }
      // `count` stays a number for plural forms.
      if (typeof params.count === 'number') out.count = params.count
      return out
    },
    [t, f, euros, size],
  )
}

/** `applications.readiness.<code>` in words, with its parameters made readable. */
export function useIssueText() {
  const { t, i18n } = useTranslation()
  const readable = useReadableParams()
  return useCallback(
    (issue: Pick<ReadinessIssue, 'code' | 'params'>): string => {
      const key = `applications.readiness.${issue.code}`
      return i18n.exists(key)
        ? t(key, readable(issue.params))
        : t('applications.readiness.unknown', { code: issue.code })
    },
    [t, i18n, readable],
  )
}

/** `applications.eligibility.<code>`: the reason of a screening outcome. */
export function useReasonText() {
  const { t, i18n } = useTranslation()
  const readable = useReadableParams()
  return useCallback(
    (reason: RuleOutcome['reason']): string => {
      const key = `applications.eligibility.${reason.code}`
      return i18n.exists(key)
        ? t(key, readable(reason.params))
        : t('applications.readiness.unknown', { code: reason.code })
    },
    [t, i18n, readable],
  )
}

/** Moves the keyboard focus to a field (or the first focusable element inside it) and shows it. */
export function focusField(id: string): boolean {
  const el = document.getElementById(id)
  if (!el) return false
  const focusable = el.matches('input, textarea, select, button, [tabindex]')
    ? el
    : el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button, [tabindex]')
  el.scrollIntoView({ block: 'center', behavior: 'smooth' })
  ;(focusable ?? el).focus({ preventScroll: true })
  return true
}
