/** The demo SME account's organisation: its applicant figures and its own solutions. */
import { type SeedSolution, s, type TagRef } from './types.ts'

/** The demo SME account's own organisation (created with the demo accounts): its applicant figures. */
export const demoSmeProfile = {
  key: 'demo-sme',
  region: 'Vilnius',
  founded: 2019,
  headcount: 8.5,
  turnoverK: 1150,
  balanceK: 740,
  description: 'Wireless perimeter sensing and security monitoring for small sites in the Baltic states.',
  expertise: ['jrc:T16', 'jrc:T05'] as TagRef[],
}

export const demoSmeSolutions: SeedSolution[] = [
  // Demo SME (sme@securit.demo)
  s({
    key: 'sentinel-mesh',
    org: 'demo-sme',
    name: 'Sentinel Mesh perimeter sensors',
    pitch:
      'Battery-powered vibration and radar nodes that mesh over LoRa and locate intrusions along fences of remote sites.',
    type: 'hardware',
    language: 'en',
    trl: 6,
    targetTrl: 8,
    ip: 'patent_pending',
    domains: ['D1'],
    challenges: ['D1-C2'],
    tags: [
      'jrc:T16',
      'jrc:T05',
      'enisa:physical-attack:unauthorised-physical-access-or-unauthorised-entry-to-premises',
    ],
    description:
      'Each node combines a fence vibration sensor with a short-range radar and runs for three years on one battery. Nodes relay each other over LoRa, so a remote pumping station or substation needs no cabling. The gateway fuses alarms from neighbouring nodes to locate an intrusion within ten metres and filters wind and animals.',
    problem:
      'Remote utility sites have long fences, no power along them and no guards on site; cabled systems are too expensive.',
    users: ['critical_infrastructure', 'private_security'],
    references: [['infrastructure_operator', 'LT', 2024, 'Six-month trial on the fence of a water pumping station']],
    confidence: 4,
  }),
  s({
    key: 'sentinel-soc-lite',
    org: 'demo-sme',
    name: 'Sentinel SOC-lite',
    pitch:
      'A shared security operations service for small utilities: alarm triage, camera checks and escalation, 24/7.',
    type: 'service',
    language: 'en',
    trl: 5,
    targetTrl: 7,
    ip: 'proprietary',
    domains: ['D1'],
    challenges: ['D1-C1', 'D1-C2'],
    tags: ['jrc:T05', 'jrc:D07.06'],
    description:
      'Operators from several small utilities share one monitoring team. Alarms from perimeter sensors and industrial networks arrive in one console; the team checks them against cameras and calls the site’s on-duty engineer with a clear instruction.',
    problem: 'Small operators cannot afford a security operations centre, so alarms at night wait until morning.',
    users: ['critical_infrastructure', 'municipalities'],
    confidence: 3,
  }),
]
