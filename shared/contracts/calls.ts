import { z } from 'zod'
import { countryCodes } from '../countries.ts'
import { applicationForm, questionId } from './call-form.ts'
import { abilities, isoDate, isoDateTime, localizedText, pageOf, pageQuery, uuid } from './common.ts'

/**
 * Open calls (issue 5). A call's rules, budget, timeline, application form and evaluation criteria are
 * one document, `callConfig`, validated here and run by the shared rules engine (`shared/calls`) in
 * the browser (live readiness) and on the server (submission, eligibility screening). Money is integer
 * euro cents. Local date-times (`YYYY-MM-DDTHH:mm`) are read in the call's IANA time zone.
 */

/** `2026-03-14T17:00`: a wall-clock time in the call's time zone (no offset). */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'local_date_time')
export const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}, 'time_zone')

/** The H2020 default maximum of financial support per third party (DOMAIN.md §2.1). */
export const DEFAULT_MAX_PER_THIRD_PARTY_CENTS = 6_000_000

export const fundingModels = ['lump_sum', 'funding_rate'] as const
export type FundingModel = (typeof fundingModels)[number]

export const callBudget = z
  .object({
    currency: z.literal('EUR').default('EUR'),
    totalCents: z.number().int().min(0),
    maxPerProjectCents: z.number().int().min(0),
    maxPerThirdPartyCents: z.number().int().min(0).default(DEFAULT_MAX_PER_THIRD_PARTY_CENTS),
    fundingModel: z.enum(fundingModels).default('lump_sum'),
    /** Share of eligible costs funded, when fundingModel is funding_rate (e.g. 70). */
    fundingRatePercent: z.number().min(1).max(100).nullable().default(null),
    expectedProjects: z.number().int().min(1).nullable().default(null),
  })
  .refine((b) => b.maxPerProjectCents <= b.totalCents, { path: ['maxPerProjectCents'], message: 'over_total' })
  .refine((b) => b.fundingModel !== 'funding_rate' || b.fundingRatePercent !== null, {
    path: ['fundingRatePercent'],
    message: 'required',
  })
export type CallBudget = z.infer<typeof callBudget>

/** Country presets an operator picks from; the config stores the resulting list. */
export const countryPresets = ['eu27', 'horizon_associated', 'eu27_and_associated'] as const

export const consortiumRules = z
  .object({
    minOrganisations: z.number().int().min(1).max(50).default(2),
    maxOrganisations: z.number().int().min(1).max(50).nullable().default(null),
    minSmes: z.number().int().min(0).max(50).default(2),
    minCountries: z.number().int().min(1).max(50).default(1),
    /** Countries where every member must be established; empty = any country. */
    eligibleCountries: z.array(z.enum(countryCodes)).default([]),
    /** An end-user or integrator (public authority, infrastructure operator…) must be in the consortium or named as validator. */
    endUserRequired: z.boolean().default(false),
    /** Organisations linked to the programme's partners (clusters) may not apply. */
    excludePartnerLinked: z.boolean().default(true),
    /** An organisation may be in only one application of the call. */
    oneApplicationPerOrganisation: z.boolean().default(true),
  })
  .refine((r) => r.maxOrganisations === null || r.maxOrganisations >= r.minOrganisations, {
    path: ['maxOrganisations'],
    message: 'under_minimum',
  })
export type ConsortiumRules = z.infer<typeof consortiumRules>

export const trlWindow = z
  .object({ min: z.number().int().min(1).max(9), max: z.number().int().min(1).max(9) })
  .refine((w) => w.max >= w.min, { path: ['max'], message: 'under_minimum' })

export const callTimeline = z.object({
  /** Last moment to ask a question about the call (local, call's zone). */
  qaClosesAt: localDateTime.nullable().default(null),
  evaluationStartsOn: isoDate.nullable().default(null),
  evaluationEndsOn: isoDate.nullable().default(null),
  resultsOn: isoDate.nullable().default(null),
})

// ---- Evaluation criteria (used by the evaluation module) ----

export const evaluationCriterion = z.object({
  id: questionId,
  name: localizedText,
  description: localizedText.nullable().default(null),
  /** Weight in the ranking total (e.g. 1, 1.5). */
  weight: z.number().min(0).max(100).default(1),
  /** Minimum score on this criterion (null = none). */
  threshold: z.number().min(0).nullable().default(null),
})
export type EvaluationCriterion = z.infer<typeof evaluationCriterion>

export const evaluationSettings = z.object({
  criteria: z.array(evaluationCriterion).min(1).max(10),
  scaleMin: z.number().default(0),
  scaleMax: z.number().default(5),
  scaleStep: z.number().positive().default(0.5),
  /** Minimum total: the plain sum of the criterion scores, weights apart (weights only rank); null = none. */
  totalThreshold: z.number().min(0).nullable().default(null),
})
export type EvaluationSettings = z.infer<typeof evaluationSettings>

/** Everything a call states, as data. Frozen (versioned) once the call opens. */
export const callConfig = z.object({
  timeline: callTimeline.default({
    qaClosesAt: null,
    evaluationStartsOn: null,
    evaluationEndsOn: null,
    resultsOn: null,
  }),
  budget: callBudget,
  consortium: consortiumRules,
  trl: trlWindow,
  form: applicationForm,
  evaluation: evaluationSettings,
})
export type CallConfig = z.infer<typeof callConfig>
export type CallConfigInput = z.input<typeof callConfig>

