import { z } from 'zod'
import { countryCodes } from '../countries.ts'
import { callPhases, callSchedule } from './calls.ts'
import { abilities, isoDateTime, localizedText, pageOf, pageQuery, sortParam, uuid } from './common.ts'

/**
 * Consortium applications (issue 5). The working copy is co-edited: shared answers by the lead,
 * each partner's part by that partner; saves carry the version they were based on and conflict per
 * field. A submission is an immutable revision with a digest and a signed receipt.
 */

// ---- Answer values, by question type ----

export const uploadedFile = z.object({
  fileId: uuid,
  filename: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
})
export type UploadedFile = z.infer<typeof uploadedFile>

export const workPlanItem = z.object({
  title: z.string().trim().max(200),
  month: z.number().int().min(1).max(60),
  description: z.string().trim().max(1000).default(''),
})
export const workPlanValue = z.object({
  durationMonths: z.number().int().min(1).max(60).nullable().default(null),
  milestones: z.array(workPlanItem).max(30).default([]),
  deliverables: z.array(workPlanItem).max(50).default([]),
})
export type WorkPlanValue = z.infer<typeof workPlanValue>

/**
 * An answer: text (short/long), number, integer cents (money), ISO date, option id (single choice),
 * option ids (multiple choice), files, a work plan, or null (cleared). The server checks each value
 * against its question's type; the contract stays open so a form can change without a new API.
 */
export const answerValue = z.union([
  z.string().max(50_000),
  z.number(),
  z.array(z.string().max(64)).max(50),
  z.array(uploadedFile).max(10),
  workPlanValue,
  z.null(),
])
export type AnswerValue = z.infer<typeof answerValue>
export const answers = z.record(z.string(), answerValue)
export type Answers = z.infer<typeof answers>

export const answerMeta = z.record(
  z.string(),
  z.object({ version: z.number().int(), by: z.string().nullable(), at: isoDateTime }),
)

// ---- Partner parts ----

export const partnerBudget = z.object({
  personnelCents: z.number().int().min(0).default(0),
  subcontractingCents: z.number().int().min(0).default(0),
  otherCostsCents: z.number().int().min(0).default(0),
  /** Financial support requested from the programme for this partner. */
  requestedCents: z.number().int().min(0).default(0),
})
export type PartnerBudget = z.infer<typeof partnerBudget>

export const smeCategories = ['micro', 'small', 'medium', 'not_sme'] as const
export const partnerPart = z.object({
  contactName: z.string().trim().max(200).default(''),
  contactEmail: z.union([z.email(), z.literal('')]).default(''),
  /** What this organisation does in the project. */
  role: z.string().trim().max(2000).default(''),
  budget: partnerBudget.default({ personnelCents: 0, subcontractingCents: 0, otherCostsCents: 0, requestedCents: 0 }),
  /** The partner declares its SME category (checked against the profile's computed status). */
  smeDeclaration: z
    .object({ category: z.enum(smeCategories).nullable().default(null), confirmed: z.boolean().default(false) })
    .default({ category: null, confirmed: false }),
  /** Declaration of honour: exclusion criteria and absence of conflict of interest (DOMAIN.md §2.3). */
  declarationOfHonour: z
    .object({
      noExclusionSituation: z.boolean().default(false),
      noConflictOfInterest: z.boolean().default(false),
      notLinkedToProgrammePartners: z.boolean().default(false),
      noDoubleFunding: z.boolean().default(false),
      signatoryName: z.string().trim().max(200).default(''),
      signatoryRole: z.string().trim().max(200).default(''),
    })
    .default({
      noExclusionSituation: false,
      noConflictOfInterest: false,
      notLinkedToProgrammePartners: false,
      noDoubleFunding: false,
      signatoryName: '',
      signatoryRole: '',
    }),
  /** Answers to the form's partner-scope questions. */
  answers: answers.default({}),
})
export type PartnerPart = z.infer<typeof partnerPart>

/** Facts about a partner organisation the rules need, read from its profile by the server. */
export const partnerFacts = z.object({
  organisationId: uuid.nullable(),
  legalName: z.string().nullable(),
  country: z.enum(countryCodes).nullable(),
  type: z.string().nullable(),
  /** Computed from the profile (Recommendation 2003/361); null when unknown. */
  smeStatus: z.enum(smeCategories).nullable(),
  /** Linked or partner enterprise of (or itself) a programme partner (cluster). */
  linkedToProgrammePartner: z.boolean(),
  /** References of other live applications of this call the organisation is in. */
  otherApplications: z.array(z.string()),
})
export type PartnerFacts = z.infer<typeof partnerFacts>

