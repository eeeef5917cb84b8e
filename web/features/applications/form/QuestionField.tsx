import { useTranslation } from 'react-i18next'
import type { AnswerValue, UploadedFile, WorkPlanValue } from '../../../../shared/contracts/applications.ts'
import type { FormQuestion } from '../../../../shared/contracts/call-form.ts'
import { localized } from '../../../design-system/format.ts'
import { BudgetTableField } from './BudgetTable.tsx'
import { MultipleChoiceField, SingleChoiceField } from './ChoiceFields.tsx'
import { FileField } from './FileField.tsx'
import { LongTextField, ShortTextField } from './TextFields.tsx'
import type { FieldContext } from './types.ts'
import { DateField, MoneyField, NumberField } from './ValueFields.tsx'
import { WorkPlanField } from './WorkPlanEditor.tsx'

/** The DOM id of a question's field (links of the readiness panel focus it). */
export function questionInputId(questionId: string, partnerId?: string | null): string {
  return partnerId ? `q-${partnerId}-${questionId}` : `q-${questionId}`
}

export interface QuestionFieldProps {
  question: FormQuestion
  value: AnswerValue | undefined
  onChange: (value: AnswerValue) => void
  onBlur?: () => void
  error?: string | null
  readOnly?: boolean
  /** Overrides the default id (`q-<questionId>`). */
  inputId?: string
  context?: FieldContext
}

/**
 * One question of an application form, rendered by its type with its label and help in the reader's
 * language. Used by the application editor and by the call form builder's preview.
 */
export function QuestionField(props: QuestionFieldProps) {
  const { i18n } = useTranslation()
  const q = props.question
  const common = {
    onChange: props.onChange,
    onBlur: props.onBlur,
    error: props.error ?? null,
    readOnly: props.readOnly ?? false,
    inputId: props.inputId ?? questionInputId(q.id),
    label: localized(q.label, i18n.language),
    help: q.help ? localized(q.help, i18n.language) || null : null,
    context: props.context,
  }
  const v = props.value
  switch (q.type) {
    case 'short_text':
      return <ShortTextField {...common} question={q} value={typeof v === 'string' ? v : undefined} />
    case 'long_text':
      return <LongTextField {...common} question={q} value={typeof v === 'string' ? v : undefined} />
    case 'number':
      return <NumberField {...common} question={q} value={typeof v === 'number' ? v : null} />
    case 'money':
      return <MoneyField {...common} question={q} value={typeof v === 'number' ? v : null} />
    case 'date':
      return <DateField {...common} question={q} value={typeof v === 'string' ? v : null} />
    case 'single_choice':
      return <SingleChoiceField {...common} question={q} value={typeof v === 'string' ? v : null} />
    case 'multiple_choice':
      return <MultipleChoiceField {...common} question={q} value={Array.isArray(v) ? (v as string[]) : undefined} />
    case 'file':
      return <FileField {...common} question={q} value={Array.isArray(v) ? (v as UploadedFile[]) : undefined} />
    case 'budget_table':
      return <BudgetTableField {...common} question={q} value={v} />
    case 'work_plan':
      return <WorkPlanField {...common} question={q} value={(v ?? undefined) as WorkPlanValue | undefined} />
  }
}
