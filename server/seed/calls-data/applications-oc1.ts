/**
 * 24 invented applications to OC1 (closed 26 April 2022, 17:00 Brussels): most cross-border, 2 to 4
 * partners, D1 ≈ 60 % as in the real call (67/22/22). Most arrive in the last days, three are
 * resubmitted, one withdrawn, two left as drafts, and three break a rule (over the cap per third
 * party, a partner outside the eligible countries, a single SME): the submit gate stopped those, so they
 * are drafts too, which the readiness panel explains. Screening then finds warnings (a challenge's TRL
 * range, a declared SME category that differs from the profile) for the operators to review.
 */
import { oc1D1Applications } from './applications-oc1-d1.ts'
import { a, type ExtraOrganisation, type SeedApplication } from './types.ts'

/** Established in the United States: outside the call's eligible countries. */
export const extraOrganisations: ExtraOrganisation[] = [
  {
    key: 'granite-peak',
    legalName: 'Granite Peak Sensing Inc.',
    country: 'US',
    type: 'sme',
    region: 'Colorado',
    founded: 2015,
    headcount: 22,
    turnoverK: 3100,
    balanceK: 2200,
    description: 'Radar and radio-frequency sensor fusion for perimeter security.',
  },
]

export const oc1Applications: SeedApplication[] = [
  ...oc1D1Applications,
  // D2-C1 Optimisation of disaster prediction and warning systems, D2-C2 wildfire detection
  a({
    key: 'oc1-floodcast',
    call: 'OC1',
    challenge: 'D2-C1',
    consortium: { 'meuse-analytics': 40, dijkdata: 38, 'veiligheidsregio-delta': 8 },
    trl: [6, 8],
    months: 12,
    language: 'en',
    acronym: 'FLOODCAST',
    title: 'Probabilistic flood forecasting with live dike sensing for regional warnings',
    abstract:
      'FLOODCAST couples hydrological forecasts of the Meuse with fibre-optic sensing of dike deformation, so that warnings take into account both the water to come and the state of the defences. A Dutch safety region tests the demonstrator in its crisis centre during the autumn storm season.',
    output: 'demonstrator',
    validator: 'Veiligheidsregio Demo-Delta',
    submitted: ['2022-04-26T14:40'],
  }),
  a({
    key: 'oc1-quakealert',
    call: 'OC1',
    challenge: 'D2-C1',
    consortium: { sismoalerta: 42, 'vesuvio-data': 40 },
    trl: [5, 7],
    months: 12,
    language: 'en',
    acronym: 'QUAKEALERT',
    title: 'Low-cost earthquake early warning for schools and hospitals',
    abstract:
      'QUAKEALERT densifies earthquake early warning with low-cost accelerometers installed in schools and hospitals, and combines them with hazard models used by civil protection, to give occupants the seconds they need to take shelter and to stop lifts and gas supplies automatically.',
    output: 'prototype',
    submitted: ['2022-04-14T09:20', '2022-04-25T17:55'],
  }),
  a({
    key: 'oc1-sylvasense',
    call: 'OC1',
    challenge: 'D2-C2',
    consortium: { pyrosentinelle: 30, waldwacht: 30, incendia: 28 },
    trl: [6, 8],
    months: 12,
    language: 'fr',
    acronym: 'SYLVASENSE',
    title: 'Détection précoce des feux de forêt par capteurs autonomes et caméras, avec prévision de propagation',
    abstract:
      'SYLVASENSE relie des capteurs autonomes de fumée et de chaleur posés en forêt, des caméras de détection automatique de fumée et des modèles de propagation du feu. Dès la première alerte, les services d’incendie reçoivent la position du départ de feu et sa progression probable. Démonstration dans le Var et en Catalogne pendant l’été.',
    output: 'demonstrator',
    submitted: ['2022-04-26T12:05'],
  }),
  a({
    key: 'oc1-nightfire',
    call: 'OC1',
    challenge: 'D2-C2',
    consortium: { 'aigis-systems': 44, 'strazak-tech': 40 },
    trl: [6, 8],
    months: 12,
    language: 'en',
    acronym: 'NIGHTFIRE',
    title: 'Night-time wildfire detection and firefighter tracking',
    abstract:
      'At night, wildfires are detected late and firefighting crews are hard to follow. NIGHTFIRE pairs long-endurance drones with thermal mapping of the fire front and indoor-outdoor positioning of the crews, giving incident commanders one map of the fire and of their people.',
    output: 'demonstrator',
    submitted: ['2022-04-19T15:30'],
  }),
  a({
    key: 'oc1-riversiren',
    call: 'OC1',
    challenge: 'D2-C1',
    consortium: { 'wisla-monitoring': 40, brusafe: 36 },
    trl: [5, 7],
    months: 12,
    language: 'en',
    acronym: 'RIVERSIREN',
    title: 'River sensing and cell-broadcast warnings for small municipalities',
    abstract:
      'Small municipalities along fast-rising rivers have neither gauges nor warning systems. RIVERSIREN will connect cheap river-level sensors to cell-broadcast and app alerts, with thresholds set by the municipality and messages prepared in advance.',
    output: 'prototype',
    submitted: [],
    note: 'left as a draft',
  }),
  // D3-C1 Real-time information for public-space security, D3-C2 rapid analysis during major events
  a({
    key: 'oc1-festisim',
    call: 'OC1',
    challenge: 'D3-C1',
    consortium: { foulecalc: 40, crowdlens: 38, 'demo-city': 6 },
    trl: [6, 8],
    months: 12,
    language: 'fr',
    acronym: 'FESTISIM',
    title: 'Plateforme de simulation et d’entraînement pour la sécurité des festivals',
    abstract:
      'FESTISIM relie la simulation de foules de FouleCalc au comptage anonyme des flux de Crowdlens : les organisateurs préparent leur plan de sécurité sur un jumeau numérique du site, puis le confrontent en direct aux flux mesurés pendant l’événement. La ville de Démoville valide le démonstrateur lors de son festival d’été.',
    output: 'demonstrator',
    validator: 'Ville de Démoville',
    submitted: ['2022-04-26T15:20'],
  }),
  a({
    key: 'oc1-citizenlink',
    call: 'OC1',
    challenge: 'D3-C1',
    consortium: { 'praca-segura': 38, brusafe: 36 },
    trl: [5, 7],
    months: 12,
    language: 'en',
    acronym: 'CITIZENLINK',
    title: 'Citizen reports and alerts routed to the event control room',
    abstract:
      'Visitors of a major event see problems long before the control room does. CITIZENLINK lets them report incidents from their phones, routes and deduplicates the reports in the control room, and sends targeted alerts back to the people in the affected area through apps and cell broadcast.',
    output: 'prototype',
    submitted: ['2022-04-23T10:10'],
  }),
  a({
    key: 'oc1-triagelive',
    call: 'OC1',
    challenge: 'D3-C2',
    consortium: { 'emerald-response': 40, lagebild: 40 },
    trl: [6, 8],
    months: 12,
    language: 'en',
    acronym: 'TRIAGELIVE',
    title: 'A live common operating picture of casualties during major events',
    abstract:
      'During a major event, the numbers and locations of casualties are known to the ambulance service, the police and the organiser, but never in one place. TRIAGELIVE connects digital triage tags to a common operating picture shared by the control rooms, updated within seconds.',
    output: 'demonstrator',
    submitted: ['2022-04-11T16:00'],
  }),
  a({
    key: 'oc1-signalsift',
    call: 'OC1',
    challenge: 'D3-C2',
    consortium: { 'folla-sicura': 42, 'harjutus-labs': 30 },
    trl: [5, 7],
    months: 12,
    language: 'en',
    acronym: 'SIGNALSIFT',
    title: 'Triage of messages and social media for event decision makers',
    abstract:
      'SIGNALSIFT sorts the flood of calls, messages and social-media posts that reach a control room during a major event, links them to what the cameras see, and surfaces within minutes the few that matter to decision makers, tested in a crisis exercise with a regional authority.',
    output: 'prototype',
    submitted: ['2022-04-25T11:25'],
  }),
  a({
    key: 'oc1-aforo',
    call: 'OC1',
    challenge: 'D3-C1',
    consortium: { 'aforo-seguro': 44, incendia: 40 },
    trl: [6, 8],
    months: 10,
    language: 'en',
    acronym: 'AFORO',
    title: 'Access and occupancy control for open-air events',
    abstract:
      'Open-air events have no turnstiles, yet organisers must know how many people are in each zone. AFORO counts entries and exits at temporary gates, estimates the occupancy of each zone in real time and warns stewards before a zone becomes dangerous, including when smoke from nearby fires forces an evacuation.',
    output: 'demonstrator',
    submitted: ['2022-04-26T08:55'],
    note: 'both partners in Spain: not cross-border (allowed)',
  }),
]
