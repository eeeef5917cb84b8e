import { z } from 'zod'
import { isoDateTime, locale, localizedText, uuid } from './common.ts'
import { tieBreakRuleNames } from './evaluation.ts'

/**
 * Ranking and the operators' evaluation views (issue 7 §8, §12): the ranking of a call computed from the
 * final consensus (weighted totals, thresholds, ordered tie-breaks with the rule that decided each tie),
 * the progress of the evaluation per expert and per application, the distribution of the individual
 * scores per criterion, each expert's calibration against the other experts, and the XLSX exports.
 */

export const callParams = z.object({ callId: uuid })

export const outCodes = ['no_consensus', 'criterion_threshold', 'total_threshold'] as const
export type OutCode = (typeof outCodes)[number]

export const outReason = z.object({
  code: z.enum(outCodes),
  criterionId: z.string().optional(),
  score: z.number().optional(),
  threshold: z.number().optional(),
})

const ruleValue = z.union([z.number(), z.string(), z.boolean(), z.null()])
/** One pair inside a tied group: the other application, the rule that decided, both values. */
export const pairDecision = z.object({
  applicationId: uuid,
  rule: z.enum(tieBreakRuleNames),
  criterionId: z.string().optional(),
  mine: ruleValue,
  theirs: ruleValue,
})
export type PairDecision = z.infer<typeof pairDecision>

export const tieBreakView = z.object({
  tiedWith: z.array(uuid),
  /** The rule that decided this application's position inside its tied group. */
  rule: z.enum(tieBreakRuleNames),
  criterionId: z.string().optional(),
  position: z.number().int(),
  groupSize: z.number().int(),
  beats: z.array(pairDecision),
  beatenBy: z.array(pairDecision),
})
export type TieBreakView = z.infer<typeof tieBreakView>

export const rankingItem = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  title: z.string(),
  challengeCode: z.string().nullable(),
  domainCode: z.string().nullable(),
  /** null: out of the ranking. */
  rank: z.number().int().nullable(),
  /** Weighted total of the final consensus scores. */
  total: z.number().nullable(),
  scores: z.record(z.string(), z.number()),
  out: z.array(outReason),
  tieBreak: tieBreakView.nullable(),
  requestedCents: z.number().int(),
  smeCount: z.number().int(),
  countries: z.array(z.string()),
  submittedAt: isoDateTime,
})
export type RankingItem = z.infer<typeof rankingItem>

export const rankingCriterion = z.object({
  id: z.string(),
  name: localizedText,
  weight: z.number(),
  threshold: z.number().nullable(),
})

export const rankingView = z.object({
  callId: uuid,
  callCode: z.string(),
  /** Every admissible application has a final consensus. */
  complete: z.boolean(),
  criteria: z.array(rankingCriterion),
  totalThreshold: z.number().nullable(),
  tieBreaks: z.array(z.object({ rule: z.enum(tieBreakRuleNames), criterionId: z.string().optional() })),
  items: z.array(rankingItem),
})
export type RankingView = z.infer<typeof rankingView>

// ---- Progress ----

const count = z.number().int().min(0)

export const expertProgress = z.object({
  userId: uuid,
  name: z.string(),
  /** Active assignments (assigned or confirmed). */
  assigned: count,
  confirmed: count,
  drafts: count,
  submitted: count,
  recused: count,
})
export type ExpertProgress = z.infer<typeof expertProgress>

export const consensusStates = ['none', 'draft', 'final'] as const
export const applicationProgress = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  assigned: count,
  confirmed: count,
  drafts: count,
  submitted: count,
  recused: count,
  consensus: z.enum(consensusStates),
})
export type ApplicationProgress = z.infer<typeof applicationProgress>

export const progressView = z.object({
  callId: uuid,
  callCode: z.string(),
  totals: z.object({
    applications: count,
    experts: count,
    assigned: count,
    confirmed: count,
    drafts: count,
    submitted: count,
    recused: count,
    consensusFinal: count,
  }),
  experts: z.array(expertProgress),
  applications: z.array(applicationProgress),
})
export type ProgressView = z.infer<typeof progressView>

// ---- Distributions and calibration ----

export const histogramBin = z.object({ score: z.number(), count })
export const criterionDistribution = z.object({
  criterionId: z.string(),
  name: localizedText,
  /** Submitted individual scores on this criterion. */
  n: count,
  mean: z.number().nullable(),
  bins: z.array(histogramBin),
})

export const expertCalibration = z.object({
  userId: uuid,
  name: z.string(),
  /**
   * Mean over the applications the expert and at least one other expert scored of the expert's signed
   * deviation from the others (per application: the mean over the shared criteria of the expert's score
   * minus the mean of the other experts' scores). Positive: more generous. null when n = 0.
   */
  meanDeviation: z.number().nullable(),
  /** Applications compared. */
  n: count,
  perCriterion: z.array(z.object({ criterionId: z.string(), meanDeviation: z.number().nullable(), n: count })),
})
export type ExpertCalibration = z.infer<typeof expertCalibration>

export const statisticsView = z.object({
  callId: uuid,
  scale: z.object({ min: z.number(), max: z.number(), step: z.number() }),
  distributions: z.array(criterionDistribution),
  calibration: z.array(expertCalibration),
})
export type StatisticsView = z.infer<typeof statisticsView>

// ---- Exports ----

export const evaluationExportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: locale.optional(),
})
