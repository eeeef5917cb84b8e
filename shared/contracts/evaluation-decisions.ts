import { z } from 'zod'
import { isoDateTime, localizedText, pageOf, pageQuery, uuid } from './common.ts'

/**
 * Decisions, notifications, grant responses and redress (issue 7 §10–11). Funded, reserve and rejected
 * are decisions of their own, taken from the adopted selection scenario, separate from the scores and
 * from their notification. Applicants read an evaluation summary (consensus scores and comments —
 * never an expert's identity nor an individual evaluation), answer a grant offer and may request
 * redress within a window.
 */

export const decisionOutcomes = ['funded', 'reserve', 'rejected'] as const
export type DecisionOutcome = (typeof decisionOutcomes)[number]
export const grantResponses = ['accepted', 'declined'] as const
export type GrantResponse = (typeof grantResponses)[number]
export const redressStatuses = ['open', 'upheld', 'partially_upheld', 'dismissed'] as const
export type RedressStatus = (typeof redressStatuses)[number]
export const redressOutcomes = ['upheld', 'partially_upheld', 'dismissed'] as const

export const decisionCallParams = z.object({ callId: uuid })
export const resultParams = z.object({ applicationId: uuid })
export const redressParams = z.object({ callId: uuid, redressId: uuid })

/** Why an application is funded, in reserve or out: the selection's explanation (code + values). */
export const decisionReason = z.object({
  status: z.enum(['selected', 'reserve', 'out']),
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
})
export type DecisionReason = z.infer<typeof decisionReason>

export const decisionItem = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  leadOrganisation: z.string(),
  outcome: z.enum(decisionOutcomes),
  rank: z.number().int().nullable(),
  reserveRank: z.number().int().nullable(),
  requestedCents: z.number().int(),
  grantedCents: z.number().int().nullable(),
  /** Why the amount was cut below the request (before notification); null when it was not. */
  adjustmentReason: z.string().nullable(),
  reason: decisionReason,
  decidedAt: isoDateTime,
  notifiedAt: isoDateTime.nullable(),
  response: z.enum(grantResponses).nullable(),
  respondedAt: isoDateTime.nullable(),
  promotedAt: isoDateTime.nullable(),
})
export type DecisionItem = z.infer<typeof decisionItem>

/** The operators' page: the adopted scenario (what deciding would take), then the decisions once taken. */
export const decisionBoard = z.object({
  callId: uuid,
  callCode: z.string(),
  timeZone: z.string(),
  scenario: z
    .object({
      id: uuid,
      name: z.string(),
      adoptedAt: isoDateTime.nullable(),
      budgetCents: z.number().int(),
      spentCents: z.number().int(),
      selected: z.number().int(),
      reserve: z.number().int(),
      out: z.number().int(),
    })
    .nullable(),
  /** Budget of the adopted scenario the decisions came from, and what the funded decisions not declined commit. */
  budgetCents: z.number().int().nullable(),
  committedCents: z.number().int(),
  counts: z.object({ funded: z.number().int(), reserve: z.number().int(), rejected: z.number().int() }),
  /** Set once every decision is notified. */
  notifiedAt: isoDateTime.nullable(),
  items: z.array(decisionItem),
})
export type DecisionBoard = z.infer<typeof decisionBoard>

export const notifyResult = z.object({
  /** Decisions notified by this request (0 when every one already was). */
  notified: z.number().int(),
  board: decisionBoard,
})

export const criterionSummary = z.object({
  id: z.string(),
  name: localizedText,
  weight: z.number(),
  score: z.number().nullable(),
  comment: z.string(),
})

export const redressView = z.object({
  id: uuid,
  status: z.enum(redressStatuses),
  grounds: z.string(),
  filedAt: isoDateTime,
  dueAt: isoDateTime,
  outcome: z.string().nullable(),
  handledAt: isoDateTime.nullable(),
})
export type RedressView = z.infer<typeof redressView>

/**
 * What the applicant's members read once the decision is notified. Consensus only: no expert, no
 * individual evaluation, no moderator's justification or minority view.
 */
export const evaluationResult = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  title: z.string(),
  call: z.object({ id: uuid, code: z.string(), title: localizedText, timeZone: z.string() }),
  outcome: z.enum(decisionOutcomes),
  rank: z.number().int().nullable(),
  reserveRank: z.number().int().nullable(),
  requestedCents: z.number().int(),
  grantedCents: z.number().int().nullable(),
  /** Why the amount was cut below the request; null when it was not. */
  adjustmentReason: z.string().nullable(),
  reason: decisionReason,
  scale: z.object({ min: z.number(), max: z.number() }),
  criteria: z.array(criterionSummary),
  overallComment: z.string(),
  /** Σ weight × consensus score; null without a consensus. */
  total: z.number().nullable(),
  maxTotal: z.number(),
  notifiedAt: isoDateTime,
  promotedAt: isoDateTime.nullable(),
  response: z.enum(grantResponses).nullable(),
  respondedAt: isoDateTime.nullable(),
  /** The caller may answer the grant offer (a member of the lead organisation, funded, not answered yet). */
  canRespond: z.boolean(),
  /** Accepting needs the explicit acceptance of the cut (granted < requested). */
  cutToAccept: z.boolean(),
  redress: z.object({
    windowEndsAt: isoDateTime,
    windowOpen: z.boolean(),
    canFile: z.boolean(),
    handlingWorkingDays: z.number().int(),
    requests: z.array(redressView),
  }),
})
export type EvaluationResult = z.infer<typeof evaluationResult>

export const grantResponseInput = z.object({
  response: z.enum(grantResponses),
  /** Required (true) to accept a grant smaller than the amount requested. */
  acceptCut: z.boolean().optional(),
})

/** A funded decision's amount, cut before notification: at least €1 and at most the amount requested. */
export const grantAdjustInput = z.object({
  grantedCents: z.number().int().min(100),
  reason: z.string().trim().min(20).max(2000),
})
export const decisionParams = z.object({ callId: uuid, applicationId: uuid })

export const redressInput = z.object({ grounds: z.string().trim().min(50).max(5000) })

export const redressHandleInput = z.object({
  status: z.enum(redressOutcomes),
  outcome: z.string().trim().min(10).max(5000),
})

export const redressItem = redressView.extend({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  decision: z.enum(decisionOutcomes).nullable(),
  overdue: z.boolean(),
  filedBy: z.string().nullable(),
  handledBy: z.string().nullable(),
})
export type RedressItem = z.infer<typeof redressItem>

export const redressQuery = pageQuery.extend({
  status: z.enum(['open', 'handled', 'overdue', 'all']).default('all'),
  q: z.string().trim().max(200).default(''),
})
export const redressPage = pageOf(redressItem).extend({ timeZone: z.string() })
