import type {
  Answers,
  EligibilityRule,
  PartnerFacts,
  PartnerPart,
  ReadinessIssue,
  RuleOutcome,
} from '../contracts/applications.ts'
import type { CallConfig } from '../contracts/calls.ts'
import { formIssues, type IssueParams, semanticQuestion, visibleQuestions } from './form-checks.ts'

/**
 * The call's eligibility rules (`eligibilityRules` in the contract), each judged on an application:
 * pass, fail or warning with a reason code. The same evaluation feeds the readiness panel (as issues,
 * one per partner where it applies) and the screening at the deadline (one outcome per rule).
 */

/** A partner row as the rules need it (an `ApplicationPartner` fits). */
export interface RulesPartner {
  id: string
  role: 'lead' | 'partner'
  status: 'invited' | 'accepted' | 'declined' | 'removed'
  invitedName?: string | null
  invitedEmail?: string | null
  facts: PartnerFacts
  part: PartnerPart
  partVersion: number
  confirmedVersion: number | null
}

export interface RulesInput {
  config: CallConfig
  /** The challenge the application answers (null: none chosen yet). */
  challengeId: string | null
  /** The chosen challenge's TRL range (either end may be open); a mismatch is a warning. */
  challengeTrl: { min: number | null; max: number | null } | null
  /** The call's challenges in scope; when given and empty, no challenge is asked for. */
  challengeIds?: readonly string[]
  answers: Answers
  partners: readonly RulesPartner[]
  /** Unused: file answers carry their own metadata (type sniffed by the server, size). */
  files?: unknown
}

/** Organisation types that make a partner an end-user or integrator. */
export const endUserTypes: readonly string[] = ['public_authority', 'infrastructure_operator', 'integrator']
const smeCategories: readonly string[] = ['micro', 'small', 'medium']

/** The lead and the partners that accepted: the organisations the consortium rules count. */
export function countedPartners<P extends Pick<RulesPartner, 'role' | 'status'>>(partners: readonly P[]): P[] {
  return partners.filter((p) => p.role === 'lead' || p.status === 'accepted')
}

/** How a partner is named in messages: legal name, else the invited name or e-mail. */
export function partnerName(p: Pick<RulesPartner, 'facts'> & Partial<RulesPartner>): string {
  return p.facts.legalName || p.invitedName || p.invitedEmail || '?'
}

/** The SME category that counts: computed from the profile, the declaration when the profile says nothing. */
export function smeCategoryOf(p: Pick<RulesPartner, 'facts' | 'part'>): string | null {
  return p.facts.smeStatus ?? p.part.smeDeclaration.category
}

export interface ConsortiumSummary {
  /** Lead and accepted partners. */
  organisations: number
  smes: number
  /** Distinct countries of the counted organisations, sorted. */
  countries: string[]
  endUsers: number
  /** Sum of the counted partners' requested support, cents. */
  requestedCents: number
  /** Sum of their personnel, subcontracting and other costs, cents. */
  costsCents: number
  pendingInvitations: number
}

/** The live figures the application editor shows next to the consortium. */
export function consortiumSummary(partners: readonly RulesPartner[]): ConsortiumSummary {
  const counted = countedPartners(partners)
  const countries = [...new Set(counted.flatMap((p) => (p.facts.country ? [p.facts.country] : [])))].sort()
  return {
    organisations: counted.length,
    smes: counted.filter((p) => smeCategories.includes(smeCategoryOf(p) ?? '')).length,
    countries,
    endUsers: counted.filter((p) => endUserTypes.includes(p.facts.type ?? '')).length,
    requestedCents: counted.reduce((s, p) => s + p.part.budget.requestedCents, 0),
    costsCents: counted.reduce((s, p) => s + eligibleCosts(p.part), 0),
    pendingInvitations: partners.filter((p) => p.role !== 'lead' && p.status === 'invited').length,
  }
}

