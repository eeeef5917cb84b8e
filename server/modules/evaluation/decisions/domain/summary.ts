import type { EvaluationSettings } from '../../../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'

/** The consensus record's scores as stored (0023): per criterion a score, a comment and a justification. */
export type ConsensusScores = Record<string, { score?: number | null; comment?: string; justification?: string }>

export interface CriterionSummary {
  id: string
  name: LocalizedText
  weight: number
  score: number | null
  comment: string
}

export interface ConsensusSummary {
  criteria: CriterionSummary[]
  overallComment: string
  total: number | null
  maxTotal: number
}

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * What an applicant reads of the evaluation: per criterion of the call (in the call's order) the
 * consensus score and comment, the consensus overall comment, and the weighted total (Σ weight × score;
 * null unless every criterion has a score). Nothing else of the record: not the moderator's
 * justifications, not the minority view, nobody's name — and never an individual evaluation.
 */
export function consensusSummary(
  evaluation: EvaluationSettings,
  consensus: { scores: ConsensusScores; overallComment: string } | null,
): ConsensusSummary {
  const criteria = evaluation.criteria.map((c) => {
    const s = consensus?.scores[c.id]
    const score = typeof s?.score === 'number' && Number.isFinite(s.score) ? s.score : null
    return { id: c.id, name: c.name, weight: c.weight, score, comment: s?.comment ?? '' }
  })
  const complete = consensus !== null && criteria.every((c) => c.score !== null)
  return {
    criteria,
    overallComment: consensus?.overallComment ?? '',
    total: complete ? round2(criteria.reduce((s, c) => s + c.weight * (c.score ?? 0), 0)) : null,
    maxTotal: round2(evaluation.criteria.reduce((s, c) => s + c.weight * evaluation.scaleMax, 0)),
  }
}
