import { z } from 'zod'
import { isoDateTime, localizedText, pageOf, pageQuery, uuid } from './common.ts'

/**
 * Consensus (issue 7 §7): the individual evaluations of an application side by side, divergence flags,
 * the moderator's consensus record (scores, comments, justifications, minority view) and the discussion
 * thread among the application's experts and the moderators.
 *
 * Identities: moderators (operators of the programme) see expert names; experts see each other — and
 * themselves — as "Expert n" (`expertNumber`, stable per application: order of first assignment), and
 * moderators as "Moderator".
 */

export const consensusStatuses = ['none', 'draft', 'final'] as const
export type ConsensusStatus = (typeof consensusStatuses)[number]
export const phaseStatuses = ['unset', 'upcoming', 'open', 'closed'] as const

export const consensusCallParams = z.object({ callId: uuid })
export const consensusAppParams = z.object({ callId: uuid, applicationId: uuid })
export const threadParams = z.object({ applicationId: uuid })

export const consensusListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  /** `true`: only the applications flagged as divergent. */
  flagged: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  status: z.enum(consensusStatuses).optional(),
})
export type ConsensusListQuery = z.input<typeof consensusListQuery>

const phase = z.object({
  status: z.enum(phaseStatuses),
  startsAt: isoDateTime.nullable(),
  endsAt: isoDateTime.nullable(),
})

export const consensusListItem = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  title: z.string(),
  /** Submitted evaluations of the active assignments / active assignments. */
  submitted: z.number().int(),
  expected: z.number().int(),
  flagged: z.boolean(),
  flaggedCriteria: z.array(z.string()),
  maxSpread: z.number().nullable(),
  status: z.enum(consensusStatuses),
  finalisedAt: isoDateTime.nullable(),
})
export type ConsensusListItem = z.infer<typeof consensusListItem>

export const consensusList = pageOf(consensusListItem).extend({
  summary: z.object({
    applications: z.number().int(),
    flagged: z.number().int(),
    final: z.number().int(),
    /** Every assigned expert has submitted. */
    ready: z.number().int(),
  }),
  spreadThreshold: z.number(),
  phases: z.object({ individual: phase, consensus: phase }),
  /** Recording is open: the individual phase has closed and the consensus phase has not. */
  canRecord: z.boolean(),
})
export type ConsensusList = z.infer<typeof consensusList>

export const consensusCriterion = z.object({
  id: z.string(),
  name: localizedText,
  description: localizedText.nullable(),
  weight: z.number(),
  threshold: z.number().nullable(),
})
export const consensusScale = z.object({ min: z.number(), max: z.number(), step: z.number() })

export const criterionStatsOut = z.object({
  criterionId: z.string(),
  /** Rounded to two decimals; null without any submitted score. */
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread: z.number().nullable(),
  flagged: z.boolean(),
})
export const statsOut = z.object({
  criteria: z.array(criterionStatsOut),
  totals: z.array(z.number()),
  totalSpread: z.number().nullable(),
  flagged: z.boolean(),
  flaggedCriteria: z.array(z.string()),
})
export type ConsensusStats = z.infer<typeof statsOut>

const individualScore = z.object({ score: z.number().nullable(), comment: z.string() })

export const individualEvaluation = z.object({
  expertNumber: z.number().int(),
  /** Moderators only (null for experts). */
  userId: uuid.nullable(),
  expertName: z.string().nullable(),
  /** The viewer's own evaluation. */
  mine: z.boolean(),
  assignmentStatus: z.enum(['assigned', 'confirmed']),
  status: z.enum(['none', 'draft', 'submitted']),
  submittedAt: isoDateTime.nullable(),
  revision: z.number().int().nullable(),
  /** Submitted evaluations only ({} otherwise). */
  scores: z.record(z.string(), individualScore),
  overallComment: z.string(),
})
export type IndividualEvaluation = z.infer<typeof individualEvaluation>

export const consensusScore = z.object({
  score: z.number().nullable(),
  comment: z.string(),
  justification: z.string(),
})
export type ConsensusScore = z.infer<typeof consensusScore>

export const consensusRecord = z.object({
  applicationId: uuid,
  status: z.enum(['draft', 'final']),
  version: z.number().int(),
  scores: z.record(z.string(), consensusScore),
  overallComment: z.string(),
  minorityView: z.string(),
  recordedAt: isoDateTime,
  recordedBy: z.string().nullable(),
  finalisedAt: isoDateTime.nullable(),
  finalisedBy: z.string().nullable(),
})
export type ConsensusRecord = z.infer<typeof consensusRecord>

const applicationRef = z.object({ id: uuid, reference: z.string(), acronym: z.string(), title: z.string() })
const callRef = z.object({ id: uuid, code: z.string(), title: localizedText, timeZone: z.string() })

export const consensusDetail = z.object({
  application: applicationRef,
  call: callRef,
  criteria: z.array(consensusCriterion),
  scale: consensusScale,
  spreadThreshold: z.number(),
  phases: z.object({ individual: phase, consensus: phase }),
  canRecord: z.boolean(),
  submitted: z.number().int(),
  expected: z.number().int(),
  evaluations: z.array(individualEvaluation),
  stats: statsOut,
  record: consensusRecord.nullable(),
})
export type ConsensusDetail = z.infer<typeof consensusDetail>

/** An expert's view of an application in the consensus phase: the submitted evaluations and stats. */
export const expertConsensusView = z.object({
  application: applicationRef,
  call: callRef,
  criteria: z.array(consensusCriterion),
  scale: consensusScale,
  spreadThreshold: z.number(),
  phases: z.object({ individual: phase, consensus: phase }),
  expertNumber: z.number().int(),
  evaluations: z.array(individualEvaluation),
  stats: statsOut,
})
export type ExpertConsensusView = z.infer<typeof expertConsensusView>

const longText = (max: number) => z.string().trim().max(max)

export const consensusRecordInput = z.object({
  /** The version read (0 when no record exists yet): 409 `consensus_stale` when someone saved since. */
  version: z.number().int().min(0),
  scores: z.record(
    z.string().max(64),
    z.object({
      score: z.number().nullable().default(null),
      comment: longText(5000).default(''),
      justification: longText(5000).default(''),
    }),
  ),
  overallComment: longText(10000).default(''),
  minorityView: longText(10000).default(''),
})
export type ConsensusRecordInput = z.input<typeof consensusRecordInput>

export const consensusVersionInput = z.object({ version: z.number().int().min(1) })

export const threadAuthor = z.object({
  role: z.enum(['moderator', 'expert']),
  expertNumber: z.number().int().nullable(),
  /** Moderators see names; experts see null (they read "Expert n" or "Moderator"). */
  name: z.string().nullable(),
  mine: z.boolean(),
})
export const threadMessage = z.object({
  id: uuid,
  body: z.string(),
  createdAt: isoDateTime,
  author: threadAuthor,
})
export type ThreadMessage = z.infer<typeof threadMessage>

export const thread = z.object({
  items: z.array(threadMessage),
  /** Whether the viewer may post now (experts: while the consensus phase is open). */
  canPost: z.boolean(),
  viewer: z.enum(['moderator', 'expert']),
})
export type Thread = z.infer<typeof thread>

export const threadPost = z.object({ body: z.string().trim().min(1).max(5000) })
