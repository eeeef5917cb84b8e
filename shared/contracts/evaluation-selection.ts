import { z } from 'zod'
import { isoDateTime, uuid } from './common.ts'

/**
 * Selection under a budget (issue 7 §9): what-if scenarios of a call — a budget, minimum and maximum
 * counts per challenge or domain, a cap per organisation across the programme's calls, an optional limit
 * per lead country — each solved exactly (HiGHS) into funded, reserve and out with an explanation per
 * application; two scenarios compared; one adopted per call. Money is integer euro cents.
 */

export const quotaScopes = ['challenge', 'domain'] as const
export const scenarioStatuses = ['draft', 'adopted', 'superseded'] as const
export const selectionStatuses = ['selected', 'reserve', 'out'] as const
export type SelectionStatus = (typeof selectionStatuses)[number]

const cents = z.number().int().min(0).max(1_000_000_000_000)

export const selectionQuota = z
  .object({
    scope: z.enum(quotaScopes),
    key: z.string().trim().min(1).max(20),
    min: z.number().int().min(0).max(10_000).default(0),
    /** null: no maximum. */
    max: z.number().int().min(0).max(10_000).nullable().default(null),
  })
  .refine((q) => q.max === null || q.max >= q.min, { path: ['max'], message: 'under_minimum' })
export type SelectionQuotaInput = z.input<typeof selectionQuota>

/** What an operator sends; a missing budget or cap takes the call's (total budget, max per third party). */
export const scenarioParamsInput = z
  .object({
    budgetCents: cents.optional(),
    quotas: z.array(selectionQuota).max(100).default([]),
    perOrganisationCapCents: cents.optional(),
    /** At most this many funded applications per country of the lead organisation (null: no limit). */
    maxPerCountry: z.number().int().min(1).max(10_000).nullable().default(null),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>()
    p.quotas.forEach((q, i) => {
      const k = `${q.scope}:${q.key}`
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['quotas', i, 'key'], message: 'duplicate' })
      seen.add(k)
    })
  })

export const scenarioCreate = z.object({
  name: z.string().trim().min(1).max(120),
  params: scenarioParamsInput,
})
export type ScenarioCreate = z.input<typeof scenarioCreate>

/** selection_scenarios.params, as stored (INTERFACES §C). */
export const scenarioParams = z.object({
  budgetCents: z.number().int(),
  quotas: z.array(
    z.object({ scope: z.enum(quotaScopes), key: z.string(), min: z.number().int(), max: z.number().int().nullable() }),
  ),
  perOrganisationCapCents: z.number().int(),
  maxPerCountry: z.number().int().nullable(),
})
export type ScenarioParams = z.infer<typeof scenarioParams>

export const selectionExplanation = z.object({
  status: z.enum(selectionStatuses),
  /** selected_in_rank, reserve, budget_exhausted, quota_max, quota_min_reserved, organisation_cap, country_max, not_ranked */
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
})
export type SelectionExplanation = z.infer<typeof selectionExplanation>

export const scenarioItem = z.object({
  applicationId: uuid,
  reference: z.string(),
  acronym: z.string(),
  title: z.string(),
  rank: z.number().int().nullable(),
  total: z.number().nullable(),
  requestedCents: z.number().int(),
  grantedCents: z.number().int().nullable(),
  challengeCode: z.string().nullable(),
  domainCode: z.string().nullable(),
  leadCountry: z.string().nullable(),
  status: z.enum(selectionStatuses),
  reserveRank: z.number().int().nullable(),
  explanation: selectionExplanation,
})
export type ScenarioItem = z.infer<typeof scenarioItem>

export const scenarioSummary = z.object({
  id: uuid,
  callId: uuid,
  name: z.string(),
  status: z.enum(scenarioStatuses),
  params: scenarioParams,
  budgetCents: z.number().int(),
  spentCents: z.number().int(),
  selectedCount: z.number().int(),
  reserveCount: z.number().int(),
  outCount: z.number().int(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  adoptedAt: isoDateTime.nullable(),
})
export type ScenarioSummary = z.infer<typeof scenarioSummary>

export const scenarioDetail = scenarioSummary.extend({ items: z.array(scenarioItem) })
export type ScenarioDetail = z.infer<typeof scenarioDetail>

/** The call's scenarios and what the scenario form needs (defaults from the call, keys found in the ranking). */
export const scenarioList = z.object({
  call: z.object({ id: uuid, code: z.string(), timeZone: z.string() }),
  defaults: z.object({ budgetCents: z.number().int(), perOrganisationCapCents: z.number().int() }),
  rankingComplete: z.boolean(),
  rankedCount: z.number().int(),
  challenges: z.array(z.object({ code: z.string(), domainCode: z.string().nullable(), count: z.number().int() })),
  domains: z.array(z.object({ code: z.string(), count: z.number().int() })),
  decisionsExist: z.boolean(),
  items: z.array(scenarioSummary),
})
export type ScenarioList = z.infer<typeof scenarioList>

export const scenarioAdopt = z.object({
  /** Replace the adopted scenario (it becomes superseded); without it, adopting a second one is refused. */
  replace: z.boolean().default(false),
})

export const scenarioCompareQuery = z.object({ a: uuid, b: uuid })

export const scenarioComparison = z.object({
  a: scenarioSummary,
  b: scenarioSummary,
  /** Applications whose status differs between a and b, in rank order. */
  moves: z.array(
    z.object({
      applicationId: uuid,
      reference: z.string(),
      acronym: z.string(),
      rank: z.number().int().nullable(),
      from: z.enum(selectionStatuses),
      to: z.enum(selectionStatuses),
    }),
  ),
  spentDeltaCents: z.number().int(),
  selectedDelta: z.number().int(),
})
export type ScenarioComparison = z.infer<typeof scenarioComparison>

export const scenarioParamsPath = z.object({ callId: uuid, scenarioId: uuid })
export const selectionCallParams = z.object({ callId: uuid })
export const scenarioExportQuery = z.object({ lang: z.enum(['en', 'fr', 'nl']).optional() })
