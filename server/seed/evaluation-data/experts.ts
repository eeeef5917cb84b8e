/**
 * The demo pool of independent experts who evaluated SecurIT's open calls. Every person, organisation
 * and career below is invented for the demonstration (none is a real SecurIT evaluator); their fields
 * follow SecurIT's three domains (DOMAIN.md §1.3) and the three kinds of expert the call wanted:
 * technical, end-user or practitioner, and business (issue 7 §1). They come from the partner clusters'
 * countries and a few more, so that a panel of three never needs two experts of one country.
 */
import type { ExpertKind } from '../../../shared/contracts/experts.ts'
import type { TagRef } from '../supply-data/index.ts'

export interface SeedExpert {
  /** The demo account expert@securit.demo exists already (seed/index.ts): it is found by e-mail. */
  email: string
  name: string
  kind: ExpertKind
  countries: string[]
  languages: string[]
  expertise: string
  tags: TagRef[]
  /** Current organisation first (toYear null), then past ones. `organisationKey`: a platform organisation (supply seed). */
  organisations: { name: string; country: string; fromYear: number; toYear: number | null; organisationKey?: string }[]
  /** Load the expert accepts per call (the profile default). */
  maxLoad: number
  /** Calls the expert was approved for, with the load for that call. */
  calls: { OC1?: number; OC2?: number }
}

export const DEMO_EXPERT_EMAIL = 'expert@securit.demo'

