import { visibleQuestions } from '../../../../shared/calls/form-checks.ts'
import type { Answers, AnswerValue } from '../../../../shared/contracts/applications.ts'
import type { ApplicationForm, FormQuestion } from '../../../../shared/contracts/call-form.ts'
import { drawBudgetTable } from './budget.ts'
import type { PdfFormat } from './format.ts'
import type { PdfContent } from './input.ts'
import type { PdfWriter } from './layout.ts'

const empty = (v: AnswerValue | undefined) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

function optionLabel(q: FormQuestion, id: string, f: PdfFormat): string {
  if (q.type !== 'single_choice' && q.type !== 'multiple_choice') return id
  const option = q.options.find((o) => o.id === id)
  return option ? f.localized(option.label) : id
}

/** An answer in words (every type but the tables, which `drawAnswer` draws). */
export function answerText(q: FormQuestion, v: AnswerValue | undefined, f: PdfFormat): string {
  if (empty(v)) return f.t('app.notAnswered')
  switch (q.type) {
    case 'money':
      return typeof v === 'number' ? f.money(v) : String(v)
    case 'number':
      return typeof v === 'number' ? f.number(v) : String(v)
    case 'date':
      return typeof v === 'string' ? f.date(v) : String(v)
    case 'single_choice':
      return typeof v === 'string' ? optionLabel(q, v, f) : String(v)
    case 'multiple_choice':
      return Array.isArray(v) ? v.map((id) => `• ${optionLabel(q, String(id), f)}`).join('\n') : String(v)
    case 'file':
      return Array.isArray(v)
        ? v
            .map((x) => (typeof x === 'object' && x && 'filename' in x ? `${x.filename} (${f.bytes(x.byteSize)})` : ''))
            .filter(Boolean)
            .join('\n')
        : String(v)
    default:
      return typeof v === 'string' ? v : JSON.stringify(v)
  }
}

function drawWorkPlan(w: PdfWriter, v: AnswerValue | undefined, f: PdfFormat): void {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    w.text(f.t('app.notAnswered'), { indent: 10, after: 8 })
    return
  }
  w.text(v.durationMonths ? f.t('workPlan.duration', { months: v.durationMonths }) : f.t('workPlan.noDuration'), {
    indent: 10,
    after: 6,
  })
  const columns = [
    { header: f.t('workPlan.month'), width: 1, align: 'right' as const },
    { header: f.t('workPlan.item'), width: 3 },
    { header: f.t('workPlan.description'), width: 6 },
  ]
  for (const [key, items] of [
    ['milestones', v.milestones],
    ['deliverables', v.deliverables],
  ] as const) {
    w.text(f.t(`workPlan.${key}`), { font: 'bold', size: 9, indent: 10, after: 3 })
    if (items.length === 0) w.text(f.t('workPlan.none'), { indent: 10, after: 6 })
    else
      w.table(
        columns,
        [...items].sort((a, b) => a.month - b.month).map((m) => [String(m.month), m.title, m.description]),
      )
  }
}

/** One question with its answer, whatever its type. */
export function drawAnswer(w: PdfWriter, q: FormQuestion, answers: Answers, content: PdfContent, f: PdfFormat): void {
  const label = `${f.localized(q.label)}${q.required ? ' *' : ''}`
  const v = answers[q.id]
  if (q.type === 'work_plan') {
    w.text(label, { font: 'bold', size: 9.5, after: 3 })
    drawWorkPlan(w, v, f)
    return
  }
  if (q.type === 'budget_table') {
    w.text(label, { font: 'bold', size: 9.5, after: 3 })
    drawBudgetTable(w, content, f)
    return
  }
  w.answer(label, answerText(q, v, f), { muted: empty(v) })
}

/** The shared sections of the form, in order; partner-scope questions are drawn with each partner. */
export function drawSections(w: PdfWriter, form: ApplicationForm, content: PdfContent, f: PdfFormat): void {
  // Hidden questions (their condition does not hold) are left out, as the readiness check leaves them.
  const shown = visibleQuestions(form, content.answers)
  for (const section of form.sections) {
    const questions = section.questions.filter((q) => q.scope === 'shared' && shown.has(q.id))
    if (questions.length === 0) continue
    w.heading(f.localized(section.title), 2)
    for (const q of questions) drawAnswer(w, q, content.answers, content, f)
  }
}
