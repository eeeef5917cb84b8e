/**
 * The eleven SecurIT demo challenges (three domains). The four themes named in the calls' statistics
 * (DOMAIN.md §1.3) are kept; the texts, and the other seven challenges, are written by us to fit the
 * domains and are marked `demo`. Seeding is idempotent: stable ids, upserts.
 */
import type { ChallengeContent } from '../../shared/contracts/challenges.ts'
import { slugFromTitle } from '../modules/challenges/domain/rules.ts'
import { refreshSearchVector } from '../modules/challenges/index.ts'
import { recordAudit } from '../platform/audit/index.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { systemClock } from '../platform/clock.ts'
import { type Database, inTransaction } from '../platform/db/client.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'

interface SeedChallenge {
  code: string
  title: string
  summary: string
  trl: [number, number]
  calls: ('OC1' | 'OC2')[]
  problem: string
  outcome: string
  requirements: string[]
  offers: ChallengeContent['endUserOffers']
}

const c = (x: SeedChallenge) => x

export const demoChallenges: SeedChallenge[] = [
  c({
    code: 'D1-C1',
    title: 'Cybersecurity of sensitive infrastructures',
    summary:
      'Detect and contain cyber-attacks on the operational networks of water, energy and telecom operators without stopping the process they control.',
    trl: [5, 8],
    calls: ['OC1', 'OC2'],
    problem:
      'Operators of sensitive infrastructure run industrial control systems that were never designed to be connected. Attacks reach them through remote maintenance links and office networks, and small operators have no security operations centre of their own.',
    outcome:
      'A monitoring and response capability, sized for a mid-sized operator, that sees anomalies in industrial traffic and helps the team contain an incident safely.',
    requirements: [
      'Passive monitoring of industrial protocols (Modbus, DNP3, IEC 61850)',
      'Alerts an operator without security training can act on',
      'Interoperable with existing supervision (SCADA) systems',
      'Affordable to maintain for a regional operator',
    ],
    offers: {
      testBed: 'A water distribution pilot network with a replica control room.',
      data: 'Anonymised network captures of normal operation.',
      validation: 'Red-team exercise run with the operator’s staff.',
    },
  }),
  c({
    code: 'D1-C2',
    title: 'Detection and location of intruders in protected perimeters',
    summary:
      'Detect, classify and locate intruders on large industrial or airport perimeters, day and night, with few false alarms.',
    trl: [5, 8],
    calls: ['OC1'],
    problem:
      'Seveso sites, airports and energy plants guard perimeters of several kilometres. Fences with simple sensors raise many false alarms from wildlife and weather, so guards lose trust in them and real intrusions are found late.',
    outcome:
      'A perimeter system that fuses sensors (radar, thermal cameras, fibre) to locate an intruder precisely and guide the response team.',
    requirements: [
      'Fewer than one false alarm per kilometre per week',
      'Location accurate to within five metres',
      'Works at night, in rain and in fog',
      'Feeds the site’s existing video management system',
    ],
    offers: {
      testBed: 'A two-kilometre fenced perimeter of an industrial site.',
      data: 'A year of alarm logs with their causes.',
      validation: 'Intrusion scenarios played by the site’s security team.',
    },
  }),
  c({
    code: 'D1-C3',
    title: 'Protection against hostile drones over critical sites',
    summary:
      'Detect, identify and track small drones flying over critical infrastructure, and support a lawful response.',
    trl: [5, 7],
    calls: ['OC2'],
    problem:
      'Small drones can carry cameras or payloads over power plants, prisons and ports. Operators rarely know when one is there, who flies it, or what they may lawfully do about it.',
    outcome:
      'An affordable detection and tracking system that alerts the site and the police and keeps evidence of each flight.',
    requirements: [
      'Detection range of at least one kilometre',
      'Tells drones from birds',
      'Respects radio and privacy law: no jamming by the operator',
      'Records evidence usable by the police',
    ],
    offers: {
      testBed: 'A port area with controlled drone flights.',
      data: 'Recorded radio and radar signatures of common drones.',
      validation: 'Trials with the port police.',
    },
  }),
  c({
    code: 'D1-C4',
    title: 'Early warning of cascading failures between interdependent networks',
    summary:
      'Anticipate how the failure of one network — power, telecom, water — spreads to the others, and warn the operators in time.',
    trl: [4, 7],
    calls: ['OC2'],
    problem:
      'Critical networks depend on each other: a power cut stops pumping stations and mobile masts. Each operator sees only its own network, so the effects of a hybrid attack or a storm are discovered one after another.',
    outcome:
      'A shared situational picture and simulation tool that shows the likely cascade of a failure and suggests priorities for restoration.',
    requirements: [
      'Models dependencies between at least three networks',
      'Operators share only what they choose to share',
      'Results in minutes, not hours',
      'Uses open exchange formats',
    ],
    offers: {
      testBed: 'A regional crisis centre and its exercises.',
      data: 'Synthetic network topologies of a mid-sized city.',
      validation: 'A tabletop exercise with three operators.',
    },
  }),
  c({
    code: 'D2-C1',
    title: 'Optimisation of disaster prediction and warning systems',
    summary:
      'Turn weather, river and sensor data into local, timely warnings of floods, storms and wildfires that reach the people concerned.',
    trl: [5, 8],
    calls: ['OC1', 'OC2'],
    problem:
      'Warnings are often issued for whole regions, too late or too often, so people ignore them. Local authorities lack tools that combine forecasts with their own sensors and knowledge of the terrain.',
    outcome:
      'A prediction and warning chain that gives municipalities street-level forecasts and sends targeted alerts through several channels.',
    requirements: [
      'Combines national forecasts with local sensors',
      'Warnings targeted by area and by population',
      'Multilingual and accessible alert messages',
      'Compatible with public warning standards (CAP)',
    ],
    offers: {
      testBed: 'A river basin with a network of water-level sensors.',
      data: 'Ten years of flood records and sensor series.',
      validation: 'A flood exercise with the civil protection service.',
    },
  }),
  c({
    code: 'D2-C2',
    title: 'Continuous monitoring of forests for early wildfire detection',
    summary:
      'Spot the first signs of a wildfire in remote forest areas at any hour, and help firefighters decide where to go first.',
    trl: [5, 8],
    calls: ['OC1'],
    problem:
      'Wildfires spread fast in dry seasons; lookout towers and patrols cover only part of the forest, and at night detection relies on chance calls from the public.',
    outcome:
      'A network of sensors and cameras that detects smoke and heat early and sends confirmed alerts with a location to the fire service.',
    requirements: [
      'Around-the-clock detection',
      'Energy-autonomous sensors',
      'Alerts confirmed within minutes',
      'Map-based view for the fire command',
    ],
    offers: {
      testBed: 'A forest area of 5,000 hectares.',
      data: 'Historical fire perimeters and weather data.',
      validation: 'Controlled burns observed with the fire service.',
    },
  }),
  c({
    code: 'D2-C3',
    title: 'Coordination of first and second responders in mass-casualty incidents',
    summary:
      'Share one picture of victims, resources and hospital capacity between fire, medical and police teams during a major incident.',
    trl: [6, 8],
    calls: ['OC2'],
    problem:
      'In an industrial accident or a collapse, each service tracks victims and resources in its own way. Triage information is lost between the field, the ambulances and the hospitals.',
    outcome:
      'A shared tool for triage, tracking of victims and allocation of resources that works when mobile networks are overloaded.',
    requirements: [
      'Works offline and synchronises when connected',
      'Electronic triage tags',
      'Real-time view of hospital capacity',
      'Protects victims’ personal data (GDPR)',
    ],
    offers: {
      testBed: 'A training centre for emergency services.',
      data: 'Scenarios from past exercises.',
      validation: 'A full-scale mass-casualty exercise.',
    },
  }),
  c({
    code: 'D2-C4',
    title: 'Engaging citizens in disaster preparedness and response',
    summary:
      'Help citizens prepare for disasters, report what they see and receive clear instructions, in a way the authorities can trust.',
    trl: [5, 7],
    calls: ['OC2'],
    problem:
      'Citizens are the first on the scene and the first affected, but their reports reach the authorities through social media, unverified and unstructured.',
    outcome:
      'A channel that lets residents report observations with location and photos, receives verified instructions, and builds preparedness before a crisis.',
    requirements: [
      'Verification of reports before they are used',
      'Inclusive: works for older people and visitors',
      'Two-way communication with the crisis centre',
      'Privacy by design',
    ],
    offers: {
      testBed: 'A municipality of 50,000 residents.',
      data: 'Anonymised reports from a past flood.',
      validation: 'A preparedness campaign with volunteers.',
    },
  }),
  c({
    code: 'D3-C1',
    title: 'Gathering and managing real-time information for public-space security',
    summary:
      'Bring together video, sensor and field reports from a public space into one real-time picture for the security operators.',
    trl: [5, 8],
    calls: ['OC1'],
    problem:
      'City control rooms receive feeds from many cameras, sensors and patrols, in separate systems. During an incident operators switch between screens and miss what matters.',
    outcome:
      'An integration platform that collects real-time information from existing sources and presents it on one map with events and their status.',
    requirements: [
      'Connects to existing cameras and sensors through open interfaces',
      'One map with live events',
      'Audit trail of who saw and did what',
      'Respects video-surveillance law',
    ],
    offers: {
      testBed: 'A city-centre control room.',
      data: 'Recorded, anonymised sensor feeds.',
      validation: 'Operators use it during a city event.',
    },
  }),
  c({
    code: 'D3-C2',
    title: 'Rapid analysis of crucial information during major events',
    summary:
      'Sort the flood of messages, calls and social media during a major event to surface crucial information for decision makers within minutes.',
    trl: [5, 7],
    calls: ['OC1', 'OC2'],
    problem:
      'At concerts, matches and festivals, thousands of messages arrive at once. Weak signals of a crowd problem or a threat are buried and reach the commanders too late.',
    outcome:
      'An analysis tool that filters, groups and ranks incoming information and highlights what needs a decision.',
    requirements: [
      'Handles several thousand messages an hour',
      'Explains why an item is ranked high',
      'Works in several languages',
      'Human always decides',
    ],
    offers: {
      testBed: 'A music festival of 40,000 visitors a day.',
      data: 'Logs of calls and messages from past editions.',
      validation: 'Use by the event’s security command.',
    },
  }),
  c({
    code: 'D3-C3',
    title: 'Crowd monitoring and management at mass gatherings',
    summary:
      'Measure crowd density and flows at events and in stations, predict dangerous congestion and help stewards guide people safely.',
    trl: [6, 8],
    calls: ['OC2'],
    problem:
      'Crowd crushes start with density building up unnoticed at entrances, exits and bottlenecks. Stewards see only their own corner, and counting is often done by hand.',
    outcome:
      'A privacy-preserving crowd monitoring system that counts, predicts congestion and suggests measures such as opening gates or rerouting.',
    requirements: [
      'Counts people without identifying them',
      'Predicts congestion at least ten minutes ahead',
      'Clear guidance for stewards on mobile devices',
      'Quick to install for a temporary event',
    ],
    offers: {
      testBed: 'A stadium and the square in front of it.',
      data: 'Ticketing and entrance counts from past events.',
      validation: 'Trial during a season of matches.',
    },
  }),
]

