import type { FieldError } from '../../../../platform/errors.ts'

export interface Scale {
  min: number
  max: number
  step: number
}
export type Scores = Record<string, { score: number | null; comment: string }>

/** A score on the call's scale: between min and max, on a step from min (0–5 by halves: 0, 0.5 … 5). */
export function onScale(score: number, s: Scale): boolean {
  if (!Number.isFinite(score) || score < s.min - 1e-9 || score > s.max + 1e-9) return false
  const k = (score - s.min) / s.step
  return Math.abs(k - Math.round(k)) < 1e-9
}

/** What a draft may hold: only the call's criteria, scores on the scale (null = not scored yet). */
export function draftErrors(scores: Scores, criterionIds: readonly string[], scale: Scale): FieldError[] {
  const errors: FieldError[] = []
  for (const [id, v] of Object.entries(scores)) {
    if (!criterionIds.includes(id)) {
      errors.push({ path: `scores.${id}`, code: 'unknown_criterion', message: 'Not a criterion of the call.' })
      continue
    }
    if (v.score !== null && !onScale(v.score, scale))
      errors.push({
        path: `scores.${id}.score`,
        code: 'off_scale',
        message: `A score from ${scale.min} to ${scale.max} by steps of ${scale.step}.`,
      })
  }
  return errors
}

const long = (s: string | undefined, min: number) => (s ?? '').trim().length >= Math.max(min, 1)

/** A criterion is complete with a score and a comment of at least the minimum length (and never empty). */
export function criterionComplete(v: Scores[string] | undefined, commentMinLength: number): boolean {
  return !!v && v.score !== null && long(v.comment, commentMinLength)
}

/** What keeps an evaluation from being submitted: per criterion, the score and the comment; the overall comment. */
export function incompleteErrors(
  scores: Scores,
  overallComment: string,
  criterionIds: readonly string[],
  commentMinLength: number,
): FieldError[] {
  const errors: FieldError[] = []
  for (const id of criterionIds) {
    const v = scores[id]
    if (!v || v.score === null) errors.push({ path: `scores.${id}.score`, code: 'required', message: 'Give a score.' })
    if (!long(v?.comment, commentMinLength))
      errors.push({
        path: `scores.${id}.comment`,
        code: 'too_short',
        message: `At least ${Math.max(commentMinLength, 1)} characters.`,
      })
  }
  if (!long(overallComment, commentMinLength))
    errors.push({
      path: 'overallComment',
      code: 'too_short',
      message: `At least ${Math.max(commentMinLength, 1)} characters.`,
    })
  return errors
}

export function completedCount(scores: Scores, criterionIds: readonly string[], commentMinLength: number): number {
  return criterionIds.filter((id) => criterionComplete(scores[id], commentMinLength)).length
}