export function eligibleCosts(part: PartnerPart): number {
  const b = part.budget
  return b.personnelCents + b.subcontractingCents + b.otherCostsCents
}

/** The most support a partner may request under a funding rate (floor of rate × costs). */
export function fundingRateCap(costsCents: number, ratePercent: number): number {
  return Math.floor((costsCents * ratePercent) / 100 + 1e-9)
}

/** Parse a TRL answer: a number, or a choice id ending in the level (`5`, `trl_5`). */
export function trlValue(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string') {
    const m = /^\D*(\d)$/.exec(value.trim())
    if (m) return Number(m[1])
  }
  return null
}

export interface RuleEvaluation {
  outcome: RuleOutcome
  /** The same finding as readiness issues (one per partner or question involved); empty on pass. */
  issues: ReadinessIssue[]
}

interface Ctx {
  input: RulesInput
  counted: RulesPartner[]
}

type Finding = Omit<ReadinessIssue, 'rule' | 'severity'>
const finding = (code: string, params: IssueParams, where: Partial<Finding> = {}): Finding => ({
  code,
  params,
  sectionId: where.sectionId ?? null,
  questionId: where.questionId ?? null,
  partnerId: where.partnerId ?? null,
})
const forPartner = (p: RulesPartner, code: string, params: IssueParams = {}): Finding =>
  finding(code, { name: partnerName(p), ...params }, { partnerId: p.id })

type Judged =
  | { outcome: 'pass'; code: string; params: IssueParams }
  | { outcome: 'fail' | 'warning'; findings: Finding[] }

function evaluated(rule: EligibilityRule, judged: Judged): RuleEvaluation {
  if (judged.outcome === 'pass')
    return { outcome: { rule, outcome: 'pass', reason: { code: judged.code, params: judged.params } }, issues: [] }
  const severity = judged.outcome === 'fail' ? 'error' : 'warning'
  const issues = judged.findings.map((f) => ({ ...f, rule, severity }) as ReadinessIssue)
  const first = judged.findings[0]!
  const params: IssueParams = { ...first.params }
  if (first.partnerId !== null) {
    // Per-partner findings of the same kind become one reason naming them all, with their number.
    const same = judged.findings.filter((f) => f.code === first.code)
    params.count = same.length
    params.name = [...new Set(same.map((f) => String(f.params.name)))].join(', ')
    if ('country' in first.params) params.country = [...new Set(same.map((f) => String(f.params.country)))].join(', ')
  }
  return { outcome: { rule, outcome: judged.outcome, reason: { code: first.code, params } }, issues }
}

const fail = (findings: Finding[]): Judged => ({ outcome: 'fail', findings })

