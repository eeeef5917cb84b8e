/**
 * SecurIT's two open calls as data, and the demo call that is open whenever the demo is started.
 *
 * What is established (../shared/DOMAIN.md §1.4–1.7): OC1 closed on 26 April 2022 (111 applications,
 * 240 SMEs, 33 countries), OC2 on 14 March 2023 (130 applications, 271 SMEs, 38 countries); solutions
 * at TRL 5–8; grants of EUR 74–88 k per project, EUR 3.5 M to 42 projects over both calls; consortia of
 * SMEs from the EU and associated countries. Everything else below is a documented default, marked
 * [GAP] where the source is silent; the openings keep the dates of `securit.ts` (Jan–Mar 2022 and
 * Feb–Apr 2023 were the planned windows, HSD), the deadlines are 17:00 Brussels time.
 */

import { eu27 } from '../../../shared/calls/presets.ts'
import type { ConsortiumRules } from '../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../shared/contracts/common.ts'
import type { CountryCode } from '../../../shared/countries.ts'

export type SeedCallCode = 'OC1' | 'OC2'

export interface SeedQuestion {
  question: string
  answer: string
  language: 'en' | 'fr'
  /** Local times (call's zone). */
  askedAt: string
  answeredAt: string
}

export interface SeedCall {
  code: SeedCallCode
  summary: LocalizedText
  opensAtLocal: string
  deadlineLocal: string
  qaClosesAt: string
  evaluationStartsOn: string
  evaluationEndsOn: string
  resultsOn: string
  totalCents: number
  expectedProjects: number
  questions: SeedQuestion[]
  /** Published changes after opening: each makes a new version with its change log. */
  changes: { atLocal: string; qaClosesAt: string; changeLog: LocalizedText }[]
}

/**
 * [GAP] SecurIT's list of eligible countries is not in reachable text. SecurIT is a Horizon 2020
 * action, so we take the EU-27 plus the countries associated to Horizon 2020 at the end of the
 * programme (Albania, Armenia, Bosnia and Herzegovina, Faroe Islands, Georgia, Iceland, Israel,
 * Moldova, Montenegro, North Macedonia, Norway, Serbia, Switzerland, Tunisia, Türkiye, Ukraine) and the
 * United Kingdom (its entities kept their Horizon 2020 eligibility under the Withdrawal Agreement).
 * Every non-EU country seen among OC1's applicants (IL, NO, RS, CH, UK, UA) is in it.
 */
export const h2020AssociatedCountries: CountryCode[] = [
  'AL',
  'AM',
  'BA',
  'FO',
  'GE',
  'IS',
  'IL',
  'MD',
  'ME',
  'MK',
  'NO',
  'RS',
  'CH',
  'TN',
  'TR',
  'UA',
  'GB',
]

/**
 * Consortium rules of both SecurIT calls. Established: consortia of SMEs (two per project planned,
 * DOMAIN.md §1.5). [GAP] the rest: at least two organisations and two SMEs, at most four organisations,
 * cross-border encouraged but not required (most, not all, applications were cross-border), end-user
 * validation encouraged (assessed under Impact) but not an eligibility condition, organisations linked
 * to the eight partners excluded (as in comparable calls), and an organisation may join more than one
 * consortium (no such rule is published for SecurIT; each application is assessed on its own).
 */
export function securitConsortium(): ConsortiumRules {
  return {
    minOrganisations: 2,
    maxOrganisations: 4,
    minSmes: 2,
    minCountries: 1,
    eligibleCountries: [...new Set([...eu27, ...h2020AssociatedCountries])].sort(),
    endUserRequired: false,
    excludePartnerLinked: true,
    oneApplicationPerOrganisation: false,
  }
}

/** Up to about EUR 88 k per project (DOMAIN.md §1.6); the H2020 default of EUR 60 k per third party. */
export const SECURIT_MAX_PER_PROJECT_CENTS = 8_800_000
export const SECURIT_MAX_PER_THIRD_PARTY_CENTS = 6_000_000

