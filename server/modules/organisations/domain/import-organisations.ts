/**
 * Import of organisations, the pure part: header synonyms (English, French, Dutch, and our own export's
 * headers), and one row's validation against the reference data the command loads. Every error has a
 * stable code (`required`, `unknown_country`, `invalid_number`, `registration_number_taken`…).
 */
import {
  type OrganisationImportField,
  type OrganisationImportMapping,
  organisationImportFields,
} from '../../../../shared/contracts/organisation-transfer.ts'
import {
  type OrganisationType,
  organisationInput,
  organisationTypes,
} from '../../../../shared/contracts/organisations.ts'
import { maxMoneyCents, type ProfileVisibility, profileVisibilities } from '../../../../shared/contracts/profiles.ts'
import { countryCodes } from '../../../../shared/countries.ts'
import {
  cellsByField,
  normaliseHeader,
  type RowError,
  type RowResult,
  suggestColumnMapping,
} from '../../../platform/export/mapping.ts'
import { isParseError, parseDecimal, parseEuroCents, parseWhole, splitList } from '../../../platform/export/values.ts'

export const organisationSynonyms: Record<OrganisationImportField, readonly string[]> = {
  legalName: [
    'legal name',
    'name',
    'organisation',
    'organization',
    'company',
    'raison sociale',
    'nom',
    'denomination',
    'nom legal',
    'naam',
    'officiele naam',
    'bedrijfsnaam',
  ],
  shortName: ['short name', 'acronym', 'sigle', 'nom court', 'acroniem', 'korte naam', 'afkorting'],
  legalForm: ['legal form', 'forme juridique', 'rechtsvorm'],
  country: ['country', 'country code', 'pays', 'land', 'landcode'],
  registrationNumber: [
    'registration number',
    'vat',
    'vat number',
    'company number',
    'siren',
    'siret',
    'numero tva',
    'numero d entreprise',
    'ondernemingsnummer',
    'kvk',
    'btw nummer',
    'registratienummer',
  ],
  website: ['website', 'web site', 'url', 'site web', 'site internet', 'webstek'],
  type: ['type', 'organisation type', 'kind', 'categorie', 'type d organisation', 'soort'],
  description: ['description', 'about', 'presentation', 'beschrijving', 'omschrijving'],
  headcount: [
    'headcount',
    'staff',
    'employees',
    'awu',
    'staff headcount awu',
    'effectif',
    'effectifs',
    'uta',
    'personeel',
    'werknemers',
    'aantal werknemers',
    'jaarlijkse arbeidseenheden',
  ],
  annualTurnover: [
    'annual turnover',
    'turnover',
    'annual turnover eur',
    'chiffre d affaires',
    'ca',
    'omzet',
    'jaaromzet',
  ],
  balanceSheet: [
    'balance sheet',
    'balance sheet total',
    'balance sheet total eur',
    'total du bilan',
    'bilan',
    'balanstotaal',
    'balans',
  ],
  financialYear: ['financial year', 'fiscal year', 'exercice', 'annee des chiffres', 'boekjaar'],
  foundedYear: [
    'founded',
    'founded year',
    'year founded',
    'year of establishment',
    'annee de creation',
    'creation',
    'oprichtingsjaar',
    'opgericht',
  ],
  region: ['region', 'province', 'regio', 'provincie'],
  visibility: ['visibility', 'profile visibility', 'visibilite', 'zichtbaarheid'],
  tags: ['tags', 'expertise', 'expertise tags', 'keywords', 'mots cles', 'etiquettes', 'trefwoorden', 'labels'],
}

export function suggestOrganisationMapping(headers: readonly string[]): OrganisationImportMapping {
  return suggestColumnMapping(headers, organisationImportFields, organisationSynonyms)
}

