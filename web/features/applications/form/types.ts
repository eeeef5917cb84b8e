import type {
  AnswerValue,
  PartnerBudget,
  UploadedFile,
  WorkPlanValue,
} from '../../../../shared/contracts/applications.ts'
import type { FormQuestion, QuestionType } from '../../../../shared/contracts/call-form.ts'
import type { CallBudget } from '../../../../shared/contracts/calls.ts'

/**
 * The reusable field components of an application form, one per question type. The application editor
 * renders them with the working copy; the call form builder's preview renders them with a local state
 * and no `context` (uploads then say they work in a real application).
 */

export type QuestionOf<T extends QuestionType> = Extract<FormQuestion, { type: T }>

export interface BudgetLine {
  partnerId: string
  name: string
  role: 'lead' | 'partner'
  status: string
  budget: PartnerBudget
  /** The caller belongs to this partner (may edit the line in the partner's part). */
  mine: boolean
}

export interface FieldContext {
  /** Uploads a file for a question; absent in previews. */
  upload?: (questionId: string, file: File, onProgress: (fraction: number) => void) => Promise<UploadedFile>
  /** Where a stored file is downloaded. */
  fileUrl?: (file: UploadedFile) => string
  /** The consortium's budget lines and the call's caps, for the budget table. */
  budget?: { lines: BudgetLine[]; caps: CallBudget | null; onEditLine?: (partnerId: string) => void }
}

export interface FieldProps<T extends QuestionType, V> {
  question: QuestionOf<T>
  value: V
  onChange: (value: AnswerValue) => void
  onBlur?: () => void
  /** The translated problem to show next to the field. */
  error?: string | null
  readOnly?: boolean
  /** The DOM id of the focusable element (the readiness panel links to it). */
  inputId: string
  /** The translated label and help text (the question's own words in the reader's language). */
  label: string
  help: string | null
  context?: FieldContext
}

export function asText(v: AnswerValue | undefined): string {
  return typeof v === 'string' ? v : ''
}
export function asNumber(v: AnswerValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}
export function asStrings(v: AnswerValue | undefined): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : []
}
export function asFiles(v: AnswerValue | undefined): UploadedFile[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && 'fileId' in x)
    ? (v as UploadedFile[])
    : []
}
export function asWorkPlan(v: AnswerValue | undefined): WorkPlanValue {
  if (v && typeof v === 'object' && !Array.isArray(v) && 'milestones' in v) return v as WorkPlanValue
  return { durationMonths: null, milestones: [], deliverables: [] }
}
