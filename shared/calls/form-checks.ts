import type { Answers, AnswerValue, ReadinessIssue, UploadedFile, WorkPlanValue } from '../contracts/applications.ts'
import type { ApplicationForm, FormQuestion, QuestionSemantic } from '../contracts/call-form.ts'

/**
 * Checks of the answers against the application form: which questions are shown (conditions), and what
 * is missing or out of bounds in each answer. Used by the editor next to each input and by the
 * readiness panel and the submission gate (`readiness.ts`).
 */

export type IssueParams = Record<string, string | number>
/** One problem with one answer; translated as `applications.readiness.<code>` with `params`. */
export interface FieldIssue {
  code: FormIssueCode
  params: IssueParams
}

/** Every code `questionIssues` can return. */
export const formIssueCodes = [
  'answer_required',
  'answer_invalid',
  'text_too_short',
  'text_too_long',
  'number_not_integer',
  'number_too_small',
  'number_too_large',
  'money_too_small',
  'money_too_large',
  'date_too_early',
  'date_too_late',
  'choice_invalid',
  'choices_too_few',
  'choices_too_many',
  'files_too_many',
  'file_too_large',
  'file_type_not_accepted',
  'work_plan_duration_missing',
  'work_plan_too_long',
  'work_plan_item_untitled',
  'work_plan_item_after_end',
  'milestones_too_few',
  'deliverables_too_few',
] as const
export type FormIssueCode = (typeof formIssueCodes)[number]

/** Characters as people count them (code points, so an emoji or `é` counts once). */
export function textLength(value: string): number {
  let n = 0
  for (const _ of value) n++
  return n
}

/** Nothing answered: null, blank text, no option, no file, or an untouched work plan. */
export function isEmptyAnswer(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value === 'number') return Number.isNaN(value)
  if (Array.isArray(value)) return value.length === 0
  return value.durationMonths === null && value.milestones.length === 0 && value.deliverables.length === 0
}

const isWorkPlan = (v: unknown): v is WorkPlanValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'milestones' in v && 'deliverables' in v
const isFileList = (v: unknown): v is UploadedFile[] =>
  Array.isArray(v) && v.every((f) => typeof f === 'object' && f !== null && 'fileId' in f)
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Content types (as sniffed from the bytes by the server) each accepted upload type covers. */
export const uploadContentTypes: Record<'pdf' | 'image' | 'spreadsheet' | 'document', readonly string[]> = {
  pdf: ['application/pdf'],
  image: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  spreadsheet: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.ms-excel',
    'text/csv',
  ],
  document: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
    'application/msword',
  ],
}

const invalid = (expected: string): FieldIssue[] => [{ code: 'answer_invalid', params: { expected } }]

/**
 * What is wrong with one answer, in the order a person would fix it. A required question left empty
 * gives `answer_required` (the caller asks only about questions whose condition holds).
 */
export function questionIssues(question: FormQuestion, value: AnswerValue | undefined): FieldIssue[] {
  if (question.type === 'budget_table') return [] // the lines live in the partners' parts
  if (isEmptyAnswer(value)) return question.required ? [{ code: 'answer_required', params: {} }] : []
  const out: FieldIssue[] = []
  switch (question.type) {
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return invalid('text')
      const length = textLength(value.trim())
      if (question.type === 'long_text' && length < question.minLength)
        out.push({ code: 'text_too_short', params: { length, min: question.minLength } })
      if (length > question.maxLength) out.push({ code: 'text_too_long', params: { length, max: question.maxLength } })
      return out
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid('number')
      if (question.integer && !Number.isInteger(value)) out.push({ code: 'number_not_integer', params: { value } })
      if (question.min !== null && value < question.min)
        out.push({ code: 'number_too_small', params: { value, min: question.min } })
      if (question.max !== null && value > question.max)
        out.push({ code: 'number_too_large', params: { value, max: question.max } })
      return out
    }
    case 'money': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return invalid('money')
      if (question.minCents !== null && value < question.minCents)
        out.push({ code: 'money_too_small', params: { valueCents: value, minCents: question.minCents } })
      if (question.maxCents !== null && value > question.maxCents)
        out.push({ code: 'money_too_large', params: { valueCents: value, maxCents: question.maxCents } })
      return out
    }
    case 'date': {
      if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return invalid('date')
      if (question.min !== null && value < question.min)
        out.push({ code: 'date_too_early', params: { value, min: question.min } })
      if (question.max !== null && value > question.max)
        out.push({ code: 'date_too_late', params: { value, max: question.max } })
      return out
    }
    case 'single_choice': {
      if (typeof value !== 'string') return invalid('choice')
      if (!question.options.some((o) => o.id === value)) out.push({ code: 'choice_invalid', params: { value } })
      return out
    }
    case 'multiple_choice': {
      if (!isStringList(value)) return invalid('choices')
      const unknown = value.find((v) => !question.options.some((o) => o.id === v))
      if (unknown !== undefined) out.push({ code: 'choice_invalid', params: { value: unknown } })
      const count = new Set(value).size
      if (count < question.minSelected)
        out.push({ code: 'choices_too_few', params: { count, min: question.minSelected } })
      if (question.maxSelected !== null && count > question.maxSelected)
        out.push({ code: 'choices_too_many', params: { count, max: question.maxSelected } })
      return out
    }
    case 'file': {
      if (!isFileList(value)) return invalid('files')
      if (value.length > question.maxFiles)
        out.push({ code: 'files_too_many', params: { count: value.length, max: question.maxFiles } })
      const accepted = question.accept.flatMap((a) => uploadContentTypes[a])
      for (const f of value) {
        if (!accepted.includes(f.contentType))
          out.push({
            code: 'file_type_not_accepted',
            params: { filename: f.filename, accept: question.accept.join(', ') },
          })
        if (f.byteSize > question.maxBytes)
          out.push({
            code: 'file_too_large',
            params: { filename: f.filename, byteSize: f.byteSize, maxBytes: question.maxBytes },
          })
      }
      return out
    }
    case 'work_plan':
      if (!isWorkPlan(value)) return invalid('work_plan')
      return workPlanIssues(question, value)
  }
}