export const partnerStatuses = ['invited', 'accepted', 'declined', 'removed'] as const
export const applicationPartner = z.object({
  id: uuid,
  role: z.enum(['lead', 'partner']),
  status: z.enum(partnerStatuses),
  invitedEmail: z.string().nullable(),
  invitedName: z.string().nullable(),
  facts: partnerFacts,
  part: partnerPart,
  partVersion: z.number().int(),
  partUpdatedAt: isoDateTime.nullable(),
  /** Confirmed while `confirmedVersion === partVersion`; any later change of the part withdraws it. */
  confirmedVersion: z.number().int().nullable(),
  confirmedAt: isoDateTime.nullable(),
  /** The caller belongs to this partner organisation (may edit and confirm this part). */
  mine: z.boolean(),
})
export type ApplicationPartner = z.infer<typeof applicationPartner>

// ---- Readiness and eligibility (shared rules engine) ----

/**
 * One thing missing or breaking a rule. `code` is translated by the UI as `readiness.<code>` with
 * `params`; `questionId` / `partnerId` say where to fix it.
 */
export const readinessIssue = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  /** The eligibility rule it comes from, if any (see `eligibilityRules`). */
  rule: z.string().nullable(),
  sectionId: z.string().nullable(),
  questionId: z.string().nullable(),
  partnerId: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
})
export type ReadinessIssue = z.infer<typeof readinessIssue>

export const eligibilityRules = [
  'consortium_size',
  'minimum_smes',
  'minimum_countries',
  'eligible_countries',
  'end_user_involved',
  'not_linked_to_programme_partners',
  'one_application_per_organisation',
  'budget_per_project',
  'budget_per_third_party',
  'trl_window',
  'declarations_signed',
  'form_complete',
] as const
export type EligibilityRule = (typeof eligibilityRules)[number]

export const ruleOutcome = z.object({
  rule: z.enum(eligibilityRules),
  outcome: z.enum(['pass', 'fail', 'warning']),
  /** Why, as a translatable code with parameters (`eligibility.<code>`). */
  reason: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
})
export type RuleOutcome = z.infer<typeof ruleOutcome>

// ---- Applications ----

export const applicationStatuses = ['draft', 'submitted', 'withdrawn'] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]
export const admissibilities = ['pending', 'admissible', 'inadmissible'] as const

export const receiptPayload = z.object({
  /** The format of this receipt, for verifiers. */
  type: z.literal('cascade.submission-receipt/v1'),
  receiptId: z.string(),
  applicationId: uuid,
  reference: z.string(),
  callCode: z.string(),
  callVersion: z.number().int(),
  acronym: z.string(),
  title: z.string(),
  revision: z.number().int(),
  submittedAt: isoDateTime,
  deadline: isoDateTime,
  leadOrganisation: z.string(),
  partners: z.array(z.object({ name: z.string(), country: z.string().nullable() })),
  /** SHA-256 (hex) of the canonical JSON of the submitted content, which lists each file's SHA-256. */
  digest: z.string(),
  files: z.array(z.object({ filename: z.string(), byteSize: z.number().int(), sha256: z.string() })),
  issuer: z.string(),
})
export type ReceiptPayload = z.infer<typeof receiptPayload>

/** A signed receipt, as shown, emailed and downloaded (`receipt-<reference>-r<revision>.json`). */
export const signedReceipt = z.object({
  payload: receiptPayload,
  /** Ed25519 signature of the canonical JSON (RFC 8785) of `payload`, base64. */
  signature: z.string(),
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  /** The public key (SPKI DER, base64) for convenience; verify it against the published key. */
  publicKey: z.string(),
})
export type SignedReceipt = z.infer<typeof signedReceipt>

export const revisionSummary = z.object({
  revision: z.number().int(),
  digest: z.string(),
  submittedAt: isoDateTime,
  submittedBy: z.string().nullable(),
  /** The revision that counts (the latest submitted one, unless withdrawn). */
  current: z.boolean(),
})
export type RevisionSummary = z.infer<typeof revisionSummary>

export const applicationCall = z.object({
  id: uuid,
  code: z.string(),
  title: localizedText,
  phase: z.enum(callPhases),
  schedule: callSchedule,
  version: z.number().int(),
})

export const eligibilityView = z.object({
  screenedAt: isoDateTime.nullable(),
  revision: z.number().int().nullable(),
  results: z.array(
    ruleOutcome.extend({
      override: z.object({ outcome: z.enum(['pass', 'fail']), justification: z.string(), at: isoDateTime }).nullable(),
    }),
  ),
  admissibility: z.enum(admissibilities),
  admissibilityReason: z.string().nullable(),
})
export type EligibilityView = z.infer<typeof eligibilityView>

