import { z } from 'zod'
import { isoDateTime, uuid } from './common.ts'

/**
 * The guided TRL self-assessment (DOMAIN.md §4): one questionnaire per solution type, levels asked in
 * ascending order, stopping at the first level whose criteria are not all met. The texts are i18n keys:
 * `trl.criteria.<criterionId>.text` / `.help`, `trl.levels.<level>.title` / `.description`.
 */
export const solutionTypes = ['hardware', 'software', 'service', 'data_model', 'methodology'] as const
export type SolutionType = (typeof solutionTypes)[number]

/** What a criterion checks (§4.4): the artefact, where it ran, who ran it, results, qualification, use. */
export const trlDimensions = [
  'basis',
  'concept',
  'artefact',
  'environment',
  'operator',
  'results',
  'qualification',
  'documentation',
  'use',
] as const
export type TrlDimension = (typeof trlDimensions)[number]

export const trlLevel = z.number().int().min(0).max(9)
export const trlCriterion = z.object({ id: z.string(), dimension: z.enum(trlDimensions) })
export const trlQuestionnaire = z.object({
  type: z.enum(solutionTypes),
  version: z.number().int().min(1),
  levels: z.array(z.object({ level: z.number().int().min(1).max(9), criteria: z.array(trlCriterion) })),
})
export type TrlQuestionnaire = z.infer<typeof trlQuestionnaire>

/** One answer as the applicant sends it; a "yes" needs evidence text AND a link or an uploaded file. */
export const trlAnswerInput = z.object({
  criterion: z.string().trim().min(1).max(40),
  met: z.boolean().nullable(),
  evidenceText: z.string().trim().max(2000).default(''),
  /** http(s) address of the evidence; checked when the assessment is completed (drafts may hold half a link). */
  evidenceUrl: z.string().trim().max(2000).default(''),
  /** A file uploaded to this assessment (POST …/evidence). */
  evidenceFileId: uuid.nullable().default(null),
})
export type TrlAnswerInput = z.output<typeof trlAnswerInput>

/** An autosave: the whole answer list (and the confidence if chosen yet). */
export const trlSaveInput = z.object({
  answers: z.array(trlAnswerInput).max(80),
  confidence: z.number().int().min(1).max(5).nullable().default(null),
})
/** Completing: optionally the last answers and confidence, saved first; the server computes the result. */
export const trlCompleteInput = z.object({
  answers: z.array(trlAnswerInput).max(80).optional(),
  confidence: z.number().int().min(1).max(5).nullable().optional(),
})
export const trlStartInput = z.object({}).default({})

export const evidenceUploadInput = z.object({
  filename: z.string().trim().min(1).max(200),
  /** The bytes, base64 (PDF, PNG, JPEG or WebP, ≤ 10 MB; the type is read from the content). */
  data: z
    .string()
    .min(1)
    .max(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
})
export const evidenceBodyLimit = 15 * 1024 * 1024
export const storedEvidence = z.object({
  id: uuid,
  filename: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
})
export type StoredEvidence = z.infer<typeof storedEvidence>

export const levelStates = ['met', 'not_met', 'open', 'not_asked'] as const
export const trlEvaluation = z.object({
  /** The last level whose criteria are all met, counting from 1 without gaps (0 if none). */
  resultLevel: trlLevel,
  /** The first level with a "no" (the questionnaire stops there), null when none yet. */
  stoppedAt: z.number().int().nullable(),
  /** The level to answer next, null when the questionnaire is finished. */
  nextLevel: z.number().int().nullable(),
  finished: z.boolean(),
  levels: z.array(z.object({ level: z.number().int(), state: z.enum(levelStates) })),
  /** "Yes" answers that still lack evidence (`evidenceText` or `evidenceUrl`, code). */
  missingEvidence: z.array(
    z.object({ criterion: z.string(), level: z.number().int(), field: z.string(), code: z.string() }),
  ),
  /** Answers beyond the level where the questionnaire stops: they do not count and are dropped on completion. */
  ignored: z.array(z.string()),
})
export type TrlEvaluation = z.infer<typeof trlEvaluation>

const person = z.object({ id: uuid, name: z.string() }).nullable()

export const trlReviewDecisions = ['confirmed', 'adjusted'] as const
export const trlReviewInput = z
  .object({
    decision: z.enum(trlReviewDecisions),
    /** Required when adjusting; a confirmation keeps the self-assessed level. */
    level: trlLevel.optional(),
    /** Shown to the applicant. */
    reason: z.string().trim().min(3).max(2000),
  })
  .refine((v) => v.decision === 'confirmed' || v.level !== undefined, { path: ['level'], message: 'required' })
export const trlReview = z.object({
  id: uuid,
  decision: z.enum(trlReviewDecisions),
  level: trlLevel,
  reason: z.string(),
  /** The reviewer's name, for the applicant and programme staff. */
  reviewer: person,
  createdAt: isoDateTime,
})
export type TrlReview = z.infer<typeof trlReview>

export const trlAnswer = trlAnswerInput.extend({
  level: z.number().int().min(1).max(9),
  evidenceFile: storedEvidence.nullable(),
})
export type TrlAnswer = z.infer<typeof trlAnswer>

export const trlAssessmentStatuses = ['draft', 'completed'] as const
export const trlAssessmentSummary = z.object({
  id: uuid,
  solutionId: uuid,
  questionnaire: z.enum(solutionTypes),
  questionnaireVersion: z.number().int(),
  status: z.enum(trlAssessmentStatuses),
  resultLevel: trlLevel.nullable(),
  confidence: z.number().int().min(1).max(5).nullable(),
  createdBy: person,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  /** The latest review of this assessment, if any. */
  review: trlReview.nullable(),
})
export type TrlAssessmentSummary = z.infer<typeof trlAssessmentSummary>

/** One assessment with its evidence trail (members of the owning organisation and reviewers only). */
export const trlAssessment = trlAssessmentSummary.extend({
  answers: z.array(trlAnswer),
  evaluation: trlEvaluation,
  reviews: z.array(trlReview),
  abilities: z.record(z.string(), z.object({ allowed: z.boolean(), reason: z.string().optional() })),
})
export type TrlAssessment = z.infer<typeof trlAssessment>
export const trlAssessmentList = z.object({ items: z.array(trlAssessmentSummary) })

export const trlWindow = z.object({ min: z.number().int(), max: z.number().int() })
export type TrlWindow = z.infer<typeof trlWindow>

/**
 * Where a solution stands: the self-assessed result, the latest review, the effective TRL (the review's
 * level if any, else the self-assessed one), and whether it fits the programme's window and each
 * challenge it addresses.
 */
export const trlStatus = z.object({
  selfAssessed: z
    .object({
      assessmentId: uuid,
      level: trlLevel,
      confidence: z.number().int().nullable(),
      completedAt: isoDateTime,
    })
    .nullable(),
  review: trlReview.nullable(),
  effective: trlLevel.nullable(),
  trlFit: z.object({ window: trlWindow, fits: z.boolean().nullable() }),
  challenges: z.array(
    z.object({
      id: uuid,
      code: z.string(),
      title: z.string(),
      trlMin: z.number().int(),
      trlMax: z.number().int(),
      fits: z.boolean().nullable(),
    }),
  ),
  /** The assessment being filled in (members only). */
  draft: z.object({ id: uuid, updatedAt: isoDateTime }).nullable(),
})
export type TrlStatus = z.infer<typeof trlStatus>