function workPlanIssues(question: Extract<FormQuestion, { type: 'work_plan' }>, plan: WorkPlanValue): FieldIssue[] {
  const out: FieldIssue[] = []
  const duration = plan.durationMonths
  if (duration === null) out.push({ code: 'work_plan_duration_missing', params: {} })
  else if (duration > question.maxMonths)
    out.push({ code: 'work_plan_too_long', params: { durationMonths: duration, maxMonths: question.maxMonths } })
  const end = duration ?? question.maxMonths
  for (const [kind, items] of [
    ['milestone', plan.milestones],
    ['deliverable', plan.deliverables],
  ] as const) {
    items.forEach((item, index) => {
      if (item.title.trim() === '') out.push({ code: 'work_plan_item_untitled', params: { kind, position: index + 1 } })
      else if (item.month > end)
        out.push({
          code: 'work_plan_item_after_end',
          params: { kind, title: item.title, month: item.month, lastMonth: end },
        })
    })
  }
  if (plan.milestones.length < question.minMilestones)
    out.push({ code: 'milestones_too_few', params: { count: plan.milestones.length, min: question.minMilestones } })
  if (plan.deliverables.length < question.minDeliverables)
    out.push({
      code: 'deliverables_too_few',
      params: { count: plan.deliverables.length, min: question.minDeliverables },
    })
  return out
}

// ---- Conditions ----

function conditionValue(
  q: FormQuestion,
  byId: Map<string, FormQuestion>,
  answers: Answers,
  partAnswers: Answers,
  depth: number,
): boolean {
  const c = q.condition
  if (c === null) return true
  const source = byId.get(c.questionId)
  // A condition on a missing question, or a cycle, hides the question rather than asking it blindly.
  if (!source || depth > 20) return false
  if (!conditionValue(source, byId, answers, partAnswers, depth + 1)) return false
  const v = source.scope === 'partner' ? partAnswers[source.id] : answers[source.id]
  if (typeof v === 'string') return c.anyOf.includes(v)
  if (isStringList(v)) return v.some((x) => c.anyOf.includes(x))
  return false
}

/**
 * The ids of the questions shown: those without a condition, and those whose condition question is
 * itself shown and answered with one of the listed options. Partner-scope questions are judged on
 * `partAnswers` (one partner's part; empty when not given).
 */
export function visibleQuestions(form: ApplicationForm, answers: Answers, partAnswers: Answers = {}): Set<string> {
  const byId = new Map(form.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)))
  const out = new Set<string>()
  for (const q of byId.values()) if (conditionValue(q, byId, answers, partAnswers, 0)) out.add(q.id)
  return out
}

/** The (first) question of the form that carries a meaning, with its section. */
export function semanticQuestion(
  form: ApplicationForm,
  semantic: QuestionSemantic,
): { sectionId: string; question: FormQuestion } | null {
  for (const s of form.sections)
    for (const q of s.questions) if (q.semantic === semantic) return { sectionId: s.id, question: q }
  return null
}

/** The partner rows a form check looks at: id and own answers to partner-scope questions. */
export interface PartAnswers {
  id: string
  answers: Answers
}

/**
 * Every form problem of an application: shared questions on `answers`, partner-scope questions on each
 * given partner's answers (pass only the partners that count: lead and accepted). Hidden questions are
 * skipped entirely, so a value left behind in a hidden question never blocks a submission.
 */
export function formIssues(form: ApplicationForm, answers: Answers, parts: readonly PartAnswers[]): ReadinessIssue[] {
  const out: ReadinessIssue[] = []
  const shared = visibleQuestions(form, answers)
  const partVisible = parts.map((p) => ({ part: p, visible: visibleQuestions(form, answers, p.answers) }))
  for (const section of form.sections) {
    for (const q of section.questions) {
      const targets =
        q.scope === 'shared'
          ? shared.has(q.id)
            ? [{ partnerId: null, value: answers[q.id] }]
            : []
          : partVisible
              .filter((p) => p.visible.has(q.id))
              .map((p) => ({ partnerId: p.part.id, value: p.part.answers[q.id] }))
      for (const t of targets)
        for (const issue of questionIssues(q, t.value))
          out.push({
            code: issue.code,
            severity: 'error',
            rule: null,
            sectionId: section.id,
            questionId: q.id,
            partnerId: t.partnerId,
            params: issue.params,
          })
    }
  }
  return out
}
