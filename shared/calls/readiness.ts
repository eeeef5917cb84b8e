import { eligibilityRules, type ReadinessIssue, type RuleOutcome } from '../contracts/applications.ts'
import { formIssueCodes, formIssues } from './form-checks.ts'
import { countedPartners, evaluateRules, partnerName, type RulesInput } from './rules.ts'

/**
 * Readiness (everything that stops a submission, live while typing) and eligibility screening (one
 * outcome per rule, at the deadline). The browser and the server run this same code on the same input.
 */

export { isEmptyAnswer, questionIssues, textLength, visibleQuestions } from './form-checks.ts'
export {
  type ConsortiumSummary,
  consortiumSummary,
  countedPartners,
  partnerName,
  type RulesInput,
  type RulesPartner,
} from './rules.ts'

/** Input of `checkApplication` and `screenApplication`. */
export type ApplicationCheckInput = RulesInput

/** Reason codes of passed rules (`applications.eligibility.<code>`). */
export const rulePassCodes = [
  'consortium_size_ok',
  'smes_ok',
  'countries_ok',
  'any_country_eligible',
  'countries_eligible',
  'end_user_not_required',
  'end_user_in_consortium',
  'partner_links_allowed',
  'no_programme_partner_links',
  'multiple_applications_allowed',
  'single_application_per_organisation',
  'project_budget_ok',
  'third_party_budget_ok',
  'trl_not_asked',
  'trl_ok',
  'declarations_complete',
  'form_complete',
] as const

/** Reason codes of failed rules and warnings: `applications.eligibility.<code>` and, as issues, `readiness.<code>`. */
export const ruleIssueCodes = [
  'consortium_too_small',
  'consortium_too_large',
  'smes_too_few',
  'sme_declaration_differs',
  'countries_too_few',
  'country_unknown',
  'country_not_eligible',
  'end_user_missing',
  'linked_to_programme_partner',
  'organisation_in_other_application',
  'project_budget_exceeded',
  'third_party_budget_exceeded',
  'funding_rate_exceeded',
  'trl_missing',
  'trl_start_out_of_window',
  'trl_end_out_of_window',
  'trl_end_before_start',
  'trl_outside_challenge',
  'declaration_missing',
  'sme_declaration_missing',
] as const

/**
 * Every reason code `screenApplication` can give, translated as `applications.eligibility.<code>`.
 * `form_incomplete` is a screening reason only: readiness lists the form's issues one by one instead.
 */
export const eligibilityReasonCodes = [...rulePassCodes, ...ruleIssueCodes, 'form_incomplete'] as const
export type EligibilityReasonCode = (typeof eligibilityReasonCodes)[number]

/** Issues about the consortium's members that are not eligibility rules. */
export const partnerIssueCodes = [
  'challenge_missing',
  'challenge_not_in_call',
  'partner_invitation_pending',
  'partner_part_not_confirmed',
  'partner_contact_missing',
  'partner_role_missing',
  'partner_budget_missing',
] as const

/**
 * Every code `checkApplication` can return, translated as `applications.readiness.<code>`: form issues,
 * consortium issues and the failing/warning reason codes of the rules.
 */
export const readinessCodes = [...formIssueCodes, ...partnerIssueCodes, ...ruleIssueCodes] as const
export type ReadinessCode = (typeof readinessCodes)[number]

const issue = (
  code: ReadinessCode,
  severity: ReadinessIssue['severity'],
  where: Partial<Pick<ReadinessIssue, 'sectionId' | 'questionId' | 'partnerId'>>,
  params: ReadinessIssue['params'] = {},
): ReadinessIssue => ({
  code,
  severity,
  rule: null,
  sectionId: where.sectionId ?? null,
  questionId: where.questionId ?? null,
  partnerId: where.partnerId ?? null,
  params,
})

function challengeIssues(input: RulesInput): ReadinessIssue[] {
  const inScope = input.challengeIds
  if (inScope !== undefined && inScope.length === 0) return []
  if (input.challengeId === null) return [issue('challenge_missing', 'error', {})]
  if (inScope !== undefined && !inScope.includes(input.challengeId))
    return [issue('challenge_not_in_call', 'error', {})]
  return []
}

function partnerIssues(input: RulesInput): ReadinessIssue[] {
  const out: ReadinessIssue[] = []
  const budgetQuestion = input.config.form.sections
    .flatMap((s) => s.questions.map((q) => ({ sectionId: s.id, q })))
    .find(({ q }) => q.type === 'budget_table' && q.required && q.condition === null)
  for (const p of input.partners) {
    const where = { partnerId: p.id }
    const name = { name: partnerName(p) }
    if (p.role !== 'lead' && p.status === 'invited') {
      out.push(issue('partner_invitation_pending', 'error', where, name))
      continue
    }
    if (p.role !== 'lead' && p.status !== 'accepted') continue
    if (p.part.contactName.trim() === '' || p.part.contactEmail.trim() === '')
      out.push(issue('partner_contact_missing', 'error', where, name))
    if (p.part.role.trim() === '') out.push(issue('partner_role_missing', 'error', where, name))
    if (budgetQuestion && p.part.budget.requestedCents === 0)
      out.push(
        issue(
          'partner_budget_missing',
          'error',
          { ...where, sectionId: budgetQuestion.sectionId, questionId: budgetQuestion.q.id },
          name,
        ),
      )
    // The lead confirms by submitting; every other member confirms the version of its part.
    if (p.role !== 'lead' && p.confirmedVersion !== p.partVersion)
      out.push(issue('partner_part_not_confirmed', 'error', where, name))
  }
  return out
}

/**
 * Everything missing or breaking a rule, errors and warnings, in the order of the editor: the
 * challenge, the form (section by section; partner-scope questions per counted partner), the
 * consortium's members, then the rules. Submission is allowed when no issue has severity `error`.
 */
export function checkApplication(input: ApplicationCheckInput): ReadinessIssue[] {
  const counted = countedPartners(input.partners)
  const form = formIssues(
    input.config.form,
    input.answers,
    counted.map((p) => ({ id: p.id, answers: p.part.answers })),
  )
  const required = new Set(form.filter((i) => i.code === 'answer_required').map((i) => i.questionId))
  const rules = evaluateRules(
    input,
    eligibilityRules.filter((r) => r !== 'form_complete'),
  ).flatMap((e) => e.issues.filter((i) => !(i.code === 'trl_missing' && required.has(i.questionId))))
  return [...challengeIssues(input), ...form, ...partnerIssues(input), ...rules]
}

/** True when nothing blocks the submission (warnings allowed). */
export function isReady(issues: readonly ReadinessIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error')
}

/** One outcome per eligibility rule, in the contract's order, for the screening at the deadline. */
export function screenApplication(input: ApplicationCheckInput): RuleOutcome[] {
  return evaluateRules(input, eligibilityRules).map((e) => e.outcome)
}