/** The reference data a row is checked against, loaded once per import. */
export interface OrganisationImportLookups {
  /** `country|registration number` (lower case) of the organisations already registered. */
  registered: Set<string>
  /** Lower-cased `taxonomy:code`, code or name → term ids (more than one: ambiguous). */
  terms: Map<string, string[]>
  /** Normalised organisation-type codes and labels (en, fr, nl) → type. */
  types: Map<string, OrganisationType>
  now: Date
}

export interface ImportedOrganisation {
  legalName: string
  shortName: string | null
  legalForm: string | null
  country: string
  registrationNumber: string | null
  website: string | null
  type: OrganisationType
  description: string
  headcount: number | null
  annualTurnoverCents: number | null
  balanceSheetCents: number | null
  financialYear: number | null
  foundedYear: number | null
  region: string | null
  visibility: ProfileVisibility
  tagIds: string[]
}

const displayNames = ['en', 'fr', 'nl', 'de', 'es', 'it'].map((l) => new Intl.DisplayNames([l], { type: 'region' }))
let countryIndex: Map<string, string> | undefined
/** An ISO code, or a country's name in one of six languages ("Belgique", "Nederland", "Deutschland"). */
export function countryOf(raw: string): string | null {
  const code = raw.trim().toUpperCase()
  if ((countryCodes as readonly string[]).includes(code)) return code
  if (!countryIndex) {
    countryIndex = new Map()
    for (const c of countryCodes) {
      for (const names of displayNames) {
        try {
          const n = names.of(c)
          if (n) countryIndex.set(normaliseHeader(n), c)
        } catch {
          // an unknown region code: no name
        }
      }
    }
  }
  return countryIndex.get(normaliseHeader(raw)) ?? null
}

const visibilityWords: Record<string, ProfileVisibility> = {
  public: 'public',
  publique: 'public',
  openbaar: 'public',
  members: 'members',
  membres: 'members',
  leden: 'members',
  programmemembers: 'members',
  anonymous: 'anonymous',
  anonyme: 'anonymous',
  anoniem: 'anonymous',
}

/** The type codes and their labels in the three UI languages, normalised. */
export function typeIndex(labels: Record<string, Record<string, string>>): Map<string, OrganisationType> {
  const out = new Map<string, OrganisationType>()
  for (const t of organisationTypes) {
    out.set(normaliseHeader(t), t)
    for (const lang of Object.values(labels)) if (lang[t]) out.set(normaliseHeader(lang[t]), t)
  }
  return out
}

const codeOf = (message: string, fallback: string) => (/^[a-z][a-z0-9_]*$/.test(message) ? message : fallback)

/**
 * Validates one data row. `seen` collects the registration numbers of the earlier rows of the same
 * file: a second row for the same legal entity is refused like an already registered one.
 */
