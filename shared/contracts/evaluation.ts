import { z } from 'zod'
import { isoDate, isoDateTime, localizedText, uuid } from './common.ts'

/**
 * Evaluation set-up and individual evaluation (issue 7 §5, §6, §12): a call's evaluation settings and
 * phases (operators), the operators' hub of calls in evaluation, the expert's assignments, and the
 * evaluation form (a score and a comment per criterion of the call, an overall comment; draft, submit,
 * reopen by a moderator).
 */

export const tieBreakRuleNames = [
  'uncovered_challenge',
  'criterion',
  'more_smes',
  'more_countries',
  'earlier_submission',
] as const
export const evaluationPhaseKinds = ['individual', 'consensus', 'panel'] as const
export type EvaluationPhaseKind = (typeof evaluationPhaseKinds)[number]
export const phaseStatuses = ['unset', 'upcoming', 'open', 'closed'] as const
export type PhaseStatusName = (typeof phaseStatuses)[number]

export const callParams = z.object({ callId: uuid })
export const assignmentParams = z.object({ assignmentId: uuid })
export const evaluationParams = z.object({ evaluationId: uuid })

// ---- Settings ----

export const tieBreakInput = z.object({
  rule: z.enum(tieBreakRuleNames),
  /** Only with `criterion`: that criterion; without it, each criterion in the call's order. */
  criterionId: z.string().trim().min(1).max(48).optional(),
})

/** At most this many public holidays per call (the redress calendar). */
export const maxRedressHolidays = 60
/** A local calendar day `YYYY-MM-DD` that exists (no 30 February): field error code `invalid_date`. */
export const holidayDay = z.string().refine((v) => isoDate.safeParse(v).success, 'invalid_date')

export const evaluationSettingsInput = z.object({
  expertsPerApplication: z.number().int().min(1).max(10),
  practitionerRequired: z.boolean(),
  onePerCountry: z.boolean(),
  excludeApplicantCountries: z.boolean(),
  anonymised: z.boolean(),
  spreadThreshold: z.number().min(0).max(100),
  commentMinLength: z.number().int().min(0).max(5000),
  tieBreaks: z.array(tieBreakInput).max(20),
  bidWeight: z.number().min(0).max(1),
  redressWindowDays: z.number().int().min(0).max(90),
  redressHandlingWorkingDays: z.number().int().min(1).max(120),
  /**
   * Public holidays of the call, in its zone: not working days when a redress request's due date is
   * counted. Stored without repeats and in order; a missing list is an empty one. Field errors:
   * `redressHolidays.<i>` `invalid_date`, `redressHolidays` `too_many_days` (over 60).
   */
  redressHolidays: z
    .array(holidayDay)
    .refine((days) => days.length <= maxRedressHolidays, 'too_many_days')
    .default([]),
})
export type EvaluationSettingsInput = z.infer<typeof evaluationSettingsInput>

export const criterionView = z.object({
  id: z.string(),
  name: localizedText,
  description: localizedText.nullable(),
  weight: z.number(),
  threshold: z.number().nullable(),
})
export type CriterionView = z.infer<typeof criterionView>

export const evaluationSettingsView = evaluationSettingsInput.extend({
  callId: uuid,
  tieBreaks: z.array(z.object({ rule: z.enum(tieBreakRuleNames), criterionId: z.string().optional() })),
  /** False while these are the defaults (nothing stored yet). */
  stored: z.boolean(),
  /** Experts per application and the panel rules are locked once an assignment exists. */
  locked: z.boolean(),
  criteria: z.array(criterionView),
  scale: z.object({ min: z.number(), max: z.number(), step: z.number() }),
  totalThreshold: z.number().nullable(),
})
export type EvaluationSettingsView = z.infer<typeof evaluationSettingsView>

// ---- Phases ----

/** A wall-clock time in the call's zone, `YYYY-MM-DDTHH:mm`. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'local_date_time')

export const phaseWindowInput = z.object({ startsAt: localDateTime, endsAt: localDateTime })
export const evaluationPhasesInput = z.object({
  individual: phaseWindowInput,
  consensus: phaseWindowInput.nullable().default(null),
  panel: phaseWindowInput.nullable().default(null),
})
export type EvaluationPhasesInput = z.infer<typeof evaluationPhasesInput>

export const phaseView = z.object({
  kind: z.enum(evaluationPhaseKinds),
  startsAt: isoDateTime.nullable(),
  endsAt: isoDateTime.nullable(),
  /** The same moments on the wall clock of the call's zone (`YYYY-MM-DDTHH:mm`). */
  localStartsAt: z.string().nullable(),
  localEndsAt: z.string().nullable(),
  status: z.enum(phaseStatuses),
})
export type PhaseView = z.infer<typeof phaseView>

export const evaluationPhasesView = z.object({
  callId: uuid,
  timeZone: z.string(),
  closesAt: isoDateTime,
  localClosesAt: z.string(),
  serverNow: isoDateTime,
  phases: z.array(phaseView),
})
export type EvaluationPhasesView = z.infer<typeof evaluationPhasesView>

