/**
 * The two demo end-user workshops of SecurIT (18 and 19 November 2021, online, hosted by Safe Cluster):
 * one organised by Safe Cluster with Pôle SCS, one by HSD with LSEC. Each puts 3–4 accepted, public use
 * cases of the demo end-user (Ville de Démoville) and integrator (Nordic Systems Integration) to a vote
 * of its approved participants; the vote is closed, so the results page shows a real tally.
 *
 * The use cases are written by us and marked as demo content in their text (`DEMO_NOTE`); the
 * workshops say so in their description. Idempotent: stable ids (seedId), upserts, votes replaced.
 */
import type { UseCaseContent } from '../../shared/contracts/use-cases.ts'

/**
 * Demo content of the two SecurIT end-user workshops of 18–19 November 2021: use cases, registrants
 * and ballots, written by us (marked as demo content). Seeded by ./workshops.ts.
 */
export const DEMO_NOTE = 'Demo content written for Cascade; not a real SecurIT use case.'

type Org = 'demo-city' | 'demo-integrator'
export type Voter = 'city@securit.demo' | 'integrator@securit.demo' | 'sme@securit.demo' | 'expert@securit.demo'

export interface SeedUseCase {
  key: string
  reference: string
  org: Org
  author: Voter
  domain: 'D1' | 'D2' | 'D3'
  title: string
  trl: [number, number]
  content: Omit<UseCaseContent, 'constraints' | 'commitment'> & {
    constraints: UseCaseContent['constraints']
    commitment: UseCaseContent['commitment']
  }
}

export interface SeedWorkshop {
  key: string
  cluster: string
  organiser: string
  title: string
  description: string
  startsAt: string
  endsAt: string
  timeZone: string
  capacity: number
  domains: ('D1' | 'D2' | 'D3')[]
  meetingUrl: string
  voteClosesAt: string
  pointsBudget: number
  useCases: SeedUseCase[]
  /** Points per voter, by use case key. */
  ballots: Record<Voter, Record<string, number>>
}

const uc = (x: SeedUseCase) => x
const constraints = (
  legal: string,
  ethics: string,
  interoperability: string,
  price: string,
  maintainability: string,
) => ({
  legal,
  ethics,
  interoperability,
  price,
  maintainability,
})