const ctx = { actor: systemActor, requestId: null, clock: systemClock }
const publishedAt: Record<string, string> = { OC1: '2021-12-15T10:00:00+01:00', OC2: '2022-12-15T10:00:00+01:00' }

/** Seeds the eleven published demo challenges of SecurIT, after the programme (idempotent). */
export async function seedChallenges(db: Database, programmeId: string): Promise<number> {
  const slug = securit.slug
  await inTransaction(db, async (tx) => {
    for (const x of demoChallenges) {
      const id = seedId(`challenge:${slug}:${x.code}`)
      const domainId = seedId(`domain:${slug}:${x.code.split('-')[0]}`)
      const content: ChallengeContent = {
        problem: x.problem,
        expectedOutcome: x.outcome,
        requirements: x.requirements,
        endUserOffers: x.offers,
      }
      const at = new Date(publishedAt[x.calls[0] ?? 'OC1'] ?? publishedAt.OC1!)
      const v = {
        domain_id: domainId,
        code: x.code,
        slug: slugFromTitle(x.title),
        status: 'published',
        language: 'en',
        title: x.title,
        summary: x.summary,
        content: JSON.stringify(content),
        trl_min: x.trl[0],
        trl_max: x.trl[1],
        demo: true,
        published_at: at,
      }
      await tx
        .insertInto('challenges')
        .values({ id, programme_id: programmeId, version: 1, created_at: at, updated_at: at, ...v })
        .onConflict((oc) => oc.column('id').doUpdateSet(v))
        .execute()
      const version = {
        title: x.title,
        summary: x.summary,
        content: JSON.stringify(content),
        trl_min: x.trl[0],
        trl_max: x.trl[1],
        domain_id: domainId,
      }
      await tx
        .insertInto('challenge_versions')
        .values({ challenge_id: id, version: 1, author_id: null, created_at: at, ...version })
        .onConflict((oc) => oc.columns(['challenge_id', 'version']).doUpdateSet(version))
        .execute()
      await refreshSearchVector(tx, id, { language: 'en', content })
      for (const call of x.calls) {
        await tx
          .insertInto('challenge_calls')
          .values({ challenge_id: id, call_id: seedId(`call:${slug}:${call}`) })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
    }
    await recordAudit(tx, ctx, {
      action: 'challenges.seeded',
      subjectType: 'programme',
      subjectId: programmeId,
      change: { codes: demoChallenges.map((x) => x.code), demo: true },
    })
  })
  return demoChallenges.length
}
