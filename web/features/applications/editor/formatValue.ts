import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  AnswerValue,
  PartnerPart,
  UploadedFile,
  WorkPlanValue,
} from '../../../../shared/contracts/applications.ts'
import type { FormQuestion } from '../../../../shared/contracts/call-form.ts'
import { localized, useFormat } from '../../../design-system/format.ts'
import { useEuros } from '../form/ValueFields.tsx'

/** An answer in words, for the conflict dialog (both versions side by side). */
export function useAnswerText() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const euros = useEuros()
  return useCallback(
    (question: FormQuestion | undefined, value: AnswerValue | undefined): string => {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
        return t('applications.conflict.empty')
      if (!question) return JSON.stringify(value)
      const label = (id: string) => {
        const options = 'options' in question ? question.options : []
        const o = options.find((x) => x.id === id)
        return o ? localized(o.label, i18n.language) : id
      }
      switch (question.type) {
        case 'money':
          return typeof value === 'number' ? euros(value) : String(value)
        case 'number':
          return typeof value === 'number' ? f.number(value) : String(value)
        case 'date':
          return typeof value === 'string' ? f.date(value) : String(value)
        case 'single_choice':
          return typeof value === 'string' ? label(value) : String(value)
        case 'multiple_choice':
          return Array.isArray(value) ? f.list((value as string[]).map(label)) : String(value)
        case 'file':
          return Array.isArray(value) ? f.list((value as UploadedFile[]).map((x) => x.filename)) : String(value)
        case 'work_plan': {
          const plan = value as WorkPlanValue
          return t('applications.conflict.workPlan', {
            months: plan.durationMonths ?? '—',
            milestones: plan.milestones.map((m) => `${m.title} (M${m.month})`).join('; ') || '—',
            deliverables: plan.deliverables.map((m) => `${m.title} (M${m.month})`).join('; ') || '—',
          })
        }
        default:
          return String(value)
      }
    },
    [t, i18n, f, euros],
  )
}

/** A field of a partner's part in words. */
export function usePartFieldText() {
  const { t } = useTranslation()
  const euros = useEuros()
  return useCallback(
    (key: keyof PartnerPart, value: unknown): string => {
      if (value === null || value === undefined || value === '') return t('applications.conflict.empty')
      if (key === 'budget') {
        const b = value as PartnerPart['budget']
        return t('applications.conflict.budget', {
          personnel: euros(b.personnelCents),
          subcontracting: euros(b.subcontractingCents),
          other: euros(b.otherCostsCents),
          requested: euros(b.requestedCents),
        })
      }
      if (key === 'smeDeclaration') {
        const s = value as PartnerPart['smeDeclaration']
        return `${s.category ? t(`applications.partners.smeCategories.${s.category}`) : '—'} · ${
          s.confirmed ? t('applications.conflict.confirmed') : t('applications.conflict.notConfirmed')
        }`
      }
      if (key === 'declarationOfHonour') {
        const d = value as PartnerPart['declarationOfHonour']
        const ticked = [
          d.noExclusionSituation,
          d.noConflictOfInterest,
          d.notLinkedToProgrammePartners,
          d.noDoubleFunding,
        ]
        return t('applications.conflict.declaration', {
          ticked: ticked.filter(Boolean).length,
          total: ticked.length,
          signatory: [d.signatoryName, d.signatoryRole].filter(Boolean).join(', ') || '—',
        })
      }
      if (key === 'answers') return t('applications.conflict.partAnswers')
      return String(value)
    },
    [t, euros],
  )
}