export const seedExperts: SeedExpert[] = [
  {
    email: DEMO_EXPERT_EMAIL,
    name: 'Elena Rossi',
    kind: 'technical',
    countries: ['IT'],
    languages: ['it', 'en', 'fr'],
    expertise:
      'Security of industrial control systems and cyber-physical infrastructure: intrusion detection for SCADA and OT networks, anomaly detection in water and energy distribution, security testing of PLCs and field devices, and the NIS Directive obligations of operators of essential services. Fifteen years of applied research and audits for utilities.',
    tags: ['jrc:T14', 'jrc:T05', 'jrc:D09.09', 'nis:eu-nis-oes:water', 'nis:eu-nis-oes:energy'],
    organisations: [
      { name: 'Laboratorio Sicurezza Industriale Demo Srl', country: 'IT', fromYear: 2017, toYear: null },
      { name: 'Università Demo di Torino, Dipartimento di Automatica', country: 'IT', fromYear: 2009, toYear: 2017 },
    ],
    maxLoad: 6,
    calls: { OC1: 5, OC2: 3 },
  },
  {
    email: 'marc.lefevre@experts.securit.demo',
    name: 'Marc Lefèvre',
    kind: 'practitioner',
    countries: ['FR'],
    languages: ['fr', 'en'],
    expertise:
      'Retired lieutenant-colonel of a departmental fire and rescue service: wildfire command, forest fire prevention and early detection, crisis management and multi-agency coordination, exercises for disaster response. Advises municipalities on civil protection plans and evaluates equipment with firefighters in the field.',
    tags: ['jrc:T07', 'jrc:T23', 'jrc:D07.06'],
    organisations: [
      { name: 'Conseil Prévention Incendie Demo', country: 'FR', fromYear: 2019, toYear: null },
      { name: 'Service départemental d’incendie et de secours (demo)', country: 'FR', fromYear: 1990, toYear: 2019 },
    ],
    maxLoad: 6,
    calls: { OC1: 6, OC2: 3 },
  },
  {
    email: 'sofie.peeters@experts.securit.demo',
    name: 'Sofie Peeters',
    kind: 'business',
    countries: ['BE'],
    languages: ['nl', 'fr', 'en'],
    expertise:
      'Business development and innovation funding for security SMEs: go-to-market strategies for public buyers, pre-commercial procurement, pricing of security-as-a-service, exploitation and IPR plans in EU projects. Former investment manager of a regional fund for safety and security start-ups.',
    tags: ['jrc:D10.05', 'jrc:S12', 'jrc:D08.03'],
    organisations: [
      { name: 'Peeters Innovation Advisory BV', country: 'BE', fromYear: 2016, toYear: null },
      { name: 'Vlaams Veiligheidsfonds Demo NV', country: 'BE', fromYear: 2008, toYear: 2016 },
    ],
    maxLoad: 6,
    calls: { OC1: 5, OC2: 3 },
  },
  {
    email: 'rasa.kazlauskiene@experts.securit.demo',
    name: 'Rasa Kazlauskienė',
    kind: 'technical',
    countries: ['LT'],
    languages: ['lt', 'en', 'ru'],
    expertise:
      'Cybersecurity and digital forensics: incident response, threat intelligence sharing, evidence handling for law enforcement, secure communications for critical services. Leads training programmes on cybercrime investigation for police and CERT teams in the Baltic states.',
    tags: ['jrc:D07.09', 'jrc:D07.03', 'jrc:D08.04', 'jrc:T08'],
    organisations: [
      { name: 'Baltijos Kibernetinio Saugumo Institutas (demo)', country: 'LT', fromYear: 2014, toYear: null },
    ],
    maxLoad: 6,
    calls: { OC1: 5, OC2: 3 },
  },
  {
    email: 'pieter.devries@experts.securit.demo',
    name: 'Pieter de Vries',
    kind: 'practitioner',
    countries: ['NL'],
    languages: ['nl', 'en', 'de'],
    expertise:
      'Crisis coordinator of a Dutch safety region: flood and storm preparedness, warning and informing the population, crisis-centre information management, large-scale evacuations and exercises with water boards, police and medical services.',
    tags: ['jrc:T07', 'jrc:D10.06', 'jrc:D07.02'],
    organisations: [
      { name: 'Veiligheidsregio Demo-Noord', country: 'NL', fromYear: 2011, toYear: null },
      { name: 'Waterschap Demo-Rijn', country: 'NL', fromYear: 2003, toYear: 2011 },
    ],
    maxLoad: 6,
    calls: { OC1: 6, OC2: 3 },
  },
  {
    email: 'mette.sorensen@experts.securit.demo',
    name: 'Mette Sørensen',
    kind: 'technical',
    countries: ['DK'],
    languages: ['da', 'en', 'sv'],
    expertise:
      'Maritime and port security technology: radar, AIS and camera fusion for harbour surveillance, underwater sensing around subsea cables and pipelines, counter-drone detection at critical sites. Previously an engineer with a Danish maritime surveillance SME.',
    tags: ['jrc:T10', 'jrc:T11', 'jrc:T05', 'nis:eu-nis-oes-transport:water-transport'],
    organisations: [
      { name: 'Nordisk Maritim Sikkerhed Demo A/S', country: 'DK', fromYear: 2020, toYear: null },
      // A past employer that is a member of consortia: the conflict rules keep her away from them.
      { name: 'Havvagt ApS', country: 'DK', fromYear: 2015, toYear: 2019, organisationKey: 'havvagt' },
    ],
    maxLoad: 6,
    calls: { OC1: 5, OC2: 3 },
  },
  {
    email: 'tomasz.nowak@experts.securit.demo',
    name: 'Tomasz Nowak',
    kind: 'business',
    countries: ['PL'],
    languages: ['pl', 'en', 'de'],
    expertise:
      'Scaling security and defence SMEs across Europe: market analysis, business plans, partnerships with integrators, export and dual-use rules, financial due diligence of consortia. Mentor in cascade-funding programmes since 2017.',
    tags: ['jrc:D10.05', 'jrc:S03', 'jrc:S12'],
    organisations: [
      { name: 'Nowak & Partners Doradztwo sp. z o.o.', country: 'PL', fromYear: 2017, toYear: null },
      { name: 'Polski Fundusz Technologii Demo', country: 'PL', fromYear: 2010, toYear: 2017 },
    ],
    maxLoad: 6,
    calls: { OC1: 4, OC2: 2 },
  },
  {
    email: 'claire.moreau@experts.securit.demo',
    name: 'Claire Moreau',
    kind: 'technical',
    countries: ['FR'],
    languages: ['fr', 'en', 'es'],
    expertise:
      'Video analytics and sensing for public spaces: crowd counting and density estimation, abnormal behaviour detection, privacy by design and the GDPR for surveillance, data protection impact assessments, evaluation of computer-vision systems in stations and stadiums.',
    tags: ['jrc:T06', 'jrc:T01', 'jrc:D03.07', 'jrc:D10.10'],
    organisations: [{ name: 'Institut Demo de Vision par Ordinateur', country: 'FR', fromYear: 2012, toYear: null }],
    maxLoad: 6,
    calls: { OC1: 4, OC2: 2 },
  },
  {
    email: 'jan.vermeulen@experts.securit.demo',
    name: 'Jan Vermeulen',
    kind: 'practitioner',
    countries: ['BE'],
    languages: ['nl', 'fr', 'en'],
    expertise:
      'Police commissioner for major events and public order: security planning for festivals, matches and demonstrations, control-room operations, protection of soft targets against terrorism, cooperation with private security and event organisers.',
    tags: ['jrc:T06', 'jrc:T08', 'jrc:S08'],
    organisations: [{ name: 'Politiezone Demo-Brabant', country: 'BE', fromYear: 2004, toYear: null }],
    maxLoad: 6,
    calls: { OC1: 5, OC2: 3 },
  },
  {
    email: 'laura.garcia@experts.securit.demo',
    name: 'Laura García Ortega',
    kind: 'practitioner',
    countries: ['ES'],
    languages: ['es', 'en', 'ca', 'pt'],
    expertise:
      'Emergency physician and head of emergency planning of a regional health service: mass-casualty incidents and triage, hospital preparedness, cyber-resilience of hospitals, coordination of ambulances and civil protection during disasters.',
    tags: ['jrc:T07', 'nis:eu-nis-oes:health', 'jrc:D10.14'],
    organisations: [
      { name: 'Servicio Regional de Emergencias Sanitarias (demo)', country: 'ES', fromYear: 2013, toYear: null },
      { name: 'Hospital Universitario Demo', country: 'ES', fromYear: 2005, toYear: 2013 },
    ],
    maxLoad: 6,
    calls: { OC1: 5, OC2: 3 },
  },
  {
    email: 'mikko.virtanen@experts.securit.demo',
    name: 'Mikko Virtanen',
    kind: 'technical',
    countries: ['FI'],
    languages: ['fi', 'en', 'sv'],
    expertise:
      'Resilience of energy and telecom networks: cascading failures between interdependent infrastructures, OT security monitoring for grid operators, risk modelling and simulation, resilience testing and red-team exercises for utilities.',
    tags: ['jrc:D10.09', 'jrc:T14', 'nis:eu-nis-oes-energy:electricity-energy', 'jrc:D09.06'],
    organisations: [{ name: 'Verkkoturva Demo Oy', country: 'FI', fromYear: 2015, toYear: null }],
    maxLoad: 6,
    calls: { OC1: 4, OC2: 2 },
  },
  {
    email: 'katrin.schneider@experts.securit.demo',
    name: 'Katrin Schneider',
    kind: 'business',
    countries: ['DE'],
    languages: ['de', 'en'],
    expertise:
      'Security manager of a critical-infrastructure operator and buyer of security solutions: requirements of operators (KRITIS), procurement and certification, total cost of ownership, integration with existing control centres, adoption by operational staff.',
    tags: ['jrc:T05', 'jrc:D01.04', 'nis:eu-nis-oes:energy'],
    organisations: [
      { name: 'Stadtwerke Demo-Rhein AG', country: 'DE', fromYear: 2014, toYear: null },
      { name: 'Sicherheitsberatung Demo GmbH', country: 'DE', fromYear: 2008, toYear: 2014 },
    ],
    maxLoad: 6,
    calls: { OC1: 4, OC2: 2 },
  },
]