export const application = z.object({
  id: uuid,
  reference: z.string(),
  call: applicationCall,
  challengeId: uuid.nullable(),
  leadOrganisationId: uuid,
  acronym: z.string(),
  title: z.string(),
  status: z.enum(applicationStatuses),
  answers,
  answerMeta,
  version: z.number().int(),
  partners: z.array(applicationPartner),
  /** Computed by the server with the same engine the browser runs while typing. */
  readiness: z.array(readinessIssue),
  submittedRevision: z.number().int().nullable(),
  submittedAt: isoDateTime.nullable(),
  /** The working copy differs from the submitted revision (resubmit to make the changes count). */
  changedSinceSubmission: z.boolean(),
  revisions: z.array(revisionSummary),
  latestReceipt: signedReceipt.nullable(),
  eligibility: eligibilityView.nullable(),
  serverNow: isoDateTime,
  /** submit, edit_shared, invite, withdraw, … with the reason when refused. */
  abilities,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type Application = z.infer<typeof application>

export const applicationSummary = z.object({
  id: uuid,
  reference: z.string(),
  call: applicationCall.pick({ id: true, code: true, title: true, phase: true }),
  challengeId: uuid.nullable(),
  acronym: z.string(),
  title: z.string(),
  status: z.enum(applicationStatuses),
  leadOrganisation: z.string(),
  partnerCount: z.number().int(),
  myRole: z.enum(['lead', 'partner']).nullable(),
  submittedAt: isoDateTime.nullable(),
  deadline: isoDateTime,
  admissibility: z.enum(admissibilities),
  updatedAt: isoDateTime,
})
export type ApplicationSummary = z.infer<typeof applicationSummary>

export const applicationListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  callId: uuid.optional(),
  status: z.enum(applicationStatuses).optional(),
  sort: sortParam(['updatedAt', 'reference', 'submittedAt'], '-updatedAt'),
})
export const applicationPage = pageOf(applicationSummary)

export const applicationParams = z.object({ applicationId: uuid })
export const partnerParams = z.object({ applicationId: uuid, partnerId: uuid })
export const revisionParams = z.object({ applicationId: uuid, revision: z.coerce.number().int().min(1) })
export const applicationFileParams = z.object({ applicationId: uuid, fileId: uuid })

export const applicationStart = z.object({
  callId: uuid,
  challengeId: uuid.nullable().default(null),
  /** The lead organisation (the caller must be a member). */
  organisationId: uuid,
  acronym: z.string().trim().max(30).default(''),
  title: z.string().trim().max(300).default(''),
})

/** Save some shared answers; `baseVersion` is the application version the editor last loaded. */
export const answersSave = z.object({
  baseVersion: z.number().int().min(1),
  changes: answers,
  challengeId: uuid.nullable().optional(),
})

/** One field another person changed since `baseVersion`: nothing is overwritten, the editor chooses. */
export const editConflict = z.object({
  questionId: z.string(),
  yours: answerValue,
  theirs: answerValue,
  by: z.string().nullable(),
  at: isoDateTime,
})
export type EditConflict = z.infer<typeof editConflict>

export const partnerInvite = z.object({
  email: z.email(),
  name: z.string().trim().max(200).default(''),
  message: z.string().trim().max(2000).default(''),
})
export const invitationParams = z.object({ token: z.string().min(20).max(200) })
export const invitationView = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  title: z.string(),
  callTitle: localizedText,
  leadOrganisation: z.string(),
  invitedEmail: z.string(),
  status: z.enum(partnerStatuses),
  expiresAt: isoDateTime.nullable(),
})
export const invitationAccept = z.object({ organisationId: uuid })
export const partConfirm = z.object({ partVersion: z.number().int().min(1) })

export const fileUpload = z.object({
  questionId: z.string(),
  /** For partner-scope file questions. */
  partnerId: uuid.nullable().default(null),
  filename: z.string().min(1).max(200),
  data: z.string().min(1),
})

export const submitInput = z.object({
  /** The working-copy version the lead reviewed: a submission of anything else is refused (409). */
  version: z.number().int().min(1),
})
export const submitResult = z.object({
  receipt: signedReceipt,
  revision: z.number().int(),
  /** True when this answered a retry of an earlier request with the same Idempotency-Key. */
  replayed: z.boolean(),
})
export type SubmitResult = z.infer<typeof submitResult>

export const withdrawInput = z.object({ reason: z.string().trim().min(3).max(2000) })

export const revisionContent = z.object({
  revision: z.number().int(),
  digest: z.string(),
  content: z.record(z.string(), z.unknown()),
  receipt: signedReceipt,
})
