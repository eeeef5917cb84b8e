import { localToInstant } from '../../../../shared/calls/time.ts'
import { callInput } from '../../../../shared/contracts/calls.ts'
import { allQuestions, type CallFormValues, toPayload } from './values.ts'

/**
 * Client-side validation of the call editor: the `callInput` contract (the one the server parses) plus
 * the checks a form can make before asking (English texts, unique ids, conditions pointing at earlier
 * choice questions, dates in order). Returns `{ path: code }`; the path is the form field's.
 */
export interface Problem {
  code: string
  params?: Record<string, unknown>
}
export type Problems = Record<string, Problem>

interface IssueLike {
  code: string
  message?: string
  path: PropertyKey[]
  minimum?: unknown
  maximum?: unknown
  origin?: string
  format?: string
  input?: unknown
}

/** A zod issue as a code: a custom message that is a code wins (`over_total`, `question_id`). */
export function issueProblem(issue: IssueLike): Problem {
  if (issue.message && /^[a-z][a-z0-9_]*$/.test(issue.message)) return { code: issue.message }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return { code: 'too_few', params: { minimum: issue.minimum } }
      return issue.origin === 'string'
        ? { code: 'too_short', params: { minimum: issue.minimum } }
        : { code: 'too_small_min', params: { minimum: issue.minimum } }
    case 'too_big':
      if (issue.origin === 'array') return { code: 'too_many', params: { maximum: issue.maximum } }
      return issue.origin === 'string'
        ? { code: 'too_long', params: { maximum: issue.maximum } }
        : { code: 'too_big_max', params: { maximum: issue.maximum } }
    case 'invalid_type':
      return {
        code: issue.input === undefined || issue.input === null || issue.input === '' ? 'required' : 'invalid_type',
      }
    case 'invalid_value':
      return { code: issue.input === undefined || issue.input === null ? 'required' : 'invalid_value' }
    default:
      return { code: issue.code }
  }
}

