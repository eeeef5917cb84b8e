import { z } from 'zod'
import { isoDateTime, pageOf, pageQuery, uuid } from './common.ts'
import { expertKinds } from './experts.ts'

/**
 * The assignment of experts to a call's applications (issue 7 §2–4): experts bid on titles and
 * abstracts, an optimiser run (a background job) assigns k experts per application maximising affinity
 * (matching engine + bids) under loads, conflicts and panel rules, operators lock, add and remove pairs,
 * and experts confirm "no conflict" or recuse themselves (a replacement is assigned).
 */

export const bidValues = ['yes', 'maybe', 'no'] as const
export type BidValue = (typeof bidValues)[number]
export const assignmentStatuses = ['assigned', 'confirmed', 'recused', 'removed'] as const
export const assignmentSources = ['optimiser', 'manual', 'reassignment'] as const
export const runStatuses = ['queued', 'running', 'succeeded', 'failed'] as const
export const pairReasons = [
  'locked',
  'top_choice',
  'practitioner_required',
  'minimum_load',
  'country_rule',
  'load_balance',
  'manual',
  'reassignment',
  'kept',
] as const

export const callParams = z.object({ callId: uuid })
export const assignmentParams = z.object({ assignmentId: uuid })
export const runParams = z.object({ callId: uuid, runId: uuid })
export const bidParams = z.object({ callId: uuid, applicationId: uuid })

// Experts: confirm / recuse (INTERFACES.md §A).
export const confirmResult = z.object({ id: uuid, status: z.literal('confirmed'), confirmedAt: isoDateTime })
export const recuseBody = z.object({ reason: z.string().trim().min(10).max(2000) })
export const recuseResult = z.object({ id: uuid, status: z.literal('recused'), replaced: z.boolean() })

// Bids.
export const bidQuery = pageQuery.extend({ q: z.string().trim().max(200).default('') })
export const bidItem = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  title: z.string(),
  abstract: z.string(),
  challenge: z.object({ code: z.string(), title: z.string() }).nullable(),
  /** Consortium members' names; null when the call's evaluation is anonymised. */
  organisations: z.array(z.string()).nullable(),
  bid: z.enum(bidValues).nullable(),
})
export type BidItem = z.infer<typeof bidItem>
export const bidPage = pageOf(bidItem).extend({
  /** Bids may be given and changed until the individual evaluation phase starts. */
  open: z.boolean(),
  closesAt: isoDateTime.nullable(),
  anonymised: z.boolean(),
  counts: z.object({ yes: z.number().int(), maybe: z.number().int(), no: z.number().int() }),
})
export type BidPage = z.infer<typeof bidPage>
export const bidBody = z.object({ bid: z.enum(bidValues).nullable() })
export const bidResult = z.object({ applicationId: uuid, bid: z.enum(bidValues).nullable() })

// Runs.
export const runProgress = z.object({
  phase: z.string(),
  percent: z.number().min(0).max(100),
  elapsedMs: z.number().optional(),
  objective: z.number().optional(),
  upperBound: z.number().optional(),
})
export const runResult = z.object({
  objective: z.number(),
  upperBound: z.number(),
  optimal: z.boolean(),
  method: z.string(),
  timeMs: z.number(),
  applications: z.number().int(),
  experts: z.number().int(),
  pairs: z.number().int(),
  kept: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
})
export const assignmentRun = z.object({
  id: uuid,
  status: z.enum(runStatuses),
  progress: runProgress,
  result: runResult.nullable(),
  /** The optimiser's refusal: its stable code (an `errors.<code>` text) and details. */
  error: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  startedBy: z.string().nullable(),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
})
export type AssignmentRun = z.infer<typeof assignmentRun>
export const runList = z.object({ latest: assignmentRun.nullable(), items: z.array(assignmentRun) })

// Pairs.
export const pairExplanation = z.object({
  reason: z.enum(pairReasons),
  /** Text relevance (matching engine) and the bid, each 0–1, and how much the bid weighed. */
  text: z.number(),
  bid: z.enum(bidValues).nullable(),
  bidWeight: z.number(),
  words: z.array(z.string()),
  tags: z.array(z.string()),
  rankForApplication: z.number().int().nullable(),
  rankForExpert: z.number().int().nullable(),
})
export type PairExplanation = z.infer<typeof pairExplanation>
export const assignmentPair = z.object({
  id: uuid,
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  userId: uuid,
  expertName: z.string(),
  kind: z.enum(expertKinds),
  countries: z.array(z.string()),
  affinity: z.number(),
  why: pairExplanation,
  locked: z.boolean(),
  status: z.enum(assignmentStatuses),
  source: z.enum(assignmentSources),
  confirmedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
})
export type AssignmentPair = z.infer<typeof assignmentPair>
export const pairQuery = pageQuery.extend({
  expertId: uuid.optional(),
  applicationId: uuid.optional(),
  /** Also list recused and removed pairs. */
  all: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
})
export const pairPage = pageOf(assignmentPair)
export const pairCreate = z.object({ applicationId: uuid, userId: uuid, locked: z.boolean().default(true) })
export const pairPatch = z.object({ locked: z.boolean() })

// Overview: loads per expert, panel size per application.
export const assignmentOverview = z.object({
  k: z.number().int(),
  rules: z.object({
    practitionerRequired: z.boolean(),
    onePerCountry: z.boolean(),
    excludeApplicantCountries: z.boolean(),
  }),
  experts: z.array(
    z.object({
      userId: uuid,
      name: z.string(),
      kind: z.enum(expertKinds),
      countries: z.array(z.string()),
      available: z.boolean(),
      maxLoad: z.number().int(),
      load: z.number().int(),
    }),
  ),
  applications: z.array(
    z.object({ applicationId: uuid, reference: z.string(), acronym: z.string(), experts: z.number().int() }),
  ),
})
export type AssignmentOverview = z.infer<typeof assignmentOverview>
