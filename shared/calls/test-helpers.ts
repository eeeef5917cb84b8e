import type { Answers, PartnerFacts } from '../contracts/applications.ts'
import { partnerPart } from '../contracts/applications.ts'
import type { CallConfig } from '../contracts/calls.ts'
import { defaultCallConfig } from './presets.ts'
import type { RulesInput, RulesPartner } from './rules.ts'

/**
 * Fixtures for the rules engine's unit tests: a complete, ready application to the default call,
 * which each test breaks in exactly one way.
 */

export const LONG = 'x'.repeat(250)

export function readyAnswers(): Answers {
  return {
    acronym: 'SHIELD',
    title: 'Shielding water utilities from ransomware',
    abstract: LONG,
    trl_start: 5,
    trl_end: 7,
    duration_months: 12,
    challenge_fit: 'It answers the challenge.',
    solution_description: 'A detector.',
    innovation: 'It is new.',
    output_type: 'prototype',
    impact: 'Fewer outages.',
    target_markets: ['critical_infrastructure'],
    work_plan: {
      durationMonths: 12,
      milestones: [
        { title: 'M1', month: 6, description: '' },
        { title: 'M2', month: 12, description: '' },
      ],
      deliverables: [
        { title: 'D1', month: 6, description: '' },
        { title: 'D2', month: 12, description: '' },
      ],
    },
    budget_justification: 'Two engineers for a year.',
    end_user_involved: 'no',
  }
}

export function facts(over: Partial<PartnerFacts> = {}): PartnerFacts {
  return {
    organisationId: null,
    legalName: 'Acme',
    country: 'BE',
    type: 'sme',
    smeStatus: 'small',
    linkedToProgrammePartner: false,
    otherApplications: [],
    ...over,
  }
}

let n = 0
export function partner(over: Partial<RulesPartner> & { requestedCents?: number } = {}): RulesPartner {
  n++
  const { requestedCents, ...rest } = over
  return {
    id: `p${n}`,
    role: 'partner',
    status: 'accepted',
    facts: facts({ legalName: `Org ${n}` }),
    part: partnerPart.parse({
      contactName: 'Ann',
      contactEmail: 'ann@example.org',
      role: 'Builds the detector',
      budget: { personnelCents: 5_000_000, requestedCents: requestedCents ?? 4_000_000 },
      smeDeclaration: { category: 'small', confirmed: true },
      declarationOfHonour: {
        noExclusionSituation: true,
        noConflictOfInterest: true,
        notLinkedToProgrammePartners: true,
        noDoubleFunding: true,
        signatoryName: 'Ann',
        signatoryRole: 'CEO',
      },
      answers: { partner_expertise: 'Detection.' },
    }),
    partVersion: 2,
    confirmedVersion: 2,
    ...rest,
  }
}

export function readyInput(over: Partial<RulesInput> = {}, config: CallConfig = defaultCallConfig()): RulesInput {
  return {
    config,
    challengeId: 'c1',
    challengeTrl: null,
    answers: readyAnswers(),
    partners: [
      partner({ role: 'lead', facts: facts({ legalName: 'Lead SME', country: 'BE' }) }),
      partner({ facts: facts({ legalName: 'Partner SME', country: 'FR' }) }),
    ],
    ...over,
  }
}