export function validateCall(values: CallFormValues): Problems {
  const problems: Problems = {}
  const add = (path: string, code: string, params?: Record<string, unknown>) => {
    problems[path] ??= params ? { code, params } : { code }
  }

  const parsed = callInput.safeParse(toPayload(values))
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.')
      problems[path] ??= issueProblem(issue as unknown as IssueLike)
    }

  if (!values.title.en.trim()) add('title.en', 'english_required')
  if (!values.summary.en.trim()) add('summary.en', 'english_required')

  // Timeline: times that exist in the zone, in order.
  const instant = (local: string) => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null
    const r = localToInstant(local, values.timeZone)
    return 'instant' in r ? r.instant.getTime() : Number.NaN
  }
  const opens = instant(values.opensAtLocal)
  const deadline = instant(values.deadlineLocal)
  if (values.opensAtLocal === '') add('opensAtLocal', 'required')
  if (values.deadlineLocal === '') add('deadlineLocal', 'required')
  if (Number.isNaN(opens)) add('opensAtLocal', 'local_time_missing')
  if (Number.isNaN(deadline)) add('deadlineLocal', 'local_time_missing')
  if (opens !== null && deadline !== null && !Number.isNaN(opens) && !Number.isNaN(deadline) && deadline <= opens)
    add('deadlineLocal', 'deadline_before_opening')
  const { timeline } = values.config
  if (timeline.qaClosesAt) {
    const qa = instant(timeline.qaClosesAt)
    if (qa === null || Number.isNaN(qa)) add('config.timeline.qaClosesAt', 'local_time_missing')
    else if (deadline !== null && !Number.isNaN(deadline) && qa > deadline)
      add('config.timeline.qaClosesAt', 'qa_after_deadline')
  }
  if (
    timeline.evaluationStartsOn &&
    timeline.evaluationEndsOn &&
    timeline.evaluationEndsOn < timeline.evaluationStartsOn
  )
    add('config.timeline.evaluationEndsOn', 'end_before_start')
  if (timeline.resultsOn && timeline.evaluationEndsOn && timeline.resultsOn < timeline.evaluationEndsOn)
    add('config.timeline.resultsOn', 'results_before_evaluation')

  // The form: English labels, unique ids, settings that make sense, conditions on earlier choices.
  const seenSections = new Set<string>()
  const seenQuestions = new Map<string, (typeof values.config.form.sections)[number]['questions'][number]>()
  values.config.form.sections.forEach((s, si) => {
    const sp = `config.form.sections.${si}`
    if (!s.title.en.trim()) add(`${sp}.title.en`, 'english_required')
    if (seenSections.has(s.id)) add(`${sp}.id`, 'duplicate_id')
    seenSections.add(s.id)
    if (s.questions.length === 0) add(`${sp}.questions`, 'section_empty')
    s.questions.forEach((q, qi) => {
      const qp = `${sp}.questions.${qi}`
      if (!q.label.en.trim()) add(`${qp}.label.en`, 'english_required')
      if (seenQuestions.has(q.id)) add(`${qp}.id`, 'duplicate_id')
      if (q.type === 'long_text' && q.maxLength < q.minLength) add(`${qp}.maxLength`, 'under_minimum')
      if (q.type === 'number' && q.min !== null && q.max !== null && q.max < q.min) add(`${qp}.max`, 'under_minimum')
      if (q.type === 'money' && q.minCents !== null && q.maxCents !== null && q.maxCents < q.minCents)
        add(`${qp}.maxCents`, 'under_minimum')
      if (q.type === 'date' && q.min && q.max && q.max < q.min) add(`${qp}.max`, 'end_before_start')
      if (q.type === 'single_choice' || q.type === 'multiple_choice')
        q.options.forEach((o, oi) => {
          if (!o.label.en.trim()) add(`${qp}.options.${oi}.label.en`, 'english_required')
        })
      if (q.type === 'multiple_choice') {
        if (q.maxSelected !== null && q.maxSelected < q.minSelected) add(`${qp}.maxSelected`, 'under_minimum')
        if (q.minSelected > q.options.length) add(`${qp}.minSelected`, 'too_big_max', { maximum: q.options.length })
      }
      if (q.condition) {
        const target = seenQuestions.get(q.condition.questionId)
        if (!target || (target.type !== 'single_choice' && target.type !== 'multiple_choice'))
          add(`${qp}.condition.questionId`, 'condition_target')
        else {
          const ids = new Set(target.options.map((o) => o.id))
          if (q.condition.anyOf.length === 0) add(`${qp}.condition.anyOf`, 'select_one')
          else if (q.condition.anyOf.some((id) => !ids.has(id))) add(`${qp}.condition.anyOf`, 'condition_option')
        }
      }
      seenQuestions.set(q.id, q)
    })
  })
  const semantics = new Map<string, number>()
  for (const q of allQuestions(values.config))
    if (q.semantic) semantics.set(q.semantic, (semantics.get(q.semantic) ?? 0) + 1)
  values.config.form.sections.forEach((s, si) => {
    s.questions.forEach((q, qi) => {
      if (q.semantic && (semantics.get(q.semantic) ?? 0) > 1)
        add(`config.form.sections.${si}.questions.${qi}.semantic`, 'duplicate_semantic')
    })
  })

  // Evaluation: names, thresholds within the scale.
  const ev = values.config.evaluation
  if (ev.scaleMax <= ev.scaleMin) add('config.evaluation.scaleMax', 'under_minimum')
  ev.criteria.forEach((c, ci) => {
    const cp = `config.evaluation.criteria.${ci}`
    if (!c.name.en.trim()) add(`${cp}.name.en`, 'english_required')
    if (c.threshold !== null && c.threshold > ev.scaleMax)
      add(`${cp}.threshold`, 'too_big_max', { maximum: ev.scaleMax })
  })
  return problems
}

/** The editor's tabs that hold fields of the call itself (the others act on a saved call). */
export const fieldTabs = ['general', 'timeline', 'budget', 'consortium', 'scope', 'form', 'evaluation'] as const
export type FieldTab = (typeof fieldTabs)[number]

/** Which tab shows the field at `path`. */
export function tabOfPath(path: string): FieldTab {
  if (path.startsWith('opensAtLocal') || path.startsWith('deadlineLocal') || path.startsWith('timeZone'))
    return 'timeline'
  if (path.startsWith('config.timeline')) return 'timeline'
  if (path.startsWith('config.budget')) return 'budget'
  if (path.startsWith('config.consortium')) return 'consortium'
  if (path.startsWith('config.trl') || path.startsWith('challengeIds')) return 'scope'
  if (path.startsWith('config.form')) return 'form'
  if (path.startsWith('config.evaluation')) return 'evaluation'
  return 'general'
}
