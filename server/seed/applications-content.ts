/**
 * The answers and partner parts of a demo application, written for whatever form the call has: the
 * questions that carry a meaning (acronym, title, abstract, TRL, duration) and the default form's
 * questions get texts of the application's own; any other required question gets a plausible value of
 * its type, so the seed keeps working when the default form changes.
 */
import type { Answers, PartnerPart, WorkPlanValue } from '../../shared/contracts/applications.ts'
import type { FormQuestion } from '../../shared/contracts/call-form.ts'
import type { CallConfig } from '../../shared/contracts/calls.ts'
import type { SeedApplication } from './calls-data/types.ts'

export interface SeedOrg {
  key: string
  id: string
  legalName: string
  country: string
  type: string
  smeStatus: string | null
  description: string
}

type Lang = SeedApplication['language']
const eur = (cents: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(cents / 100)

/** A few given names and family names per country: the people of the demo consortia (invented). */
const names: Record<string, [string[], string[]]> = {
  FR: [
    ['Claire', 'Julien', 'Élodie'],
    ['Martin', 'Girard', 'Fabre'],
  ],
  BE: [
    ['Lotte', 'Thomas', 'Amélie'],
    ['Peeters', 'Dubois', 'Maes'],
  ],
  NL: [
    ['Sanne', 'Daan', 'Eva'],
    ['de Vries', 'Jansen', 'Bakker'],
  ],
  DE: [
    ['Jonas', 'Katrin', 'Felix'],
    ['Keller', 'Hoffmann', 'Braun'],
  ],
  ES: [
    ['Lucía', 'Javier', 'Marta'],
    ['García', 'Ortega', 'Navarro'],
  ],
  IT: [
    ['Giulia', 'Matteo', 'Chiara'],
    ['Rossi', 'Esposito', 'Conti'],
  ],
  LT: [
    ['Rūta', 'Mantas', 'Ieva'],
    ['Kazlauskas', 'Jankauskaitė', 'Petrauskas'],
  ],
  DK: [
    ['Mette', 'Rasmus', 'Freja'],
    ['Larsen', 'Nielsen', 'Holm'],
  ],
  PL: [
    ['Katarzyna', 'Piotr', 'Agnieszka'],
    ['Nowak', 'Wiśniewski', 'Zielińska'],
  ],
  PT: [
    ['Inês', 'João', 'Beatriz'],
    ['Silva', 'Costa', 'Ferreira'],
  ],
  EE: [
    ['Kadri', 'Mart', 'Liis'],
    ['Tamm', 'Saar', 'Kask'],
  ],
  FI: [
    ['Aino', 'Mikko', 'Sanna'],
    ['Virtanen', 'Korhonen', 'Mäkinen'],
  ],
  SE: [
    ['Elin', 'Oskar', 'Maja'],
    ['Lindqvist', 'Berg', 'Ekström'],
  ],
  AT: [
    ['Theresa', 'Lukas', 'Anna'],
    ['Huber', 'Gruber', 'Wagner'],
  ],
  IE: [
    ['Niamh', 'Cian', 'Aoife'],
    ['Murphy', 'Byrne', 'Walsh'],
  ],
  CZ: [
    ['Tereza', 'Petr', 'Lucie'],
    ['Novák', 'Dvořák', 'Svobodová'],
  ],
  GR: [
    ['Dimitra', 'Nikos', 'Eleni'],
    ['Papadopoulou', 'Georgiou', 'Karalis'],
  ],
  US: [
    ['Megan', 'Ryan', 'Olivia'],
    ['Carter', 'Brooks', 'Hayes'],
  ],
}

function hash(s: string): number {
  let h = 7
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return h
}

/** The contact person of an organisation in the demo (stable for the organisation). */
export function personOf(org: Pick<SeedOrg, 'key' | 'country'>): string {
  const [first, last] = names[org.country] ?? names.FR!
  const h = hash(org.key)
  return `${first[h % first.length]} ${last[(h >> 4) % last.length]}`
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

const endUserTypes = ['public_authority', 'infrastructure_operator', 'integrator']

/** One partner's part: contact, role, budget line, SME declaration and declaration of honour, confirmed. */
export function partOf(
  s: SeedApplication,
  org: SeedOrg,
  lead: boolean,
  config: CallConfig,
  opts: { declaredSme?: string } = {},
): PartnerPart {
  const fr = s.language === 'fr'
  const requestedCents = Math.round((s.consortium[org.key] ?? 0) * 100_000)
  const personnelCents = Math.round(requestedCents * 0.85)
  const person = personOf(org)
  const what = org.description.replace(/ Demo profile,.*$/, '').trim() || expertiseOf(org, s.language)
  const declared = opts.declaredSme ?? org.smeStatus ?? 'not_sme'
  const role = endUserTypes.includes(org.type)
    ? fr
      ? 'Utilisateur final ou intégrateur : fournit le site d’essai, définit les scénarios et valide le résultat.'
      : 'End-user or integrator: provides the test site, sets the scenarios and validates the result.'
    : lead
      ? fr
        ? `Coordonne le projet et apporte sa technologie : ${what}`
        : `Coordinates the project and brings its technology: ${what}`
      : fr
        ? `Apporte sa technologie et son savoir-faire : ${what}`
        : `Brings its technology and know-how: ${what}`
  return {
    contactName: person,
    contactEmail: `${slug(person)}@${slug(org.legalName)}.example`,
    role,
    budget: {
      personnelCents,
      subcontractingCents: 0,
      otherCostsCents: requestedCents - personnelCents,
      requestedCents,
    },
    smeDeclaration: { category: declared as PartnerPart['smeDeclaration']['category'], confirmed: true },
    declarationOfHonour: {
      noExclusionSituation: true,
      noConflictOfInterest: true,
      notLinkedToProgrammePartners: true,
      noDoubleFunding: true,
      signatoryName: person,
      signatoryRole:
        endUserTypes.includes(org.type) && org.type !== 'integrator' ? 'Head of department' : 'Managing director',
    },
    answers: partAnswers(s, config, what),
  }
}

/** What an organisation without a description brings (the demo accounts' city and integrator). */
function expertiseOf(org: SeedOrg, lang: Lang): string {
  if (org.type === 'public_authority')
    return lang === 'fr'
      ? `${org.legalName} : services de sécurité et de gestion de crise d’une collectivité, qui accueillent la validation.`
      : `${org.legalName}: the safety and crisis-management services of a public authority, which host the validation.`
  if (org.type === 'integrator')
    return lang === 'fr'
      ? `${org.legalName} : intégration de systèmes de sûreté chez les opérateurs d’infrastructures critiques.`
      : `${org.legalName}: integration of security systems for operators of critical infrastructure.`
  return lang === 'fr' ? `${org.legalName} : PME de la sécurité.` : `${org.legalName}: a security SME.`
}

/** The answers to the form's partner-scope questions: the expertise, or a plausible value if required. */
function partAnswers(s: SeedApplication, config: CallConfig, what: string): Answers {
  const out: Answers = {}
  for (const section of config.form.sections) {
    for (const q of section.questions) {
      if (q.scope !== 'partner' || q.type === 'file' || q.type === 'budget_table') continue
      const value = q.type === 'long_text' || q.type === 'short_text' ? what.slice(0, q.maxLength) : undefined
      const chosen = value ?? (q.required ? fallback(q, s) : undefined)
      if (chosen !== undefined && chosen !== '') out[q.id] = chosen
    }
  }
  return out
}

function workPlan(s: SeedApplication): WorkPlanValue {
  const m = s.months
  const fr = s.language === 'fr'
  const thing = fr ? (s.output === 'prototype' ? 'prototype' : 'démonstrateur') : s.output
  return {
    durationMonths: m,
    milestones: [
      {
        title: fr ? 'Exigences validées avec les utilisateurs' : 'Requirements agreed with the end-users',
        month: 2,
        description: '',
      },
      {
        title: fr ? `${thing} intégré prêt pour les essais` : `Integrated ${thing} ready for trials`,
        month: m - 3,
        description: '',
      },
      { title: fr ? 'Validation terminée' : 'Validation completed', month: m, description: '' },
    ],
    deliverables: [
      { title: fr ? 'Exigences et plan d’essais' : 'Requirements and test plan', month: 2, description: '' },
      { title: fr ? `${thing} ${s.acronym}` : `${s.acronym} ${thing}`, month: m - 2, description: '' },
      {
        title: fr ? 'Rapport de validation et plan d’exploitation' : 'Validation report and exploitation plan',
        month: m,
        description: '',
      },
    ],
  }
}

const markets: Record<string, string[]> = {
  D1: ['critical_infrastructure', 'industry'],
  D2: ['public_sector', 'citizens'],
  D3: ['public_sector', 'citizens'],
}

/** The texts of the default form's questions, in the application's language. */
function texts(s: SeedApplication, challengeTitle: string, orgs: SeedOrg[]): Record<string, string> {
  const who = orgs.map((o) => `${o.legalName} (${o.country})`).join(', ')
  const total = eur(
    Object.values(s.consortium).reduce((sum, k) => sum + k * 100_000, 0),
    s.language,
  )
  if (s.language === 'fr')
    return {
      challenge_fit: `${s.acronym} répond au défi « ${challengeTitle} ». Le consortium réunit ${who}, qui travaillent déjà avec les utilisateurs finaux visés par le défi et reprennent leurs besoins point par point.`,
      solution_description: `${s.abstract}\n\nÀ la fin du projet, le consortium livre un ${s.output === 'prototype' ? 'prototype' : 'démonstrateur'} de TRL ${s.trl[1]}, à partir d’un TRL ${s.trl[0]} aujourd’hui.`,
      innovation:
        'Les produits existants traitent chacun une partie du problème. Le projet les réunit dans un seul système conçu avec les utilisateurs et testé en conditions réelles, et non en laboratoire.',
      impact:
        'Pour les utilisateurs : moins de fausses alertes, des décisions plus rapides et des coûts d’exploitation maîtrisés. Pour les PME : une référence européenne et un produit commun vendu par les deux partenaires dans leurs pays.',
      budget_justification: `Les frais de personnel couvrent le développement et la validation ; les autres coûts couvrent le matériel du pilote, les déplacements sur le site d’essai et la diffusion. Montant forfaitaire demandé : ${total}.`,
      validation_plan:
        'Essais sur le site de l’utilisateur en deux campagnes, selon des scénarios écrits avec lui ; mesure des indicateurs convenus et rapport de validation signé par l’utilisateur.',
      resubmission: ' Mise à jour : l’utilisateur a confirmé son site d’essai pour le huitième mois.',
    }
  return {
    challenge_fit: `${s.acronym} answers the challenge “${challengeTitle}”. The consortium brings together ${who}, who already work with the end-users the challenge names and take up their needs one by one.`,
    solution_description: `${s.abstract}\n\nAt the end of the project the consortium delivers a ${s.output} at TRL ${s.trl[1]}, starting from TRL ${s.trl[0]} today.`,
    innovation:
      'Existing products each address part of the problem. The project combines them in one system designed with the end-users and tested in real operating conditions rather than in the laboratory.',
    impact:
      'For the end-users: fewer false alarms, faster decisions and predictable running costs. For the SMEs: a European reference and a joint product that each partner sells in its own market.',
    budget_justification: `Personnel costs cover development and validation; other costs cover equipment for the pilot, travel to the test site and dissemination. Lump sum requested: ${total}.`,
    validation_plan:
      'Trials on the end-user’s site in two campaigns, with scenarios written together; the agreed indicators are measured and the end-user signs the validation report.',
    resubmission: ' Update: the end-user has confirmed its test site for month 8.',
  }
}

/** A plausible value for a question the seed has no text for (only when it is required). */
function fallback(q: FormQuestion, s: SeedApplication): Answers[string] | undefined {
  switch (q.type) {
    case 'short_text':
      return s.acronym.slice(0, q.maxLength)
    case 'long_text':
      return s.abstract.padEnd(q.minLength, ' ').slice(0, q.maxLength)
    case 'number':
      return q.min ?? 1
    case 'money':
      return q.minCents ?? 0
    case 'date':
      return q.min ?? '2022-06-01'
    case 'single_choice':
      return q.options[0]!.id
    case 'multiple_choice':
      return q.options.slice(0, Math.max(1, q.minSelected)).map((o) => o.id)
    case 'work_plan':
      return workPlan(s)
    default:
      return undefined
  }
}

/** The shared answers of a demo application for the call's form, and the text its resubmission adds. */
export function answersOf(
  s: SeedApplication,
  config: CallConfig,
  challengeTitle: string,
  orgs: SeedOrg[],
): { answers: Answers; resubmission: { questionId: string; text: string } | null } {
  const t = texts(s, challengeTitle, orgs)
  const known: Record<string, Answers[string]> = {
    ...t,
    output_type: s.output,
    target_markets: markets[s.challenge.slice(0, 2)] ?? ['public_sector'],
    end_user_involved: s.validator ? 'yes' : 'no',
    end_user_name: s.validator ?? '',
  }
  const bySemantic: Record<string, Answers[string]> = {
    acronym: s.acronym,
    title: s.title,
    abstract: s.abstract,
    trl_start: s.trl[0],
    trl_end: s.trl[1],
    duration_months: s.months,
  }
  const answers: Answers = {}
  for (const section of config.form.sections) {
    for (const q of section.questions) {
      if (q.scope !== 'shared' || q.type === 'file' || q.type === 'budget_table') continue
      const c = q.condition
      if (c) {
        const v = answers[c.questionId]
        const values = Array.isArray(v) ? v : [v]
        if (!values.some((x) => typeof x === 'string' && c.anyOf.includes(x))) continue
      }
      const value =
        (q.semantic ? bySemantic[q.semantic] : undefined) ??
        (q.type === 'work_plan' ? workPlan(s) : known[q.id]) ??
        (q.required ? fallback(q, s) : undefined)
      if (value !== undefined && value !== '') answers[q.id] = value
    }
  }
  const target = typeof answers.impact === 'string' ? 'impact' : null
  return {
    answers,
    resubmission: target ? { questionId: target, text: `${answers[target]}${t.resubmission}` } : null,
  }
}