export function validateOrganisationRow(
  cells: readonly string[],
  mapping: OrganisationImportMapping,
  lookups: OrganisationImportLookups,
  seen: Set<string>,
): RowResult<ImportedOrganisation> {
  const errors: RowError[] = []
  const get = cellsByField(cells, mapping)

  const rawCountry = get('country')
  const country = rawCountry === '' ? null : countryOf(rawCountry)
  if (rawCountry === '') errors.push({ field: 'country', code: 'required' })
  else if (!country) errors.push({ field: 'country', code: 'unknown_country', value: rawCountry })

  let type: OrganisationType = 'sme'
  const rawType = get('type')
  if (rawType !== '') {
    const found = lookups.types.get(normaliseHeader(rawType))
    if (found) type = found
    else errors.push({ field: 'type', code: 'unknown_type', value: rawType })
  }

  // Identity fields: the same rules as the registration form (one contract).
  const identity = organisationInput.safeParse({
    legalName: get('legalName'),
    shortName: get('shortName'),
    legalForm: get('legalForm'),
    country: country ?? 'BE',
    registrationNumber: get('registrationNumber'),
    website: get('website'),
    type,
    description: get('description'),
  })
  if (!identity.success) {
    for (const issue of identity.error.issues) {
      const field = String(issue.path[0])
      const code =
        field === 'legalName' && get('legalName') === ''
          ? 'required'
          : codeOf(issue.message, issue.code === 'too_big' ? 'too_long' : 'invalid')
      errors.push({
        field,
        code,
        ...(field === 'website' || field === 'registrationNumber' ? { value: get(field) } : {}),
      })
    }
  }

  const number = (field: OrganisationImportField, parse: typeof parseDecimal, max: number) => {
    const raw = get(field)
    const v = parse(raw)
    if (v === null) return null
    if (isParseError(v)) {
      errors.push({ field, code: v.error, value: raw })
      return null
    }
    if (v < 0 || v > max) {
      errors.push({ field, code: 'out_of_range', value: raw })
      return null
    }
    return v
  }
  const headcount = number('headcount', parseDecimal, 10_000_000)
  if (headcount !== null && Math.abs(Math.round(headcount * 100) - headcount * 100) > 1e-6) {
    errors.push({ field: 'headcount', code: 'two_decimals', value: get('headcount') })
  }
  const annualTurnoverCents = number('annualTurnover', parseEuroCents, maxMoneyCents)
  const balanceSheetCents = number('balanceSheet', parseEuroCents, maxMoneyCents)
  const thisYear = lookups.now.getUTCFullYear()
  const financialYear = number('financialYear', parseWhole, 9999)
  const foundedYear = number('foundedYear', parseWhole, 9999)
  if (foundedYear !== null && (foundedYear < 1800 || foundedYear > thisYear)) {
    errors.push({
      field: 'foundedYear',
      code: foundedYear > thisYear ? 'future_year' : 'out_of_range',
      value: String(foundedYear),
    })
  }
  if (financialYear !== null && (financialYear < 1900 || financialYear > thisYear)) {
    errors.push({
      field: 'financialYear',
      code: financialYear > thisYear ? 'future_year' : 'out_of_range',
      value: String(financialYear),
    })
  }

  const region = get('region')
  if (region.length > 100) errors.push({ field: 'region', code: 'too_long' })

  let visibility: ProfileVisibility = 'public'
  const rawVisibility = get('visibility')
  if (rawVisibility !== '') {
    const v = visibilityWords[normaliseHeader(rawVisibility)]
    if (v && (profileVisibilities as readonly string[]).includes(v)) visibility = v
    else errors.push({ field: 'visibility', code: 'invalid_visibility', value: rawVisibility })
  }

  const tagIds: string[] = []
  for (const token of splitList(get('tags'))) {
    const ids = lookups.terms.get(token.toLowerCase())
    if (!ids || ids.length === 0) errors.push({ field: 'tags', code: 'unknown_tag', value: token })
    else if (ids.length > 1) errors.push({ field: 'tags', code: 'ambiguous_tag', value: token })
    else if (!tagIds.includes(ids[0]!)) tagIds.push(ids[0]!)
  }
  if (tagIds.length > 30) errors.push({ field: 'tags', code: 'too_many' })

  const registrationNumber = identity.success ? (identity.data.registrationNumber ?? null) : null
  if (registrationNumber && country) {
    const key = `${country}|${registrationNumber.toLowerCase()}`
    if (lookups.registered.has(key)) {
      errors.push({ field: 'registrationNumber', code: 'registration_number_taken', value: registrationNumber })
    } else if (seen.has(key)) {
      errors.push({ field: 'registrationNumber', code: 'duplicate_in_file', value: registrationNumber })
    }
    seen.add(key)
  }

  if (errors.length > 0 || !identity.success || !country) return { ok: false, errors }
  const d = identity.data
  return {
    ok: true,
    value: {
      legalName: d.legalName,
      shortName: d.shortName ?? null,
      legalForm: d.legalForm ?? null,
      country,
      registrationNumber,
      website: d.website ?? null,
      type,
      description: d.description,
      headcount,
      annualTurnoverCents,
      balanceSheetCents,
      financialYear,
      foundedYear,
      region: region === '' ? null : region,
      visibility,
      tagIds,
    },
  }
}