// ---- Calls ----

/** Derived from publication, cancellation and the clock: a call opens and closes by itself. */
export const callPhases = ['draft', 'scheduled', 'open', 'closed', 'cancelled'] as const
export type CallPhase = (typeof callPhases)[number]

export const callCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'call_code')

export const callInput = z.object({
  programmeId: uuid.optional(),
  code: callCode,
  title: localizedText,
  summary: localizedText,
  /** Opening and deadline as wall-clock times in `timeZone` (e.g. 17:00 Europe/Brussels). */
  opensAtLocal: localDateTime,
  deadlineLocal: localDateTime,
  timeZone: timeZone.default('Europe/Brussels'),
  challengeIds: z.array(uuid).max(100).default([]),
  config: callConfig,
})
export type CallInput = z.input<typeof callInput>

/**
 * A change to a call. Once the call has opened, `changeLog` is required and a new version is published.
 * Fields left out stay as they are (no defaults here: zod applies a default even to an optional field).
 */
export const callPatch = callInput
  .extend({ timeZone, challengeIds: z.array(uuid).max(100) })
  .partial()
  .extend({
    expectedVersion: z.number().int().min(1),
    changeLog: localizedText.optional(),
  })
export type CallPatch = z.input<typeof callPatch>

export const callParams = z.object({ callId: uuid })
export const callCodeParams = z.object({ code: callCode })
export const callVersionParams = z.object({ callId: uuid, version: z.coerce.number().int().min(1) })

export const callDocumentKinds = ['guide', 'template', 'call_text', 'agreement', 'other'] as const
export const callDocument = z.object({
  id: uuid,
  kind: z.enum(callDocumentKinds),
  title: localizedText,
  filename: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  url: z.string(),
})
export type CallDocument = z.infer<typeof callDocument>
export const callDocumentUpload = z.object({
  kind: z.enum(callDocumentKinds),
  title: localizedText,
  filename: z.string().min(1).max(200),
  /** The file's bytes, base64. */
  data: z.string().min(1),
})
export const callDocumentParams = z.object({ callId: uuid, documentId: uuid })

export const callChallenge = z.object({
  id: uuid,
  slug: z.string(),
  title: localizedText,
  domainCode: z.string(),
  trlMin: z.number().int().nullable(),
  trlMax: z.number().int().nullable(),
})

export const callVersionSummary = z.object({
  version: z.number().int(),
  changeLog: localizedText.nullable(),
  createdAt: isoDateTime,
})

/** The moments of a call as instants (UTC ISO) with the zone they are stated in. */
export const callSchedule = z.object({
  opensAt: isoDateTime,
  deadline: isoDateTime,
  timeZone: z.string(),
  opensAtLocal: localDateTime,
  deadlineLocal: localDateTime,
  qaClosesAt: isoDateTime.nullable(),
})

export const callSummary = z.object({
  id: uuid,
  code: z.string(),
  title: localizedText,
  summary: localizedText,
  phase: z.enum(callPhases),
  schedule: callSchedule,
  budgetTotalCents: z.number().int(),
  maxPerProjectCents: z.number().int(),
  challengeCount: z.number().int(),
  applicationCount: z.number().int().nullable(),
  version: z.number().int(),
})
export type CallSummary = z.infer<typeof callSummary>

export const call = callSummary.extend({
  programmeId: uuid,
  config: callConfig,
  challenges: z.array(callChallenge),
  documents: z.array(callDocument),
  versions: z.array(callVersionSummary),
  publishedAt: isoDateTime.nullable(),
  frozenAt: isoDateTime.nullable(),
  screenedAt: isoDateTime.nullable(),
  /** Server time when this answer was made, for countdowns that do not trust the viewer's clock. */
  serverNow: isoDateTime,
  abilities,
})
export type Call = z.infer<typeof call>

export const callListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  phase: z.enum(callPhases).optional(),
})
export const callPage = pageOf(callSummary)

export const callVersion = z.object({
  version: z.number().int(),
  config: callConfig,
  schedule: callSchedule,
  changeLog: localizedText.nullable(),
  createdAt: isoDateTime,
})

// ---- Questions and answers about a call ----

export const callQuestionStatuses = ['pending', 'published', 'dismissed'] as const
export const callQuestion = z.object({
  id: uuid,
  question: z.string(),
  answer: z.string().nullable(),
  language: z.string(),
  status: z.enum(callQuestionStatuses),
  askedAt: isoDateTime,
  answeredAt: isoDateTime.nullable(),
})
export type CallQuestion = z.infer<typeof callQuestion>
export const callQuestionInput = z.object({ question: z.string().trim().min(10).max(2000) })
export const callAnswerInput = z.object({
  answer: z.string().trim().min(1).max(5000).nullable(),
  status: z.enum(['published', 'dismissed']),
})
export const callQuestionParams = z.object({ callId: uuid, questionId: uuid })
export const callQuestionList = z.object({ items: z.array(callQuestion) })

// ---- Published signing keys ----

export const receiptKey = z.object({
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  /** SPKI DER, base64. */
  publicKey: z.string(),
  createdAt: isoDateTime,
  retiredAt: isoDateTime.nullable(),
})
export const receiptKeys = z.object({ keys: z.array(receiptKey) })
