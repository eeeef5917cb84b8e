/** Demo solutions of Spanish and Italian organisations. */
import { type SeedSolution, s } from './types.ts'

export const esItSolutions: SeedSolution[] = [
  // Incendia (ES)
  s({
    key: 'incendia-propagacion',
    org: 'incendia',
    name: 'Propagación Incendia',
    pitch:
      'Simulación de la propagación de un incendio forestal en 5 minutos para decidir evacuaciones y medios aéreos.',
    type: 'data_model',
    language: 'es',
    trl: 6,
    targetTrl: 8,
    ip: 'proprietary',
    domains: ['D2'],
    challenges: ['D2-C2', 'D2-C1'],
    tags: ['jrc:T07', 'jrc:T12', 'enisa:disaster:fire'],
    description:
      'El modelo combina combustible, relieve y viento previsto para calcular el perímetro del incendio cada 30 minutos durante las próximas seis horas. Funciona en un portátil en el puesto de mando avanzado.',
    problem:
      'Los jefes de extinción deciden evacuaciones sin saber hacia dónde avanzará el fuego en las próximas horas.',
    users: ['first_responders', 'municipalities'],
    references: [['emergency_service', 'ES', 2023, 'Temporada de incendios con un servicio provincial']],
    confidence: 4,
  }),
  // SismoAlerta (ES)
  s({
    key: 'sismoalerta-red',
    org: 'sismoalerta',
    name: 'Red SismoAlerta',
    pitch: 'Sensores sísmicos de bajo coste que avisan segundos antes de la llegada de las ondas destructivas.',
    type: 'hardware',
    language: 'es',
    trl: 5,
    targetTrl: 7,
    ip: 'patent_pending',
    domains: ['D2'],
    challenges: ['D2-C1'],
    tags: ['jrc:T16', 'jrc:T07'],
    description:
      'Una red densa de acelerómetros instalados en edificios públicos detecta las ondas primarias y envía una alerta a escuelas y hospitales cercanos antes de que lleguen las ondas secundarias.',
    problem:
      'Las redes sísmicas nacionales son demasiado dispersas para avisar a tiempo a las ciudades cercanas al epicentro.',
    users: ['municipalities', 'citizens', 'healthcare'],
    confidence: 3,
  }),
  // Guardia Digital (ES)
  s({
    key: 'ciberejercicio',
    org: 'guardia-digital',
    name: 'Ciberejercicios para operadores esenciales',
    pitch:
      'Ejercicios de crisis cibernética a medida, con réplica técnica del entorno del operador y evaluación de la respuesta.',
    type: 'methodology',
    language: 'es',
    trl: 8,
    targetTrl: 9,
    ip: 'proprietary',
    domains: ['D1'],
    challenges: ['D1-C1'],
    tags: ['jrc:D04.01', 'jrc:D04.05'],
    description:
      'Cada ejercicio combina una réplica técnica con decisiones de dirección: comunicación, notificación a la autoridad y continuidad del servicio. La evaluación se basa en indicadores acordados con el operador.',
    problem: 'Los planes de respuesta a incidentes no se prueban hasta el día del ataque real.',
    users: ['critical_infrastructure'],
    references: [
      ['infrastructure_operator', 'ES', 2022, 'Operador eléctrico'],
      ['infrastructure_operator', 'PT', 2024, 'Empresa de aguas'],
    ],
    confidence: 5,
  }),
  s({
    key: 'cyber-range',
    org: 'guardia-digital',
    name: 'OT cyber range',
    pitch:
      'A cyber range with real industrial controllers where operators train against live attacks on water and power processes.',
    type: 'service',
    language: 'en',
    trl: 7,
    targetTrl: 8,
    ip: 'proprietary',
    domains: ['D1'],
    challenges: ['D1-C1'],
    tags: ['jrc:D04.01', 'jrc:T14'],
    description:
      'Trainees defend a physical mock-up of a water plant and a substation driven by real controllers. Instructors replay attacks observed in the wild and score detection and recovery.',
    problem:
      'Operators rarely see an industrial attack before the real one, and their IT training uses office networks.',
    users: ['critical_infrastructure'],
    confidence: 4,
  }),
  // Aforo Seguro (ES, anonymous profile)
  s({
    key: 'aforo-control',
    org: 'aforo-seguro',
    name: 'Control de aforo en tiempo real',
    pitch: 'Tornos y sensores que cuentan entradas y salidas por sector y avisan antes de superar el aforo autorizado.',
    type: 'hardware',
    language: 'es',
    visibility: 'anonymous',
    trl: 7,
    targetTrl: 8,
    ip: 'proprietary',
    domains: ['D3'],
    challenges: ['D3-C3'],
    tags: ['jrc:T06', 'jrc:T16'],
    description:
      'Cada puerta del recinto cuenta personas en ambos sentidos y el sistema calcula la ocupación de cada sector. El jefe de seguridad ve la ocupación en una tableta y recibe avisos cuando un sector se acerca a su límite.',
    problem: 'El aforo de los recintos se controla con contadores manuales que no ven las salidas.',
    users: ['event_organisers', 'private_security'],
    references: [['private_company', 'ES', 2024, 'Fiestas patronales con 40 000 asistentes']],
    confidence: 4,
  }),
  // Sentinella (IT)
  s({
    key: 'sentinella-robot',
    org: 'sentinella',
    name: 'Robot di pattuglia Sentinella',
    pitch:
      'Robot autonomo che pattuglia di notte piazzali e magazzini, con telecamere termiche e dialogo con la centrale.',
    type: 'hardware',
    language: 'it',
    trl: 7,
    targetTrl: 8,
    ip: 'patented',
    domains: ['D1'],
    challenges: ['D1-C2'],
    tags: ['jrc:T20', 'jrc:T10'],
    description:
      'Il robot segue percorsi programmati, evita gli ostacoli e segnala persone e porte aperte alla centrale di vigilanza. L’operatore può prenderne il controllo e parlare attraverso il suo altoparlante.',
    problem: 'Le guardie notturne coprono grandi piazzali logistici con ronde lunghe e ripetitive.',
    users: ['private_security', 'critical_infrastructure'],
    references: [['private_company', 'IT', 2024, 'Polo logistico vicino a Torino']],
    confidence: 4,
  }),
  // Vesuvio Data (IT)
  s({
    key: 'mappe-pericolosita',
    org: 'vesuvio-data',
    name: 'Mappe di pericolosità aggiornate',
    pitch:
      'Mappe di pericolosità per frane, alluvioni e cenere vulcanica aggiornate ogni giorno per la protezione civile.',
    type: 'data_model',
    language: 'it',
    trl: 5,
    targetTrl: 7,
    ip: 'licensed',
    domains: ['D2'],
    challenges: ['D2-C1'],
    tags: ['jrc:T07', 'jrc:T02', 'jrc:T21'],
    description:
      'Le mappe combinano dati satellitari, pluviometri e modelli del terreno. Sono distribuite in formati aperti e possono essere caricate nei sistemi cartografici dei comuni.',
    problem:
      'Le mappe di pericolosità ufficiali sono aggiornate ogni pochi anni e non tengono conto delle condizioni del giorno.',
    users: ['municipalities', 'first_responders'],
    confidence: 3,
  }),
  // Folla Sicura (IT)
  s({
    key: 'folla-video',
    org: 'folla-sicura',
    name: 'Analisi video della folla',
    pitch: 'Rileva cadute, movimenti controcorrente e ondate di folla nelle telecamere di stazioni e stadi.',
    type: 'software',
    language: 'it',
    trl: 6,
    targetTrl: 8,
    ip: 'proprietary',
    domains: ['D3'],
    challenges: ['D3-C3', 'D3-C2'],
    tags: ['jrc:T06', 'jrc:T01'],
    description:
      'Il software analizza i flussi delle telecamere esistenti e segnala gli eventi anomali all’operatore, con un estratto video di pochi secondi. Nessun volto viene riconosciuto o conservato.',
    problem: 'Gli operatori di sala controllo non riescono a seguire centinaia di telecamere durante un grande evento.',
    users: ['event_organisers', 'transport_operators', 'law_enforcement'],
    confidence: 4,
  }),
  // NuvolaCert (IT)
  s({
    key: 'cloud-assurance',
    org: 'nuvolacert',
    name: 'Cloud assurance for public bodies',
    pitch:
      'Continuous security assessment of the cloud services a public body buys, mapped to national qualification schemes.',
    type: 'service',
    language: 'en',
    trl: 8,
    targetTrl: 9,
    ip: 'proprietary',
    domains: ['D1'],
    challenges: ['D1-C1'],
    tags: ['jrc:D01.04', 'jrc:T04'],
    description:
      'Assessors review the provider’s controls, test the configuration of the tenant and monitor it monthly. Reports follow the structure public buyers need for their qualification files.',
    problem: 'Public bodies move to cloud services without the skills to check their security claims.',
    users: ['municipalities', 'healthcare'],
    references: [['public_authority', 'IT', 2023, 'A regional health authority']],
    confidence: 4,
  }),
]
