import { z } from 'zod'
import { countryCodes } from '../countries.ts'
import { admissibilities, applicationStatuses, applicationSummary } from './applications.ts'
import { isoDate, isoDateTime, localizedText, pageOf, pageQuery, sortParam, uuid } from './common.ts'

/**
 * Eligibility screening and the operator's view of a call's applications (issue 5): rule overrides,
 * admissibility decisions, the application table, the dashboard's statistics and a screening run's summary.
 */

// ---- Eligibility review by operators ----

export const ruleParams = z.object({ applicationId: uuid, rule: z.string() })
export const overrideInput = z.object({
  outcome: z.enum(['pass', 'fail']),
  justification: z.string().trim().min(10).max(2000),
})
export const admissibilityInput = z.object({
  decision: z.enum(['admissible', 'inadmissible']),
  reason: z.string().trim().max(2000).default(''),
})

// ---- Operator dashboard ----

export const callApplicationsQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  status: z.enum(applicationStatuses).optional(),
  admissibility: z.enum(admissibilities).optional(),
  challengeId: uuid.optional(),
  country: z.enum(countryCodes).optional(),
  sort: sortParam(['reference', 'submittedAt', 'requested'], 'reference'),
})
export const operatorApplicationRow = applicationSummary.extend({
  countries: z.array(z.string()),
  smeCount: z.number().int(),
  requestedCents: z.number().int(),
  failedRules: z.array(z.string()),
})
export const operatorApplicationPage = pageOf(operatorApplicationRow)

const countRow = z.object({ key: z.string(), label: localizedText.nullable(), count: z.number().int() })
export const callDashboard = z.object({
  callId: uuid,
  submitted: z.number().int(),
  drafts: z.number().int(),
  withdrawn: z.number().int(),
  organisations: z.number().int(),
  smes: z.number().int(),
  countries: z.number().int(),
  crossBorderShare: z.number(),
  averageSmesPerApplication: z.number(),
  requestedCents: z.number().int(),
  budgetTotalCents: z.number().int(),
  overTime: z.array(z.object({ date: isoDate, submitted: z.number().int(), cumulative: z.number().int() })),
  byCountry: z.array(countRow),
  byDomain: z.array(countRow),
  byChallenge: z.array(countRow),
  smesPerApplication: z.array(z.object({ smes: z.number().int(), count: z.number().int() })),
  admissibility: z.object({ pending: z.number().int(), admissible: z.number().int(), inadmissible: z.number().int() }),
})
export type CallDashboard = z.infer<typeof callDashboard>

/** What one screening run did (POST /calls/:callId/screen; the close job logs the same). */
export const screeningSummary = z.object({
  callId: uuid,
  screenedAt: isoDateTime,
  /** Submitted applications screened (their current revision). */
  applications: z.number().int(),
  /** No rule failing, overrides counted. */
  eligible: z.number().int(),
  /** At least one rule failing, overrides counted. */
  failing: z.number().int(),
  withWarnings: z.number().int(),
  /** Overrides kept (same revision) and dropped (the application was resubmitted since). */
  overridesKept: z.number().int(),
  overridesDropped: z.number().int(),
})
export type ScreeningSummary = z.infer<typeof screeningSummary>
