/**
 * The SecurIT programme as it really was (H2020 INNOSUP, grant 101005292), for the demo. Facts come
 * from the programme's public pages and CORDIS (see ../shared/DOMAIN.md §1, sources S01–S10); the
 * descriptions are written by us. Later modules add to this file (challenges, calls' rules…).
 */
import type { LocalizedText } from '../../shared/contracts/common.ts'

export interface SeedOrganisation {
  key: string
  legalName: string
  shortName: string
  country: string
  type: 'cluster'
  website: string
  description: string
}

export interface SeedCluster extends SeedOrganisation {
  role: 'coordinator' | 'partner' | 'platform'
  about: LocalizedText
}

export const securit = {
  slug: 'securit',
  acronym: 'SecurIT',
  name: 'New industrial value chain for Safe, sECure and Resilient cIties and Territories',
  grantReference: 'H2020 INNOSUP, grant agreement 101005292',
  website: 'https://securit-project.eu',
  startsOn: '2021-09-01',
  endsOn: '2024-08-31',
  timeZone: 'Europe/Brussels',
  summary: {
    en: 'Eight European security clusters co-finance prototypes and demonstrators built by consortia of security SMEs, for safe, secure and resilient cities and territories.',
    fr: 'Huit clusters européens de la sécurité cofinancent des prototypes et des démonstrateurs réalisés par des consortiums de PME de la sécurité, pour des villes et des territoires sûrs, sécurisés et résilients.',
    nl: 'Acht Europese veiligheidsclusters financieren samen prototypes en demonstrators die consortia van veiligheids-mkb’s bouwen, voor veilige, beveiligde en veerkrachtige steden en regio’s.',
  },
  description: {
    en: 'SecurIT works along three lines. First, the clusters listen to end-users — cities, operators of critical infrastructure, first responders and police — and to integrators, and turn their needs into challenges. Second, they look across Europe for security solutions that are already at technology readiness levels 5 to 8. Third, they help SMEs from different countries meet and form consortia, which then answer one of two open calls. Selected consortia receive a sub-grant to build a prototype or a demonstrator, tested with the end-users who asked for it.',
    fr: 'SecurIT avance sur trois axes. D’abord, les clusters écoutent les utilisateurs finaux — villes, opérateurs d’infrastructures critiques, primo-intervenants et forces de police — ainsi que les intégrateurs, et transforment leurs besoins en défis. Ensuite, ils recherchent dans toute l’Europe des solutions de sécurité déjà aux niveaux de maturité technologique 5 à 8. Enfin, ils aident des PME de pays différents à se rencontrer et à former des consortiums, qui répondent à l’un des deux appels ouverts. Les consortiums retenus reçoivent une sous-subvention pour construire un prototype ou un démonstrateur, testé avec les utilisateurs finaux à l’origine du besoin.',
    nl: 'SecurIT werkt langs drie lijnen. Eerst luisteren de clusters naar eindgebruikers — steden, beheerders van vitale infrastructuur, hulpdiensten en politie — en naar integratoren, en maken van hun behoeften uitdagingen. Daarna zoeken ze in heel Europa naar veiligheidsoplossingen die al op technologische gereedheidsniveau 5 tot 8 staan. Ten slotte helpen ze mkb’s uit verschillende landen elkaar te vinden en consortia te vormen, die op een van de twee open oproepen reageren. Geselecteerde consortia krijgen een subsidie om een prototype of demonstrator te bouwen, getest met de eindgebruikers die erom vroegen.',
  },
  clusters: [
    {
      key: 'safe-cluster',
      legalName: 'Safe Cluster',
      shortName: 'Safe Cluster',
      country: 'FR',
      type: 'cluster',
      website: 'https://www.safecluster.com',
      description: 'Cluster for aeronautics, safety and security, defence and environmental risks.',
      role: 'coordinator',
      about: {
        en: 'Coordinator. A French cluster for aeronautics, safety and security, defence and environmental risks; it hosted the end-user workshops of November 2021.',
        fr: 'Coordinateur. Cluster français de l’aéronautique, de la sûreté et de la sécurité, de la défense et des risques environnementaux ; il a accueilli les ateliers utilisateurs de novembre 2021.',
        nl: 'Coördinator. Een Frans cluster voor luchtvaart, veiligheid en beveiliging, defensie en milieurisico’s; het organiseerde de eindgebruikersworkshops van november 2021.',
      },
    },
    {
      key: 'pole-scs',
      legalName: 'Pôle SCS',
      shortName: 'SCS',
      country: 'FR',
      type: 'cluster',
      website: 'https://www.pole-scs.org',
      description: 'Ecosystem for digital technology and cybersecurity, IoT, AI and big data, and microelectronics.',
      role: 'partner',
      about: {
        en: 'A French ecosystem for digital technology and cybersecurity, the internet of things, artificial intelligence and big data, and microelectronics.',
        fr: 'Écosystème français du numérique et de la cybersécurité, de l’internet des objets, de l’intelligence artificielle et du big data, et de la microélectronique.',
        nl: 'Een Frans ecosysteem voor digitale technologie en cyberbeveiliging, het internet der dingen, kunstmatige intelligentie en big data, en micro-elektronica.',
      },
    },
    {
      key: 'lsec',
      legalName: 'LSEC – Leaders in Security',
      shortName: 'LSEC',
      country: 'BE',
      type: 'cluster',
      website: 'https://www.lsec.eu',
      description: 'European ICT security cluster.',
      role: 'partner',
      about: {
        en: 'A European cluster for information and cyber security, based in Belgium.',
        fr: 'Cluster européen de la sécurité de l’information et de la cybersécurité, basé en Belgique.',
        nl: 'Een Europees cluster voor informatie- en cyberbeveiliging, gevestigd in België.',
      },
    },
    {
      key: 'l3ce',
      legalName: 'Lithuanian Cybercrime Center of Excellence for Training, Research and Education',
      shortName: 'L3CE',
      country: 'LT',
      type: 'cluster',
      website: 'https://www.l3ce.eu',
      description: 'Centre of excellence against cybercrime: training, research and education.',
      role: 'partner',
      about: {
        en: 'A Lithuanian centre of excellence against cybercrime, for training, research and education; it hosted the kick-off of the second call’s projects in Vilnius in July 2023.',
        fr: 'Centre d’excellence lituanien de lutte contre la cybercriminalité (formation, recherche, éducation) ; il a accueilli à Vilnius, en juillet 2023, le lancement des projets du second appel.',
        nl: 'Een Litouws expertisecentrum tegen cybercriminaliteit, voor opleiding, onderzoek en onderwijs; het ontving in juli 2023 in Vilnius de start van de projecten van de tweede oproep.',
      },
    },
    {
      key: 'hsd',
      legalName: 'The Hague Security Delta',
      shortName: 'HSD',
      country: 'NL',
      type: 'cluster',
      website: 'https://securitydelta.nl',
      description: 'Dutch security cluster.',
      role: 'partner',
      about: {
        en: 'The Dutch security cluster; in SecurIT it supported applicant SMEs and ran matchmaking.',
        fr: 'Le cluster néerlandais de la sécurité ; dans SecurIT, il a accompagné les PME candidates et organisé la mise en relation.',
        nl: 'Het Nederlandse veiligheidscluster; binnen SecurIT ondersteunde het aanvragende mkb’s en verzorgde het matchmaking.',
      },
    },
    {
      key: 'systematic',
      legalName: 'Systematic Paris-Region',
      shortName: 'Systematic',
      country: 'FR',
      type: 'cluster',
      website: 'https://systematic-paris-region.org',
      description: 'Deep-tech ecosystem of the Paris region.',
      role: 'partner',
      about: {
        en: 'The deep-tech ecosystem of the Paris region.',
        fr: 'L’écosystème deep tech de la région parisienne.',
        nl: 'Het deeptech-ecosysteem van de regio Parijs.',
      },
    },
    {
      key: 'censec',
      legalName: 'CenSec – Center for Defence, Space and Security',
      shortName: 'CenSec',
      country: 'DK',
      type: 'cluster',
      website: 'https://censec.dk',
      description: 'Danish centre for defence, space and security.',
      role: 'partner',
      about: {
        en: 'The Danish cluster for defence, space and security companies.',
        fr: 'Le cluster danois des entreprises de la défense, de l’espace et de la sécurité.',
        nl: 'Het Deense cluster voor bedrijven in defensie, ruimtevaart en veiligheid.',
      },
    },
    {
      key: 'fundingbox',
      legalName: 'FundingBox',
      shortName: 'FundingBox',
      country: 'PL',
      type: 'cluster',
      website: 'https://fundingbox.com',
      description: 'Platform that matches innovators with funding opportunities.',
      role: 'platform',
      about: {
        en: 'A Polish platform that brings innovators to funding opportunities; in SecurIT it provided the matchmaking platform.',
        fr: 'Plateforme polonaise qui rapproche les innovateurs des opportunités de financement ; dans SecurIT, elle a fourni la plateforme de mise en relation.',
        nl: 'Een Pools platform dat innovatoren naar financieringskansen leidt; binnen SecurIT leverde het het matchmakingplatform.',
      },
    },
  ] satisfies SeedCluster[],
  domains: [
    {
      code: 'D1',
      name: {
        en: 'Sensitive infrastructure protection',
        fr: 'Protection des infrastructures sensibles',
        nl: 'Bescherming van gevoelige infrastructuur',
      },
      description: {
        en: 'Assets that society and the economy depend on — energy, telecoms, water, agriculture, airports, hospitals, industrial sites — facing hybrid threats across interdependent networks. Solutions must be maintainable, affordable and interoperable with existing systems.',
        fr: 'Les actifs dont dépendent la société et l’économie — énergie, télécoms, eau, agriculture, aéroports, hôpitaux, sites industriels — face à des menaces hybrides sur des réseaux interdépendants. Les solutions doivent être maintenables, abordables et interopérables avec l’existant.',
        nl: 'Voorzieningen waarop samenleving en economie steunen — energie, telecom, water, landbouw, luchthavens, ziekenhuizen, industriële locaties — tegenover hybride dreigingen in onderling afhankelijke netwerken. Oplossingen moeten onderhoudbaar, betaalbaar en koppelbaar met bestaande systemen zijn.',
      },
    },
    {
      code: 'D2',
      name: { en: 'Disaster resilience', fr: 'Résilience face aux catastrophes', nl: 'Weerbaarheid bij rampen' },
      description: {
        en: 'Prevention and preparedness, and stronger first and second responders in every phase of an operation: extreme weather, wildfires, earthquakes, pandemics, industrial accidents and failures of infrastructure.',
        fr: 'Prévention et préparation, et des primo- et seconds intervenants mieux armés à chaque phase d’une opération : phénomènes climatiques extrêmes, feux de forêt, séismes, pandémies, accidents industriels et défaillances d’infrastructures.',
        nl: 'Preventie en paraatheid, en sterkere eerste en tweede hulpverleners in elke fase van een inzet: extreem weer, bosbranden, aardbevingen, pandemieën, industriële ongevallen en uitval van infrastructuur.',
      },
    },
    {
      code: 'D3',
      name: {
        en: 'Public spaces protection and major events',
        fr: 'Protection des espaces publics et des grands événements',
        nl: 'Bescherming van openbare ruimten en grote evenementen',
      },
      description: {
        en: 'Keeping crowds safe in streets, squares, stations and festivals: gathering and sharing information in real time, and analysing it fast enough to act.',
        fr: 'Assurer la sécurité des foules dans les rues, sur les places, dans les gares et les festivals : recueillir et partager l’information en temps réel, et l’analyser assez vite pour agir.',
        nl: 'Mensenmassa’s veilig houden in straten, op pleinen, in stations en op festivals: informatie in real time verzamelen en delen, en die snel genoeg analyseren om te handelen.',
      },
    },
  ],
  /**
   * Closing dates are the real ones (OC1 closed 26 Apr 2022, OC2 14 Mar 2023; sources S05, S06).
   * The opening days are not published: we use the first working day of each call's planned window (S02).
   */
  calls: [
    {
      code: 'OC1',
      title: { en: 'Open call 1', fr: 'Appel ouvert 1', nl: 'Open oproep 1' },
      opensAt: '2022-01-03T09:00:00+01:00',
      closesAt: '2022-04-26T17:00:00+02:00',
    },
    {
      code: 'OC2',
      title: { en: 'Open call 2', fr: 'Appel ouvert 2', nl: 'Open oproep 2' },
      opensAt: '2023-02-01T09:00:00+01:00',
      closesAt: '2023-03-14T17:00:00+01:00',
    },
  ],
}
