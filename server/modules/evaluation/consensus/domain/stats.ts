/**
 * Consensus arithmetic (issue 7 §7), pure.
 *
 * Rules (decided here, documented in the module's index):
 *  - Statistics use the SUBMITTED individual evaluations only; a criterion an evaluation left without a
 *    score does not count for that criterion.
 *  - Divergence: an application is flagged when, on ANY criterion, the spread (max − min of the submitted
 *    scores) is strictly greater than the call's `spreadThreshold` (default 1.5). One rule, per criterion:
 *    a weighted total can hide two experts who disagree in opposite directions on two criteria.
 *  - A consensus score "departs from the mean" when |score − mean| is strictly greater than half a step
 *    of the call's scale (0.25 on the default 0–5 scale in half points): such a score needs a
 *    justification. No individual score on a criterion: no mean, nothing to depart from.
 */

export interface Scale {
  min: number
  max: number
  step: number
}

export interface CriterionRef {
  id: string
  weight: number
}

/** An individual evaluation's scores: `{ [criterionId]: { score, comment } }` (evaluations.scores). */
export type IndividualScores = Record<string, { score: number | null; comment?: string } | undefined>

export interface CriterionStats {
  criterionId: string
  /** The submitted scores on this criterion, in the order of the evaluations given. */
  scores: number[]
  mean: number | null
  min: number | null
  max: number | null
  spread: number | null
  flagged: boolean
}

export interface ApplicationStats {
  criteria: CriterionStats[]
  /** Weighted totals (Σ weight × score) of the evaluations that scored every criterion. */
  totals: number[]
  totalSpread: number | null
  flagged: boolean
  /** The criteria whose spread is over the threshold, in the call's order. */
  flaggedCriteria: string[]
  maxSpread: number | null
}

const EPS = 1e-9
/** Two decimals, for display and storage of derived numbers (scores are multiples of a step). */
export const round2 = (n: number): number => Math.round(n * 100 + Number.EPSILON * 100) / 100

export function criterionStats(
  criterionId: string,
  evaluations: IndividualScores[],
  threshold: number,
): CriterionStats {
  const scores: number[] = []
  for (const e of evaluations) {
    const s = e[criterionId]?.score
    if (typeof s === 'number' && Number.isFinite(s)) scores.push(s)
  }
  if (scores.length === 0)
    return { criterionId, scores, mean: null, min: null, max: null, spread: null, flagged: false }
  const min = Math.min(...scores)
  const max = Math.max(...scores)
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length
  const spread = max - min
  return { criterionId, scores, mean, min, max, spread, flagged: spread > threshold + EPS }
}

export function applicationStats(
  criteria: readonly CriterionRef[],
  evaluations: IndividualScores[],
  threshold: number,
): ApplicationStats {
  const stats = criteria.map((c) => criterionStats(c.id, evaluations, threshold))
  const totals: number[] = []
  for (const e of evaluations) {
    let total = 0
    let complete = true
    for (const c of criteria) {
      const s = e[c.id]?.score
      if (typeof s !== 'number') complete = false
      else total += c.weight * s
    }
    if (complete && criteria.length > 0) totals.push(total)
  }
  const spreads = stats.map((s) => s.spread).filter((s): s is number => s !== null)
  const flaggedCriteria = stats.filter((s) => s.flagged).map((s) => s.criterionId)
  return {
    criteria: stats,
    totals,
    totalSpread: totals.length ? Math.max(...totals) - Math.min(...totals) : null,
    flagged: flaggedCriteria.length > 0,
    flaggedCriteria,
    maxSpread: spreads.length ? Math.max(...spreads) : null,
  }
}

/** Whether a consensus score departs from the mean of the individual scores (more than half a step). */
export function departsFromMean(score: number, mean: number | null, scale: Scale): boolean {
  if (mean === null) return false
  return Math.abs(score - mean) > scale.step / 2 + EPS
}

/** Whether a score is on the call's scale: within [min, max] and a whole number of steps from min. */
export function onScale(score: number, scale: Scale): boolean {
  if (!Number.isFinite(score) || score < scale.min - EPS || score > scale.max + EPS) return false
  const steps = (score - scale.min) / scale.step
  return Math.abs(steps - Math.round(steps)) < 1e-6
}

/** Every value of the scale, lowest first (for the score pickers). */
export function scaleValues(scale: Scale): number[] {
  const out: number[] = []
  const n = Math.floor((scale.max - scale.min) / scale.step + 1e-6)
  for (let i = 0; i <= n; i++) out.push(round2(scale.min + i * scale.step))
  return out
}

export interface ConsensusScoreInput {
  score: number | null
  comment: string
  justification: string
}

export interface ConsensusIssue {
  criterionId: string
  field: 'score' | 'comment' | 'justification'
  code: 'required' | 'invalid_value' | 'consensus_justification_required'
}

/**
 * What is wrong with consensus scores. `complete` also asks for a score and a comment on every criterion
 * (finalising); without it only given scores are checked (a draft). Justifications are always checked.
 */
export function consensusIssues(
  criteria: readonly CriterionRef[],
  scores: Record<string, ConsensusScoreInput | undefined>,
  means: Record<string, number | null>,
  scale: Scale,
  complete: boolean,
): ConsensusIssue[] {
  const issues: ConsensusIssue[] = []
  for (const c of criteria) {
    const s = scores[c.id]
    const score = s?.score ?? null
    if (score === null) {
      if (complete) issues.push({ criterionId: c.id, field: 'score', code: 'required' })
    } else if (!onScale(score, scale)) {
      issues.push({ criterionId: c.id, field: 'score', code: 'invalid_value' })
    } else if (departsFromMean(score, means[c.id] ?? null, scale) && !(s?.justification ?? '').trim()) {
      issues.push({ criterionId: c.id, field: 'justification', code: 'consensus_justification_required' })
    }
    if (complete && !(s?.comment ?? '').trim()) issues.push({ criterionId: c.id, field: 'comment', code: 'required' })
  }
  return issues
}

/**
 * "Expert 1", "Expert 2"… per application: the position of each expert's first assignment to it, by
 * creation time then id (so a recused expert keeps their number, and a replacement gets the next one).
 */
export function expertNumbers(
  assignments: { userId: string; createdAt: Date | string; id: string }[],
): Map<string, number> {
  const sorted = [...assignments].sort((a, b) => {
    const d = new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime()
    return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
  const out = new Map<string, number>()
  for (const a of sorted) if (!out.has(a.userId)) out.set(a.userId, out.size + 1)
  return out
}
