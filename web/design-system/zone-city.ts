/**
 * The city that names a time zone (`Europe/Brussels` → Brussels, Bruxelles, Brussel), in the reader's
 * language. The platform's Intl has no exemplar-city names, so the zones of the EU and the countries
 * associated to Horizon Europe carry their French and Dutch names here; any other zone falls back to
 * the city of its IANA name.
 */
const cityNames: Record<string, { fr?: string; nl?: string }> = {
  'Europe/Amsterdam': {},
  'Europe/Athens': { fr: 'Athènes', nl: 'Athene' },
  'Europe/Belgrade': {},
  'Europe/Berlin': { nl: 'Berlijn' },
  'Europe/Bratislava': {},
  'Europe/Brussels': { fr: 'Bruxelles', nl: 'Brussel' },
  'Europe/Bucharest': { fr: 'Bucarest', nl: 'Boekarest' },
  'Europe/Budapest': { nl: 'Boedapest' },
  'Europe/Chisinau': {},
  'Europe/Copenhagen': { fr: 'Copenhague', nl: 'Kopenhagen' },
  'Europe/Dublin': {},
  'Europe/Helsinki': {},
  'Europe/Istanbul': {},
  'Europe/Kiev': { fr: 'Kyiv', nl: 'Kyiv' },
  'Europe/Kyiv': {},
  'Europe/Lisbon': { fr: 'Lisbonne', nl: 'Lissabon' },
  'Europe/Ljubljana': {},
  'Europe/London': { fr: 'Londres', nl: 'Londen' },
  'Europe/Luxembourg': { nl: 'Luxemburg' },
  'Europe/Madrid': {},
  'Europe/Malta': { fr: 'Malte' },
  'Europe/Oslo': {},
  'Europe/Paris': { nl: 'Parijs' },
  'Europe/Podgorica': {},
  'Europe/Prague': { nl: 'Praag' },
  'Europe/Riga': {},
  'Europe/Rome': {},
  'Europe/Sarajevo': {},
  'Europe/Skopje': {},
  'Europe/Sofia': {},
  'Europe/Stockholm': {},
  'Europe/Tallinn': {},
  'Europe/Tirane': { fr: 'Tirana', nl: 'Tirana' },
  'Europe/Vaduz': {},
  'Europe/Vienna': { fr: 'Vienne', nl: 'Wenen' },
  'Europe/Vilnius': {},
  'Europe/Warsaw': { fr: 'Varsovie', nl: 'Warschau' },
  'Europe/Zagreb': {},
  'Europe/Zurich': { fr: 'Zurich', nl: 'Zürich' },
  'Atlantic/Reykjavik': {},
  'Asia/Jerusalem': { fr: 'Jérusalem', nl: 'Jeruzalem' },
  'Asia/Nicosia': { fr: 'Nicosie' },
  'Asia/Tbilisi': { fr: 'Tbilissi' },
  'Asia/Yerevan': { fr: 'Erevan', nl: 'Jerevan' },
  'Africa/Tunis': {},
  'America/New_York': { nl: 'New York' },
}

const aliases: Record<string, string> = { 'Europe/Kiev': 'Europe/Kyiv' }

/** `Europe/Brussels` → `Brussels` (en), `Bruxelles` (fr), `Brussel` (nl). */
export function zoneCity(zone: string, locale = 'en'): string {
  const lang = locale.slice(0, 2) as 'fr' | 'nl'
  const name = cityNames[zone]?.[lang] ?? cityNames[aliases[zone] ?? '']?.[lang]
  if (name) return name
  return ((aliases[zone] ?? zone).split('/').pop() ?? zone).replaceAll('_', ' ')
}
