import canonicalize from 'canonicalize'
import { questionIssues } from '../../../../shared/calls/form-checks.ts'
import type { Answers, AnswerValue, EditConflict } from '../../../../shared/contracts/applications.ts'
import type { ApplicationForm, FormQuestion } from '../../../../shared/contracts/call-form.ts'

export interface AnswerMetaEntry {
  version: number
  by: string | null
  at: string
}
export type AnswerMeta = Record<string, AnswerMetaEntry>

/** Equal as data (key order does not matter); undefined equals null. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalize(a ?? null) === canonicalize(b ?? null)
}

/** Equal answers (a missing answer equals null). */
export function sameValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return sameJson(a, b)
}

/** The form's questions by id, with their scope. */
export function questionsOf(form: ApplicationForm): Map<string, FormQuestion> {
  return new Map(form.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)))
}

export interface AnswerProblem {
  questionId: string
  code: 'unknown_question' | 'wrong_scope' | 'answer_invalid'
}

/**
 * What the server refuses to store: an answer to a question the form does not have, or of the other
 * scope (shared answers vs a partner's own), or of the wrong shape for its type (text for a number,
 * a budget table value: its lines live in the parts). Limits — length, ranges, counts — are NOT
 * refused: a draft may break them, the readiness list says so and the submission waits.
 */
export function answerProblems(form: ApplicationForm, scope: 'shared' | 'partner', changes: Answers): AnswerProblem[] {
  const questions = questionsOf(form)
  const out: AnswerProblem[] = []
  for (const [questionId, value] of Object.entries(changes)) {
    const q = questions.get(questionId)
    if (!q) out.push({ questionId, code: 'unknown_question' })
    else if (q.scope !== scope) out.push({ questionId, code: 'wrong_scope' })
    else if (
      q.type === 'budget_table' ? value !== null : questionIssues(q, value).some((i) => i.code === 'answer_invalid')
    )
      out.push({ questionId, code: 'answer_invalid' })
  }
  return out
}

export interface MergeResult {
  /** Questions whose value changes. */
  changed: string[]
  /** Fields someone else changed after `baseVersion` to another value than the one sent. */
  conflicts: EditConflict[]
}

/**
 * Field-level merge of a save based on `baseVersion`: a question someone saved after that version
 * (its meta version is higher) conflicts when the stored value differs from the one sent; a value
 * equal to the stored one is neither a change nor a conflict. Any conflict means nothing is written.
 */
export function mergeAnswers(p: {
  stored: Answers
  meta: AnswerMeta
  baseVersion: number
  changes: Answers
}): MergeResult {
  const changed: string[] = []
  const conflicts: EditConflict[] = []
  for (const [questionId, yours] of Object.entries(p.changes)) {
    const theirs = p.stored[questionId] ?? null
    if (sameValue(theirs, yours)) continue
    const m = p.meta[questionId]
    if (m && m.version > p.baseVersion) conflicts.push({ questionId, yours, theirs, by: m.by, at: m.at })
    else changed.push(questionId)
  }
  return { changed, conflicts }
}