export const demoWorkshops: SeedWorkshop[] = [
  {
    key: 'ws-2021-11-18',
    cluster: 'safe-cluster',
    organiser: 'staff.safe@securit.demo',
    title: 'End-user workshop: public spaces and major events',
    description:
      'Online workshop co-organised by Safe Cluster and Pôle SCS, hosted by Safe Cluster. Cities, event organisers and integrators present their needs for keeping crowds safe; participants then prioritise the use cases with 10 points each.\n\nAgenda\n09:30 Welcome and the SecurIT open calls\n09:50 Use-case pitches (10 minutes each)\n11:10 Break-out discussions\n12:00 Prioritisation vote and wrap-up\n\n(Demo workshop written for Cascade.)',
    startsAt: '2021-11-18T09:30:00+01:00',
    endsAt: '2021-11-18T12:30:00+01:00',
    timeZone: 'Europe/Paris',
    capacity: 40,
    domains: ['D3'],
    meetingUrl: 'https://meet.example.org/securit-eu-workshop-1',
    voteClosesAt: '2021-11-26T18:00:00+01:00',
    pointsBudget: 10,
    useCases: [
      uc({
        key: 'crowd-density',
        reference: 'UC-DEMO-01',
        org: 'demo-city',
        author: 'city@securit.demo',
        domain: 'D3',
        title: 'Real-time crowd density monitoring at the Christmas market',
        trl: [6, 8],
        content: {
          contextAndThreat: `Démoville's Christmas market draws up to 25,000 visitors an evening into narrow streets around the cathedral square. Crushes at the two bottlenecks are the main safety risk. ${DEMO_NOTE}`,
          problemStatement:
            'The control room sees camera images but has no measure of density; stewards close streets by feel, often too late.',
          stakeholders: 'Municipal police, event stewards, fire and rescue service, market traders.',
          owner: 'Ville de Démoville, public order department.',
          currentPractice: 'Operators watch 40 camera feeds and radio stewards when a street looks full.',
          gaps: 'No alert before density becomes dangerous; no history to plan the next edition.',
          functionalRequirements:
            'Estimate people per square metre per zone every 30 seconds; alert above a configurable threshold; show trends on the control-room map.',
          constraints: constraints(
            'GDPR: counting only, no identification, no storage of images.',
            'Public information signs about the counting.',
            'Works with the existing ONVIF cameras and video management system.',
            'Under €60,000 for the first season.',
            'Maintained by the city IT department.',
          ),
          successCriteria:
            'Alerts at least 5 minutes before stewards would have acted; fewer than 2 false alerts per evening.',
          testBed: 'The 2022 Christmas market (five weeks).',
          dataAvailability: 'Footfall counts of the 2019 and 2021 editions, on request under a data agreement.',
          commitment: { validator: true, firstAdopter: true, notes: 'The city will host the pilot.' },
        },
      }),
      uc({
        key: 'event-alerting',
        reference: 'UC-DEMO-02',
        org: 'demo-city',
        author: 'city@securit.demo',
        domain: 'D3',
        title: 'Targeted alerts to visitors of a large open-air event',
        trl: [5, 7],
        content: {
          contextAndThreat: `During the summer music festival (60,000 visitors over three days), incidents such as storms or a closed exit must be announced to the visitors concerned in seconds. ${DEMO_NOTE}`,
          problemStatement: 'Loudspeakers do not reach every area and social media posts reach the wrong people.',
          stakeholders: 'Festival organiser, city crisis cell, police, emergency medical services.',
          owner: 'Ville de Démoville, events office.',
          currentPractice: 'Announcements from the main stage and posts on the festival app.',
          gaps: 'No geographic targeting, no confirmation that a message was received, no multilingual messages.',
          functionalRequirements:
            'Send a message to phones in a drawn area, in several languages, with delivery statistics in the crisis cell.',
          constraints: constraints(
            'Compatible with the national public-warning rules.',
            'Opt-in for any location tracking.',
            'Cell-broadcast and app channels.',
            'Priced per event.',
            'Operated by the events office without a vendor on site.',
          ),
          successCriteria: '90 % of visitors in the area reached within 60 seconds during a drill.',
          testBed: 'The 2022 summer festival grounds.',
          dataAvailability: 'Site maps and past incident reports.',
          commitment: { validator: true, firstAdopter: false, notes: '' },
        },
      }),
      uc({
        key: 'vehicle-barriers',
        reference: 'UC-DEMO-03',
        org: 'demo-integrator',
        author: 'integrator@securit.demo',
        domain: 'D3',
        title: 'Mobile anti-ramming barriers with access control for pedestrian zones',
        trl: [6, 8],
        content: {
          contextAndThreat: `Vehicle ramming attacks on pedestrian streets have become a major concern for cities hosting markets and parades. ${DEMO_NOTE}`,
          problemStatement:
            'Fixed bollards block emergency and delivery vehicles; temporary concrete blocks are slow to move and unsightly.',
          stakeholders: 'Cities, event organisers, fire brigades, delivery companies.',
          owner: 'Nordic Systems Integration A/S, on behalf of three Nordic municipalities.',
          currentPractice: 'Concrete blocks placed by crane before each event.',
          gaps: 'No controlled opening for authorised vehicles; no link with the city access-control system.',
          functionalRequirements:
            'Certified mobile barriers deployable by two people in under 15 minutes, opened remotely for authorised vehicles.',
          constraints: constraints(
            'Crash-tested to IWA 14-1.',
            'Must not hinder people with reduced mobility.',
            'Integrates with the licence-plate access system of the city.',
            'Rental model per event.',
            'Batteries last a full event day.',
          ),
          successCriteria: 'Deployment time and opening time for an ambulance under 30 seconds.',
          testBed: 'A closed test track and a city-centre street in Aarhus.',
          dataAvailability: 'Access logs of the pedestrian zone (anonymised).',
          commitment: { validator: true, firstAdopter: false, notes: 'Integration partner for the pilot.' },
        },
      }),
      uc({
        key: 'lost-children',
        reference: 'UC-DEMO-04',
        org: 'demo-city',
        author: 'city@securit.demo',
        domain: 'D3',
        title: 'Finding lost children and vulnerable people quickly at large gatherings',
        trl: [4, 6],
        content: {
          contextAndThreat: `Every large event in Démoville sees dozens of children separated from their families. ${DEMO_NOTE}`,
          problemStatement: 'Searches rely on radio descriptions and take on average 40 minutes.',
          stakeholders: 'Families, stewards, first-aid posts, municipal police.',
          owner: 'Ville de Démoville, social services.',
          currentPractice: 'Wristbands with a phone number and radio calls between posts.',
          gaps: 'No shared picture of where the search has already looked; no privacy-friendly way to find someone.',
          functionalRequirements:
            'A consent-based tag or app that lets stewards locate a registered person within the site.',
          constraints: constraints(
            'Parental consent; data deleted after the event.',
            'No tracking of people who did not register.',
            'Works offline on site.',
            'Free for families.',
            'Reusable tags.',
          ),
          successCriteria: 'Average time to find a registered child under 10 minutes.',
          testBed: 'The city marathon and the summer festival.',
          dataAvailability: 'Statistics of past searches.',
          commitment: { validator: true, firstAdopter: true, notes: '' },
        },
      }),
    ],
    ballots: {
      'city@securit.demo': { 'crowd-density': 5, 'event-alerting': 3, 'lost-children': 2 },
      'integrator@securit.demo': { 'crowd-density': 2, 'event-alerting': 4, 'vehicle-barriers': 4 },
      'sme@securit.demo': { 'crowd-density': 3, 'event-alerting': 3, 'lost-children': 4 },
      'expert@securit.demo': { 'crowd-density': 2, 'lost-children': 4, 'vehicle-barriers': 4 },
    },
  },
  {
    key: 'ws-2021-11-19',
    cluster: 'hsd',
    organiser: 'staff.hsd@securit.demo',
    title: 'End-user workshop: sensitive infrastructure and disaster resilience',
    description:
      'Online workshop co-organised by HSD and LSEC, hosted by Safe Cluster. Operators of critical infrastructure, first responders and integrators describe their needs; participants then prioritise the use cases with 10 points each.\n\nAgenda\n14:00 Welcome by HSD and LSEC\n14:15 Use-case pitches\n15:30 Discussion with the integrators\n16:30 Prioritisation vote and next steps\n\n(Demo workshop written for Cascade.)',
    startsAt: '2021-11-19T14:00:00+01:00',
    endsAt: '2021-11-19T17:00:00+01:00',
    timeZone: 'Europe/Amsterdam',
    capacity: 30,
    domains: ['D1', 'D2'],
    meetingUrl: 'https://meet.example.org/securit-eu-workshop-2',
    voteClosesAt: '2021-11-26T18:00:00+01:00',
    pointsBudget: 10,
    useCases: [
      uc({
        key: 'water-ot',
        reference: 'UC-DEMO-05',
        org: 'demo-city',
        author: 'city@securit.demo',
        domain: 'D1',
        title: 'Anomaly detection on the municipal water network’s control system',
        trl: [5, 7],
        content: {
          contextAndThreat: `The city's water utility runs 120 pumping stations from one SCADA system reachable through remote-maintenance links. ${DEMO_NOTE}`,
          problemStatement: 'An intrusion through a contractor’s link would go unnoticed until the process misbehaves.',
          stakeholders: 'Water utility, maintenance contractors, national CSIRT.',
          owner: 'Ville de Démoville, water utility.',
          currentPractice: 'Firewall logs reviewed monthly by an external provider.',
          gaps: 'No visibility of industrial traffic; no on-call capability.',
          functionalRequirements: 'Passive monitoring of Modbus/TCP traffic with alerts an operator can understand.',
          constraints: constraints(
            'NIS directive obligations of an essential service.',
            '',
            'No change to the existing PLCs.',
            'Affordable for a mid-sized utility.',
            'Rules updated by the vendor remotely, under supervision.',
          ),
          successCriteria: 'Detects the scenarios of a red-team exercise with no more than one false alert a week.',
          testBed: 'A replica pumping station in the utility’s training centre.',
          dataAvailability: 'Network captures of normal operation.',
          commitment: { validator: true, firstAdopter: true, notes: '' },
        },
      }),
      uc({
        key: 'flood-common-picture',
        reference: 'UC-DEMO-06',
        org: 'demo-integrator',
        author: 'integrator@securit.demo',
        domain: 'D2',
        title: 'A common operational picture for flood response across agencies',
        trl: [6, 8],
        content: {
          contextAndThreat: `Flash floods require police, fire brigades, water boards and municipalities to act together within hours. ${DEMO_NOTE}`,
          problemStatement: 'Each agency has its own map and its own radio channel; sharing happens by phone.',
          stakeholders: 'Fire brigades, water boards, police, municipalities, volunteers.',
          owner: 'Nordic Systems Integration A/S with two regional fire brigades.',
          currentPractice: 'Situation reports sent by e-mail every hour.',
          gaps: 'No shared, live view of water levels, closed roads and deployed teams.',
          functionalRequirements: 'A web map fed by sensors and agency systems, with roles and an event log.',
          constraints: constraints(
            'Personal data of victims handled under GDPR.',
            '',
            'EMSI and CAP standards.',
            'Licence shared between agencies.',
            'Hosted in the EU.',
          ),
          successCriteria: 'A regional exercise run entirely on the shared picture.',
          testBed: 'A regional flood exercise in 2022.',
          dataAvailability: 'Historical water-level data from the water board.',
          commitment: { validator: true, firstAdopter: false, notes: '' },
        },
      }),
      uc({
        key: 'hospital-power',
        reference: 'UC-DEMO-07',
        org: 'demo-integrator',
        author: 'integrator@securit.demo',
        domain: 'D1',
        title: 'Early warning of power and cyber incidents affecting hospitals',
        trl: [5, 7],
        content: {
          contextAndThreat: `Hospitals depend on the grid, on IT and on suppliers; an incident anywhere in that chain can stop care. ${DEMO_NOTE}`,
          problemStatement: 'Hospitals learn of outages and attacks on their suppliers too late to prepare.',
          stakeholders: 'Hospitals, grid operators, regional health authorities, CSIRTs.',
          owner: 'Nordic Systems Integration A/S for a hospital group.',
          currentPractice: 'Phone calls from the grid operator; public news.',
          gaps: 'No structured feed of incidents relevant to a given hospital.',
          functionalRequirements:
            'Aggregate incident notifications, match them to the hospital’s dependencies and alert the crisis team.',
          constraints: constraints(
            'Confidential information shared under NIS rules.',
            '',
            'STIX/TAXII feeds.',
            'Subscription per hospital.',
            'Dependency map kept by the hospital.',
          ),
          successCriteria: 'Crisis team warned at least one hour earlier than today in a simulated outage.',
          testBed: 'A hospital group of three sites.',
          dataAvailability: 'Anonymised incident history.',
          commitment: { validator: true, firstAdopter: true, notes: '' },
        },
      }),
    ],
    ballots: {
      'city@securit.demo': { 'water-ot': 6, 'flood-common-picture': 4 },
      'integrator@securit.demo': { 'flood-common-picture': 5, 'hospital-power': 5 },
      'sme@securit.demo': { 'water-ot': 4, 'hospital-power': 6 },
      'expert@securit.demo': { 'water-ot': 3, 'flood-common-picture': 3, 'hospital-power': 4 },
    },
  },
]
