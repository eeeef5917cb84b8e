import {
  type CallBudget,
  type CallConfig,
  type ConsortiumRules,
  callConfig,
  countryPresets,
  DEFAULT_MAX_PER_THIRD_PARTY_CENTS,
  type EvaluationSettings,
} from '../contracts/calls.ts'
import type { LocalizedText } from '../contracts/common.ts'
import { type CountryCode, euMemberStates } from '../countries.ts'
import { defaultForm } from './default-form.ts'

export { defaultForm } from './default-form.ts'

/** The 27 EU member states. */
export const eu27: readonly CountryCode[] = [...euMemberStates]

/**
 * Countries associated to Horizon Europe, from the European Commission's "List of participating
 * countries in Horizon Europe" (Funding & Tenders Portal reference documents) as it stands on
 * 1 January 2025: Albania, Armenia, Bosnia and Herzegovina, Faroe Islands, Georgia, Iceland, Israel,
 * Kosovo, Moldova, Montenegro, North Macedonia, Norway, Serbia, Tunisia, Türkiye, Ukraine, the United
 * Kingdom (from 1 January 2024) and Switzerland (from 1 January 2025).
 * Codes: Kosovo is `XK` (user-assigned code used by the Commission), the United Kingdom is ISO `GB`
 * (the Commission writes "UK"). Canada, New Zealand and the Republic of Korea are associated to Pillar II
 * only and are left out of the preset; an operator can add them to a call's list by hand.
 */
export const horizonAssociatedCountries: readonly CountryCode[] = [
  'AL',
  'AM',
  'BA',
  'FO',
  'GE',
  'IS',
  'IL',
  'XK',
  'MD',
  'ME',
  'MK',
  'NO',
  'RS',
  'TN',
  'TR',
  'UA',
  'GB',
  'CH',
]

export type CountryPreset = (typeof countryPresets)[number]

/** The countries of a preset, sorted by code (a fresh array: the config stores it). */
export function countriesForPreset(preset: CountryPreset): CountryCode[] {
  const list =
    preset === 'eu27'
      ? eu27
      : preset === 'horizon_associated'
        ? horizonAssociatedCountries
        : [...eu27, ...horizonAssociatedCountries]
  return [...new Set(list)].sort()
}

/** The preset a country list equals, if any (for the call editor's preset picker). */
export function presetOf(countries: readonly string[]): CountryPreset | null {
  const key = [...new Set(countries)].sort().join(',')
  for (const preset of countryPresets) if (countriesForPreset(preset).join(',') === key) return preset
  return null
}

const text = (en: string, fr: string, nl: string): LocalizedText => ({ en, fr, nl })

/**
 * EU practice (DOMAIN.md §3): Excellence, Impact, Implementation on a 0–5 scale by half points,
 * threshold 3 on each criterion and 10 overall; equal weights (weights only rank, never threshold).
 */
export function defaultEvaluation(): EvaluationSettings {
  return {
    criteria: [
      {
        id: 'excellence',
        name: text('Excellence', 'Excellence', 'Excellentie'),
        description: text(
          'Clarity of the objectives, soundness of the concept, innovation beyond the state of the art.',
          'Clarté des objectifs, solidité du concept, innovation au-delà de l’état de l’art.',
          'Duidelijkheid van de doelstellingen, degelijkheid van het concept, innovatie voorbij de stand van de techniek.',
        ),
        weight: 1,
        threshold: 3,
      },
      {
        id: 'impact',
        name: text('Impact', 'Impact', 'Impact'),
        description: text(
          'Benefit for the end-users, market potential, exploitation and dissemination of the results.',
          'Bénéfice pour les utilisateurs finaux, potentiel de marché, exploitation et diffusion des résultats.',
          'Voordeel voor de eindgebruikers, marktpotentieel, exploitatie en verspreiding van de resultaten.',
        ),
        weight: 1,
        threshold: 3,
      },
      {
        id: 'implementation',
        name: text(
          'Quality and efficiency of the implementation',
          'Qualité et efficacité de la mise en œuvre',
          'Kwaliteit en efficiëntie van de uitvoering',
        ),
        description: text(
          'Work plan, resources, capacity of the consortium and management of risks.',
          'Plan de travail, ressources, capacité du consortium et gestion des risques.',
          'Werkplan, middelen, capaciteit van het consortium en risicobeheer.',
        ),
        weight: 1,
        threshold: 3,
      },
    ],
    scaleMin: 0,
    scaleMax: 5,
    scaleStep: 0.5,
    totalThreshold: 10,
  }
}

/**
 * Consortia of two to four organisations with at least two SMEs (SecurIT planned two SMEs per project,
 * DOMAIN.md §1.5), from the EU-27 and the Horizon Europe associated countries; no organisation linked
 * to the programme's partners; one application per organisation.
 */
export function defaultConsortium(): ConsortiumRules {
  return {
    minOrganisations: 2,
    maxOrganisations: 4,
    minSmes: 2,
    minCountries: 1,
    eligibleCountries: countriesForPreset('eu27_and_associated'),
    endUserRequired: false,
    excludePartnerLinked: true,
    oneApplicationPerOrganisation: true,
  }
}

/**
 * A lump sum of at most EUR 100,000 per project and the H2020 default of EUR 60,000 per third party
 * (DOMAIN.md §1.6, §2.1), out of EUR 1,750,000.
 */
export function defaultBudget(): CallBudget {
  return {
    currency: 'EUR',
    totalCents: 175_000_000,
    maxPerProjectCents: 10_000_000,
    maxPerThirdPartyCents: DEFAULT_MAX_PER_THIRD_PARTY_CENTS,
    fundingModel: 'lump_sum',
    fundingRatePercent: null,
    expectedProjects: 20,
  }
}

/** A complete configuration for a new call: TRL 5–8, the budget, consortium rules, form and criteria above. */
export function defaultCallConfig(): CallConfig {
  return callConfig.parse({
    timeline: { qaClosesAt: null, evaluationStartsOn: null, evaluationEndsOn: null, resultsOn: null },
    budget: defaultBudget(),
    consortium: defaultConsortium(),
    trl: { min: 5, max: 8 },
    form: defaultForm(),
    evaluation: defaultEvaluation(),
  })
}
