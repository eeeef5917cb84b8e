import { type EligibilityRule, type PartnerFacts, partnerPart, type RuleOutcome } from '../contracts/applications.ts'
import type { CallConfig } from '../contracts/calls.ts'
import { evaluateRules, type RulesPartner } from './rules.ts'

/**
 * The call's consortium rules judged on a consortium before an application exists: the same judges as
 * the readiness panel and the screening (`evaluateRules`), on the organisations' facts alone. Parts
 * (budgets, declarations) do not exist yet, so the rules about them are not asked; an SME counts by the
 * status computed from its profile.
 */
export const consortiumRules = [
  'consortium_size',
  'minimum_smes',
  'minimum_countries',
  'eligible_countries',
  'end_user_involved',
  'not_linked_to_programme_partners',
  'one_application_per_organisation',
] as const satisfies readonly EligibilityRule[]
export type ConsortiumRule = (typeof consortiumRules)[number]

/** A member as the consortium rules see it: the lead, or a partner with its answer. */
export interface ConsortiumMemberFacts {
  id: string
  lead: boolean
  status: RulesPartner['status']
  facts: PartnerFacts
}

const emptyPart = partnerPart.parse({})

/**
 * One outcome per consortium rule, in the contract's order: the lead and the members that accepted
 * count; invited, declined and removed ones do not.
 */
export function checkConsortium(config: CallConfig, members: readonly ConsortiumMemberFacts[]): RuleOutcome[] {
  const partners: RulesPartner[] = members.map((m) => ({
    id: m.id,
    role: m.lead ? 'lead' : 'partner',
    status: m.lead ? 'accepted' : m.status,
    facts: m.facts,
    part: emptyPart,
    partVersion: 1,
    confirmedVersion: null,
  }))
  return evaluateRules({ config, challengeId: null, challengeTrl: null, answers: {}, partners }, consortiumRules).map(
    (e) => e.outcome,
  )
}

/** True when no consortium rule fails (warnings allowed), as the submission gate would judge them. */
export function consortiumRulesPass(outcomes: readonly RuleOutcome[]): boolean {
  return outcomes.every((o) => o.outcome !== 'fail')
}
