import type { StoredEvidence, TrlAnswerInput, TrlQuestionnaire } from '../../../shared/contracts/trl.ts'

/** The step index of the result page, after the nine levels. */
export const SUMMARY = 10

export interface AnswerState {
  met: boolean | null
  evidenceText: string
  evidenceUrl: string
  evidenceFileId: string | null
  evidenceFile: StoredEvidence | null
}
export type Answers = Record<string, AnswerState>
export const blank: AnswerState = {
  met: null,
  evidenceText: '',
  evidenceUrl: '',
  evidenceFileId: null,
  evidenceFile: null,
}

export const isUrl = (v: string) => {
  try {
    const u = new URL(v)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.')
  } catch {
    return false
  }
}

export function toInput(answers: Answers): TrlAnswerInput[] {
  return Object.entries(answers)
    .filter(([, a]) => a.met !== null || a.evidenceText || a.evidenceUrl || a.evidenceFileId)
    .map(([criterion, a]) => ({
      criterion,
      met: a.met,
      evidenceText: a.evidenceText,
      evidenceUrl: a.evidenceUrl,
      evidenceFileId: a.evidenceFileId,
    }))
}

/** The level the applicant may open: every level below it fully answered "yes". */
export function reachable(q: TrlQuestionnaire, answers: Answers): number {
  for (const l of q.levels) {
    if (!l.criteria.every((c) => answers[c.id]?.met === true)) return l.level
  }
  return SUMMARY
}

export const fieldId = (key: string) => `trl-${key.replace(/\./g, '-')}`