const judges: Record<EligibilityRule, (ctx: Ctx) => Judged> = {
  consortium_size: ({ input, counted }) => {
    const { minOrganisations: min, maxOrganisations: max } = input.config.consortium
    const count = counted.length
    if (count < min) return fail([finding('consortium_too_small', { count, min })])
    if (max !== null && count > max) return fail([finding('consortium_too_large', { count, max })])
    return { outcome: 'pass', code: 'consortium_size_ok', params: { count, min, max: max ?? count } }
  },

  minimum_smes: ({ input, counted }) => {
    const min = input.config.consortium.minSmes
    const count = counted.filter((p) => smeCategories.includes(smeCategoryOf(p) ?? '')).length
    if (count < min) return fail([finding('smes_too_few', { count, min })])
    const differing = counted.filter((p) => {
      const declared = p.part.smeDeclaration.category
      return p.facts.smeStatus !== null && declared !== null && declared !== p.facts.smeStatus
    })
    if (differing.length > 0)
      return {
        outcome: 'warning',
        findings: differing.map((p) =>
          forPartner(p, 'sme_declaration_differs', {
            declared: p.part.smeDeclaration.category ?? '',
            computed: p.facts.smeStatus ?? '',
          }),
        ),
      }
    return { outcome: 'pass', code: 'smes_ok', params: { count, min } }
  },

  minimum_countries: ({ input, counted }) => {
    const min = input.config.consortium.minCountries
    const count = consortiumSummary(counted).countries.length
    if (count < min) return fail([finding('countries_too_few', { count, min })])
    return { outcome: 'pass', code: 'countries_ok', params: { count, min } }
  },

  eligible_countries: ({ input, counted }) => {
    const list = input.config.consortium.eligibleCountries as readonly string[]
    if (list.length === 0) return { outcome: 'pass', code: 'any_country_eligible', params: {} }
    const findings: Finding[] = []
    for (const p of counted) {
      const country = p.facts.country
      if (country === null) findings.push(forPartner(p, 'country_unknown'))
      else if (!list.includes(country)) findings.push(forPartner(p, 'country_not_eligible', { country }))
    }
    if (findings.length > 0) return fail(findings)
    return { outcome: 'pass', code: 'countries_eligible', params: { count: counted.length } }
  },

  end_user_involved: ({ input, counted }) => {
    if (!input.config.consortium.endUserRequired) return { outcome: 'pass', code: 'end_user_not_required', params: {} }
    const endUser = counted.find((p) => endUserTypes.includes(p.facts.type ?? ''))
    if (!endUser) return fail([finding('end_user_missing', {})])
    return { outcome: 'pass', code: 'end_user_in_consortium', params: { name: partnerName(endUser) } }
  },

  not_linked_to_programme_partners: ({ input, counted }) => {
    if (!input.config.consortium.excludePartnerLinked)
      return { outcome: 'pass', code: 'partner_links_allowed', params: {} }
    const linked = counted.filter((p) => p.facts.linkedToProgrammePartner)
    if (linked.length > 0) return fail(linked.map((p) => forPartner(p, 'linked_to_programme_partner')))
    return { outcome: 'pass', code: 'no_programme_partner_links', params: {} }
  },

  one_application_per_organisation: ({ input, counted }) => {
    if (!input.config.consortium.oneApplicationPerOrganisation)
      return { outcome: 'pass', code: 'multiple_applications_allowed', params: {} }
    const elsewhere = counted.filter((p) => p.facts.otherApplications.length > 0)
    if (elsewhere.length > 0)
      return fail(
        elsewhere.map((p) =>
          forPartner(p, 'organisation_in_other_application', { references: p.facts.otherApplications.join(', ') }),
        ),
      )
    return { outcome: 'pass', code: 'single_application_per_organisation', params: {} }
  },

  budget_per_project: ({ input, counted }) => {
    const maxCents = input.config.budget.maxPerProjectCents
    const requestedCents = counted.reduce((s, p) => s + p.part.budget.requestedCents, 0)
    if (requestedCents > maxCents)
      return fail([finding('project_budget_exceeded', { requestedCents, maxCents }, budgetWhere(input))])
    return { outcome: 'pass', code: 'project_budget_ok', params: { requestedCents, maxCents } }
  },

  budget_per_third_party: ({ input, counted }) => {
    const { maxPerThirdPartyCents: maxCents, fundingModel, fundingRatePercent } = input.config.budget
    const findings: Finding[] = []
    for (const p of counted) {
      const requestedCents = p.part.budget.requestedCents
      if (requestedCents > maxCents)
        findings.push(forPartner(p, 'third_party_budget_exceeded', { requestedCents, maxCents }))
      if (fundingModel === 'funding_rate' && fundingRatePercent !== null) {
        const costsCents = eligibleCosts(p.part)
        const cap = fundingRateCap(costsCents, fundingRatePercent)
        if (requestedCents > cap)
          findings.push(
            forPartner(p, 'funding_rate_exceeded', {
              requestedCents,
              maxCents: cap,
              costsCents,
              ratePercent: fundingRatePercent,
            }),
          )
      }
    }
    if (findings.length > 0) return fail(findings)
    return { outcome: 'pass', code: 'third_party_budget_ok', params: { maxCents } }
  },

  trl_window: ({ input }) => {
    const { min, max } = input.config.trl
    const { form } = input.config
    const visible = visibleQuestions(form, input.answers)
    const start = semanticQuestion(form, 'trl_start')
    const end = semanticQuestion(form, 'trl_end')
    const asked = [start, end].filter((q) => q !== null && visible.has(q.question.id))
    if (asked.length === 0) return { outcome: 'pass', code: 'trl_not_asked', params: { min, max } }
    const findings: Finding[] = []
    const levels: { start?: number; end?: number } = {}
    for (const [key, q] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (q === null || !visible.has(q.question.id)) continue
      const where = { sectionId: q.sectionId, questionId: q.question.id }
      const trl = trlValue(input.answers[q.question.id])
      if (trl === null) findings.push(finding('trl_missing', { which: key }, where))
      else {
        levels[key] = trl
        if (trl < min || trl > max) findings.push(finding(`trl_${key}_out_of_window`, { trl, min, max }, where))
      }
    }
    if (levels.start !== undefined && levels.end !== undefined && levels.end < levels.start && end)
      findings.push(
        finding(
          'trl_end_before_start',
          { start: levels.start, end: levels.end },
          { sectionId: end.sectionId, questionId: end.question.id },
        ),
      )
    if (findings.length > 0) return fail(findings)
    const range = { start: levels.start ?? '–', end: levels.end ?? '–', min, max }
    const c = input.challengeTrl
    if (c && (c.min !== null || c.max !== null)) {
      const cmin = c.min ?? 1
      const cmax = c.max ?? 9
      const outside = [levels.start, levels.end].some((l) => l !== undefined && (l < cmin || l > cmax))
      if (outside) {
        const q = (start ?? end)!
        return {
          outcome: 'warning',
          findings: [
            finding(
              'trl_outside_challenge',
              { ...range, min: cmin, max: cmax },
              { sectionId: q.sectionId, questionId: q.question.id },
            ),
          ],
        }
      }
    }
    return { outcome: 'pass', code: 'trl_ok', params: range }
  },

  declarations_signed: ({ counted }) => {
    const findings: Finding[] = []
    for (const p of counted) {
      const d = p.part.declarationOfHonour
      const complete =
        d.noExclusionSituation &&
        d.noConflictOfInterest &&
        d.notLinkedToProgrammePartners &&
        d.noDoubleFunding &&
        d.signatoryName.trim() !== ''
      if (!complete) findings.push(forPartner(p, 'declaration_missing'))
      const sme = p.part.smeDeclaration
      if (sme.category === null || !sme.confirmed) findings.push(forPartner(p, 'sme_declaration_missing'))
    }
    if (findings.length > 0) return fail(findings)
    return { outcome: 'pass', code: 'declarations_complete', params: { count: counted.length } }
  },

  form_complete: ({ input, counted }) => {
    const issues = formIssues(
      input.config.form,
      input.answers,
      counted.map((p) => ({ id: p.id, answers: p.part.answers })),
    )
    if (issues.length > 0) return fail([finding('form_incomplete', { count: issues.length })])
    return { outcome: 'pass', code: 'form_complete', params: {} }
  },
}

function budgetWhere(input: RulesInput): Partial<Finding> {
  for (const s of input.config.form.sections)
    for (const q of s.questions) if (q.type === 'budget_table') return { sectionId: s.id, questionId: q.id }
  return {}
}

/** Every rule of the contract, in its order, judged on the application. */
export function evaluateRules(input: RulesInput, rules: readonly EligibilityRule[]): RuleEvaluation[] {
  const ctx: Ctx = { input, counted: countedPartners(input.partners) }
  return rules.map((rule) => evaluated(rule, judges[rule](ctx)))
}