// ---- Operators' hub ----

export const hubCall = z.object({
  callId: uuid,
  code: z.string(),
  title: localizedText,
  closesAt: isoDateTime,
  timeZone: z.string(),
  counts: z.object({
    admissible: z.number().int(),
    approvedExperts: z.number().int(),
    assignments: z.number().int(),
    evaluationsSubmitted: z.number().int(),
    evaluationsExpected: z.number().int(),
    consensusFinal: z.number().int(),
  }),
  phases: z.object({
    individual: z.enum(phaseStatuses),
    consensus: z.enum(phaseStatuses),
    panel: z.enum(phaseStatuses),
  }),
})
export type HubCall = z.infer<typeof hubCall>
export const hubCalls = z.object({ items: z.array(hubCall), serverNow: isoDateTime })

// ---- Expert's workspace ----

export const myAssignment = z.object({
  id: uuid,
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  title: z.string(),
  /** The abstract of the submitted revision (organisation names hidden in anonymised mode). */
  abstract: z.string(),
  status: z.enum(['assigned', 'confirmed']),
  confirmedAt: isoDateTime.nullable(),
  evaluation: z.object({
    id: uuid.nullable(),
    status: z.enum(['none', 'draft', 'submitted']),
    /** Criteria with a score and a long enough comment. */
    completed: z.number().int(),
    submittedAt: isoDateTime.nullable(),
  }),
})
export type MyAssignment = z.infer<typeof myAssignment>

export const myAssignmentCall = z.object({
  callId: uuid,
  code: z.string(),
  title: localizedText,
  timeZone: z.string(),
  anonymised: z.boolean(),
  criteriaCount: z.number().int(),
  /** The end of the individual phase (null while not set). */
  deadline: isoDateTime.nullable(),
  phases: z.array(phaseView),
  assignments: z.array(myAssignment),
})
export const myAssignments = z.object({ calls: z.array(myAssignmentCall), serverNow: isoDateTime })
export type MyAssignments = z.infer<typeof myAssignments>

// ---- The evaluation form ----

export const scoreEntry = z.object({
  score: z.number().nullable(),
  comment: z.string().max(10_000),
})
export const evaluationDraftInput = z.object({
  /** The version read (null when none exists yet): a newer one is 409 `evaluation_stale`. */
  version: z.number().int().min(1).nullable(),
  scores: z.record(z.string(), scoreEntry),
  overallComment: z.string().max(20_000),
})
export type EvaluationDraftInput = z.infer<typeof evaluationDraftInput>
export const evaluationSubmitInput = z.object({ version: z.number().int().min(1) })
export const evaluationReopenInput = z.object({ reason: z.string().trim().min(10).max(2000) })

export const evaluationState = z.object({
  id: uuid,
  assignmentId: uuid,
  status: z.enum(['draft', 'submitted']),
  version: z.number().int(),
  /** The application revision this evaluation scored. */
  revision: z.number().int(),
  scores: z.record(z.string(), scoreEntry),
  overallComment: z.string(),
  updatedAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
  reopenedAt: isoDateTime.nullable(),
  reopenReason: z.string().nullable(),
})
export type EvaluationState = z.infer<typeof evaluationState>

export const shownAnswer = z.object({
  questionId: z.string(),
  label: localizedText,
  type: z.string(),
  /** Text, number, choices, files (names and sizes) or the work plan, as submitted (redacted when anonymised). */
  value: z.unknown(),
})
export const shownPartner = z.object({
  /** "A", "B"… in anonymised mode; the lead is A. */
  label: z.string(),
  role: z.enum(['lead', 'partner']),
  /** Null in anonymised mode. */
  name: z.string().nullable(),
  country: z.string().nullable(),
  type: z.string().nullable(),
  smeStatus: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  roleText: z.string(),
  requestedCents: z.number().int(),
  answers: z.array(shownAnswer),
})
export type ShownPartner = z.infer<typeof shownPartner>
export const shownApplication = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  title: z.string(),
  revision: z.number().int(),
  submittedAt: isoDateTime,
  requestedCents: z.number().int(),
  sections: z.array(z.object({ id: z.string(), title: localizedText, answers: z.array(shownAnswer) })),
  partners: z.array(shownPartner),
})
export type ShownApplication = z.infer<typeof shownApplication>

export const evaluationView = z.object({
  assignment: z.object({ id: uuid, status: z.enum(['assigned', 'confirmed']), confirmedAt: isoDateTime.nullable() }),
  call: z.object({ id: uuid, code: z.string(), title: localizedText, timeZone: z.string() }),
  anonymised: z.boolean(),
  individual: phaseView,
  /** Whether the expert may save and submit now (phase open, or reopened by a moderator). */
  editable: z.boolean(),
  application: shownApplication,
  criteria: z.array(criterionView.omit({ weight: true })),
  scale: z.object({ min: z.number(), max: z.number(), step: z.number() }),
  commentMinLength: z.number().int(),
  evaluation: evaluationState.nullable(),
  serverNow: isoDateTime,
})
export type EvaluationView = z.infer<typeof evaluationView>