export const securitCalls: SeedCall[] = [
  {
    code: 'OC1',
    summary: {
      en: 'SecurIT’s first open call funds consortia of European security SMEs that turn a solution at TRL 5 or more into a prototype or a demonstrator for one of six challenges of sensitive-infrastructure protection, disaster resilience and the protection of public spaces, validated with end-users.',
      fr: 'Le premier appel ouvert de SecurIT finance des consortiums de PME européennes de la sécurité qui transforment une solution de TRL 5 ou plus en prototype ou en démonstrateur pour l’un des six défis de la protection des infrastructures sensibles, de la résilience aux catastrophes et de la protection des espaces publics, validé avec des utilisateurs finaux.',
      nl: 'De eerste open oproep van SecurIT financiert consortia van Europese veiligheids-mkb’s die een oplossing van TRL 5 of hoger uitwerken tot een prototype of demonstrator voor een van zes uitdagingen op het gebied van bescherming van gevoelige infrastructuur, weerbaarheid tegen rampen en bescherming van openbare ruimten, gevalideerd met eindgebruikers.',
    },
    opensAtLocal: '2022-01-03T09:00',
    deadlineLocal: '2022-04-26T17:00',
    // [GAP] Q&A cut-off, evaluation period and results date: a week before the deadline, then about
    // two months of evaluation by external experts ("pre-scored" right after closing, DOMAIN.md §1.4).
    qaClosesAt: '2022-04-19T17:00',
    evaluationStartsOn: '2022-05-02',
    evaluationEndsOn: '2022-06-17',
    resultsOn: '2022-06-30',
    // [GAP] the split of EUR 3.5 M and of the 42 projects between the calls is not published: halves.
    totalCents: 175_000_000,
    expectedProjects: 21,
    questions: [
      {
        question: 'Can a large company or a public body be a member of the consortium?',
        answer:
          'Yes. Integrators, larger companies and public bodies may join, for instance to validate the solution, as long as the consortium counts at least two SMEs established in eligible countries. Each organisation receives at most EUR 60,000.',
        language: 'en',
        askedAt: '2022-01-18T10:12',
        answeredAt: '2022-01-20T14:00',
      },
      {
        question: 'Is a letter of support from an end-user mandatory?',
        answer:
          'No. Validation by an end-user or an integrator is strongly encouraged and weighs in the Impact criterion, but it is not an eligibility condition.',
        language: 'en',
        askedAt: '2022-02-07T16:40',
        answeredAt: '2022-02-09T11:30',
      },
      {
        question: 'Our sensor is validated in the laboratory only (TRL 4). Can we apply?',
        answer:
          'Not yet: the call funds solutions that are at TRL 5 at least when the project starts and at most TRL 8 when it ends.',
        language: 'en',
        askedAt: '2022-03-02T09:05',
        answeredAt: '2022-03-03T15:20',
      },
      {
        question: 'Peut-on rédiger la candidature en français ?',
        answer:
          'Oui. L’anglais est recommandé, car les experts viennent de toute l’Europe, mais une candidature rédigée dans une autre langue officielle de l’Union est recevable.',
        language: 'fr',
        askedAt: '2022-03-21T08:47',
        answeredAt: '2022-03-22T10:00',
      },
    ],
    changes: [],
  },
  {
    code: 'OC2',
    summary: {
      en: 'SecurIT’s second open call funds consortia of European security SMEs building prototypes and demonstrators, at TRL 5 to 8, for eight challenges, including new ones on hostile drones, cascading failures between networks, mass-casualty incidents and citizen engagement.',
      fr: 'Le second appel ouvert de SecurIT finance des consortiums de PME européennes de la sécurité qui construisent des prototypes et des démonstrateurs, de TRL 5 à 8, pour huit défis, dont de nouveaux sur les drones hostiles, les défaillances en cascade entre réseaux, les afflux massifs de victimes et l’engagement des citoyens.',
      nl: 'De tweede open oproep van SecurIT financiert consortia van Europese veiligheids-mkb’s die prototypes en demonstrators bouwen, op TRL 5 tot 8, voor acht uitdagingen, waaronder nieuwe over vijandige drones, kettingstoringen tussen netwerken, incidenten met veel slachtoffers en betrokkenheid van burgers.',
    },
    opensAtLocal: '2023-02-01T09:00',
    deadlineLocal: '2023-03-14T17:00',
    qaClosesAt: '2023-03-03T17:00',
    // [GAP] as for OC1; the OC2 winners met at a kick-off in Vilnius in early July 2023 (DOMAIN.md §1.8).
    evaluationStartsOn: '2023-03-20',
    evaluationEndsOn: '2023-05-12',
    resultsOn: '2023-05-31',
    totalCents: 175_000_000,
    expectedProjects: 21,
    questions: [
      {
        question: 'Can an SME funded in open call 1 apply again?',
        answer:
          'Yes, with a different project. The same activities cannot be funded twice, and each partner signs the declaration of honour on double funding.',
        language: 'en',
        askedAt: '2023-02-06T13:15',
        answeredAt: '2023-02-07T09:40',
      },
      {
        question: 'The guide says the call closes at 17:00. Which time zone is that?',
        answer:
          'Brussels time: Tuesday 14 March 2023 at 17:00 CET (UTC+1), which is 16:00 UTC. The countdown on the call page shows it in your own time zone too. See version 2 of the call.',
        language: 'en',
        askedAt: '2023-02-14T18:02',
        answeredAt: '2023-02-15T10:30',
      },
      {
        question: 'Notre consortium compte une PME serbe. Est-elle éligible ?',
        answer:
          'Oui : la Serbie est associée au programme. La liste complète des pays éligibles figure dans les règles de l’appel.',
        language: 'fr',
        askedAt: '2023-02-22T11:25',
        answeredAt: '2023-02-23T09:00',
      },
    ],
    changes: [
      {
        atLocal: '2023-02-15T10:30',
        qaClosesAt: '2023-03-07T17:00',
        changeLog: {
          en: 'Deadline clarified: Tuesday 14 March 2023 at 17:00 Brussels time (CET, UTC+1). Questions are now answered until 7 March 2023, 17:00 (was 3 March).',
          fr: 'Date limite précisée : mardi 14 mars 2023 à 17 h, heure de Bruxelles (CET, UTC+1). Les questions reçoivent une réponse jusqu’au 7 mars 2023, 17 h (au lieu du 3 mars).',
          nl: 'Deadline verduidelijkt: dinsdag 14 maart 2023 om 17.00 uur Brusselse tijd (CET, UTC+1). Vragen worden beantwoord tot 7 maart 2023, 17.00 uur (was 3 maart).',
        },
      },
    ],
  },
]

/** The demo call: open for a newcomer to apply at once (see calls.ts for its dates). */
export const demoCall = {
  code: 'DEMO',
  title: {
    en: 'Demo call — try Cascade',
    fr: 'Appel de démonstration — essayez Cascade',
    nl: 'Demo-oproep — probeer Cascade',
  },
  summary: {
    en: 'A call that is always open in the demonstration, for every SecurIT challenge: start an application with the demo SME, invite a partner, fill in the form and submit to receive a signed receipt. Nothing here is funded.',
    fr: 'Un appel toujours ouvert dans la démonstration, pour tous les défis de SecurIT : commencez une candidature avec la PME de démonstration, invitez un partenaire, remplissez le formulaire et soumettez-le pour recevoir un accusé de réception signé. Rien n’est financé ici.',
    nl: 'Een oproep die in de demonstratie altijd open is, voor alle uitdagingen van SecurIT: start een aanvraag met het demo-mkb, nodig een partner uit, vul het formulier in en dien in om een ondertekend ontvangstbewijs te krijgen. Hier wordt niets gefinancierd.',
  },
} as const
