import type { TrlAnswerInput, TrlEvaluation, TrlQuestionnaire, TrlWindow } from '../../../../../shared/contracts/trl.ts'

/**
 * The questionnaire's logic, pure (no I/O):
 *  - levels are asked in ascending order; a level is met when every one of its criteria is answered "yes";
 *  - the questionnaire stops at the first level with a "no"; the result is the last fully met level
 *    before it (0 if level 1 is not met): a "yes" at level 6 after a "no" at level 5 does not count;
 *  - every "yes" kept in the trail needs evidence: a text AND a link (http or https) or an uploaded file;
 *  - completing needs a finished questionnaire, all evidence, and the applicant's confidence (1–5).
 */

export interface FieldProblem {
  path: string
  code: string
  message: string
}

/** The level of a criterion of this questionnaire, or null when the id is not one of its criteria. */
export function levelOf(q: TrlQuestionnaire, criterion: string): number | null {
  for (const l of q.levels) if (l.criteria.some((c) => c.id === criterion)) return l.level
  return null
}

/** Problems with the shape of an answer list: unknown criteria, the same criterion twice. */
export function checkAnswers(q: TrlQuestionnaire, answers: TrlAnswerInput[]): FieldProblem[] {
  const out: FieldProblem[] = []
  const seen = new Set<string>()
  answers.forEach((a, i) => {
    if (levelOf(q, a.criterion) === null) {
      out.push({
        path: `answers.${i}.criterion`,
        code: 'unknown_criterion',
        message: 'Not a criterion of this questionnaire.',
      })
    } else if (seen.has(a.criterion)) {
      out.push({
        path: `answers.${i}.criterion`,
        code: 'duplicate_criterion',
        message: 'This criterion is answered twice.',
      })
    }
    seen.add(a.criterion)
  })
  return out
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.')
  } catch {
    return false
  }
}

/** What is missing from the evidence of one "yes" answer (empty when complete). */
export function evidenceProblems(a: TrlAnswerInput): { field: 'evidenceText' | 'evidenceUrl'; code: string }[] {
  const out: { field: 'evidenceText' | 'evidenceUrl'; code: string }[] = []
  if (a.evidenceText.trim() === '') out.push({ field: 'evidenceText', code: 'evidence_text_required' })
  const url = a.evidenceUrl.trim()
  if (url !== '' && !isHttpUrl(url)) out.push({ field: 'evidenceUrl', code: 'invalid_url' })
  else if (url === '' && !a.evidenceFileId) out.push({ field: 'evidenceUrl', code: 'evidence_source_required' })
  return out
}

export function evaluate(q: TrlQuestionnaire, answers: TrlAnswerInput[]): TrlEvaluation {
  const byId = new Map(answers.map((a) => [a.criterion, a]))
  let resultLevel = 0
  let stoppedAt: number | null = null
  let nextLevel: number | null = null
  const levels: TrlEvaluation['levels'] = []
  for (const l of q.levels) {
    if (stoppedAt !== null || nextLevel !== null) {
      levels.push({ level: l.level, state: 'not_asked' })
      continue
    }
    const met = l.criteria.map((c) => byId.get(c.id)?.met ?? null)
    if (met.includes(false)) {
      stoppedAt = l.level
      levels.push({ level: l.level, state: 'not_met' })
    } else if (met.every((m) => m === true)) {
      resultLevel = l.level
      levels.push({ level: l.level, state: 'met' })
    } else {
      nextLevel = l.level
      levels.push({ level: l.level, state: 'open' })
    }
  }
  // The last level asked: where it stopped, where it waits for answers, or 9.
  const lastAsked = stoppedAt ?? nextLevel ?? 9
  const missingEvidence: TrlEvaluation['missingEvidence'] = []
  const ignored: string[] = []
  for (const l of q.levels) {
    for (const c of l.criteria) {
      const a = byId.get(c.id)
      if (!a || a.met === null) continue
      if (l.level > lastAsked) {
        ignored.push(c.id)
        continue
      }
      if (a.met) {
        for (const p of evidenceProblems(a)) missingEvidence.push({ criterion: c.id, level: l.level, ...p })
      }
    }
  }
  return { resultLevel, stoppedAt, nextLevel, finished: nextLevel === null, levels, missingEvidence, ignored }
}

const messages: Record<string, string> = {
  evidence_text_required: 'Describe the evidence for this "yes".',
  evidence_source_required: 'Add a link or upload a file as evidence.',
  invalid_url: 'Enter a web address starting with http:// or https://.',
}

export type Completion =
  | { ok: true; resultLevel: number; answers: TrlAnswerInput[]; evaluation: TrlEvaluation }
  | { ok: false; problems: FieldProblem[]; evaluation: TrlEvaluation }

/**
 * Whether an assessment may be completed, and with which result. Field paths name the criterion
 * (`answers.<criterionId>.evidenceText`) so that the wizard puts each message next to its field.
 * On success, the answers beyond the stop level are dropped: the trail keeps what was asked.
 */
export function complete(q: TrlQuestionnaire, answers: TrlAnswerInput[], confidence: number | null): Completion {
  const problems = checkAnswers(q, answers)
  const evaluation = evaluate(q, answers)
  if (!evaluation.finished) {
    problems.push({
      path: 'answers',
      code: 'trl_unfinished',
      message: `Answer every criterion of level ${evaluation.nextLevel} (or say "no" to one of them).`,
    })
  }
  for (const m of evaluation.missingEvidence) {
    problems.push({ path: `answers.${m.criterion}.${m.field}`, code: m.code, message: messages[m.code] ?? m.code })
  }
  if (confidence === null || !Number.isInteger(confidence) || confidence < 1 || confidence > 5) {
    problems.push({ path: 'confidence', code: 'confidence_required', message: 'Say how confident you are (1–5).' })
  }
  if (problems.length > 0) return { ok: false, problems, evaluation }
  const ignored = new Set(evaluation.ignored)
  return {
    ok: true,
    resultLevel: evaluation.resultLevel,
    answers: answers.filter((a) => a.met !== null && !ignored.has(a.criterion)),
    evaluation,
  }
}

/** Whether a TRL lies in a window; null when there is no TRL to judge. */
export function fitsWindow(level: number | null, window: TrlWindow): boolean | null {
  if (level === null) return null
  return level >= window.min && level <= window.max
}

/** The effective TRL: the latest review's level if there is one, else the self-assessed result. */
export function effectiveTrl(selfAssessed: number | null, latestReview: number | null): number | null {
  return latestReview ?? selfAssessed
}
