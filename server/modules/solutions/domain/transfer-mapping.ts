/**
 * Import of solutions, the pure part: which column feeds which field (suggested from the headers in
 * English, French and Dutch, and from the catalogue export's own headers), whether a mapping is usable,
 * and one row's validation against the reference data the command loads. Every error has a stable code.
 */
import {
  type SolutionImportField,
  type SolutionImportMapping,
  solutionImportFields,
} from '../../../../shared/contracts/catalogue.ts'
import {
  type IpStatus,
  ipStatuses,
  pitchMax,
  type SolutionLanguage,
  type SolutionType,
  type SolutionVisibility,
  solutionLanguages,
  solutionNameMax,
  solutionTypes,
  solutionVisibilities,
} from '../../../../shared/contracts/solutions.ts'
import { countryCodes } from '../../../../shared/countries.ts'
import {
  checkColumnMapping,
  normaliseHeader,
  type RowError,
  suggestColumnMapping,
} from '../../../platform/export/mapping.ts'
import { splitList } from '../../../platform/export/values.ts'

export const requiredFields: readonly SolutionImportField[] = ['name', 'pitch', 'type']
/** At least one of these: a solution always belongs to an organisation. */
export const organisationFields: readonly SolutionImportField[] = ['organisationRegistrationNumber', 'organisationName']

const synonyms: Record<SolutionImportField, string[]> = {
  name: ['name', 'solution', 'solutionname', 'nom', 'nomdelasolution', 'naam', 'oplossing', 'title', 'titre', 'titel'],
  pitch: ['pitch', 'oneliner', 'tagline', 'summary', 'accroche', 'resume', 'samenvatting', 'slogan'],
  type: ['type', 'solutiontype', 'typedesolution', 'soort', 'kind'],
  organisationRegistrationNumber: [
    'registrationnumber',
    'organisationregistrationnumber',
    'companynumber',
    'vat',
    'vatnumber',
    'siren',
    'siret',
    'numerodenregistrement',
    'numerotva',
    'registratienummer',
    'ondernemingsnummer',
    'kvknummer',
    'kvk',
    'btwnummer',
  ],
  organisationName: [
    'organisation',
    'organization',
    'organisationname',
    'organizationname',
    'company',
    'owner',
    'supplier',
    'entreprise',
    'societe',
    'organisme',
    'fournisseur',
    'organisatie',
    'bedrijf',
    'leverancier',
    'legalname',
  ],
  organisationCountry: ['country', 'organisationcountry', 'pays', 'land'],
  status: ['status', 'statut', 'publication'],
  visibility: ['visibility', 'solutionvisibility', 'visibilite', 'zichtbaarheid'],
  language: ['language', 'langue', 'taal', 'lang'],
  description: ['description', 'omschrijving', 'beschrijving'],
  problem: ['problem', 'problemaddressed', 'probleme', 'problemeadresse', 'probleem'],
  ipStatus: ['ipstatus', 'ip', 'intellectualproperty', 'proprieteintellectuelle', 'pi', 'intellectueleeigendom'],
  targetTrl: ['targettrl', 'trltarget', 'trlcible', 'trlvise', 'doeltrl'],
  domains: ['domains', 'domain', 'domaines', 'domaine', 'domeinen', 'domein'],
  challenges: ['challenges', 'challenge', 'defis', 'defi', 'uitdagingen', 'uitdaging'],
  tags: ['tags', 'keywords', 'etiquettes', 'motscles', 'labels', 'trefwoorden'],
}

/** The suggested mapping (platform/export: exact synonym first, else a header starting with one). */
export function suggestMapping(headers: readonly string[]): SolutionImportMapping {
  return suggestColumnMapping(headers, solutionImportFields, synonyms)
}

/** Problems with the mapping itself; an import with any of these reads no row. */
export function checkMapping(mapping: SolutionImportMapping, columnCount: number): RowError[] {
  const errors = checkColumnMapping(mapping, columnCount, requiredFields)
  if (organisationFields.every((f) => mapping[f] === undefined)) {
    errors.push({ field: 'organisation', code: 'field_not_mapped' })
  }
  return errors
}

export interface LookupOrganisation {
  id: string
  name: string
  country: string
}

/** The reference data rows are checked against, loaded once per import. */
export interface SolutionImportLookups {
  /** Lower-cased registration number → organisations (any country). */
  organisationsByNumber: Map<string, LookupOrganisation[]>
  /** Lower-cased legal or short name → organisations. */
  organisationsByName: Map<string, LookupOrganisation[]>
  /** Lower-cased domain code or name (any language) → id. */
  domains: Map<string, string>
  /** Lower-cased code of a published challenge → id. */
  challenges: Map<string, string>
  /** Lower-cased `taxonomy:code`, code or name → term ids (more than one: ambiguous). */
  terms: Map<string, string[]>
}

export interface ImportedSolution {
  organisation: LookupOrganisation
  name: string
  pitch: string
  type: SolutionType
  status: 'draft' | 'published'
  visibility: SolutionVisibility
  language: SolutionLanguage | null
  ipStatus: IpStatus
  targetTrl: number | null
  description: string
  problem: string
  domainIds: string[]
  challengeIds: string[]
  tagIds: string[]
}

export type SolutionRowResult =
  | { ok: true; value: ImportedSolution }
  | { ok: false; errors: RowError[]; organisation: string | null }

const key = (s: string) => s.trim().toLowerCase()

/** Solution types as people write them, in English, French and Dutch. */
const typeWords: Record<string, SolutionType> = {
  hardware: 'hardware',
  materiel: 'hardware',
  equipment: 'hardware',
  equipement: 'hardware',
  apparatuur: 'hardware',
  software: 'software',
  logiciel: 'software',
  service: 'service',
  services: 'service',
  dienst: 'service',
  dienstverlening: 'service',
  datamodel: 'data_model',
  dataset: 'data_model',
  datasetormodel: 'data_model',
  data: 'data_model',
  model: 'data_model',
  donnees: 'data_model',
  jeudedonnees: 'data_model',
  modele: 'data_model',
  methodology: 'methodology',
  method: 'methodology',
  methodologie: 'methodology',
  methode: 'methodology',
}

export function parseType(raw: string): SolutionType | null {
  const n = normaliseHeader(raw)
  if ((solutionTypes as readonly string[]).includes(raw.trim().toLowerCase()))
    return raw.trim().toLowerCase() as SolutionType
  return typeWords[n] ?? null
}

function parseTrl(raw: string): number | 'invalid' | null {
  if (raw === '') return null
  const m = /^(?:trl\s*)?(\d)(?:[.,]0+)?$/i.exec(raw)
  if (!m) return 'invalid'
  const n = Number(m[1])
  return n >= 1 && n <= 9 ? n : 'invalid'
}

function enumValue<T extends string>(raw: string, values: readonly T[]): T | null {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  return (values as readonly string[]).includes(v) ? (v as T) : null
}

/** Validates one data row against the mapping and the reference data. */
export function validateRow(
  cells: readonly string[],
  mapping: SolutionImportMapping,
  lookups: SolutionImportLookups,
): SolutionRowResult {
  const errors: RowError[] = []
  const get = (f: SolutionImportField) => {
    const i = mapping[f]
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }

  const name = get('name')
  if (name === '') errors.push({ field: 'name', code: 'required' })
  else if (name.length < 2) errors.push({ field: 'name', code: 'too_short', value: name })
  else if (name.length > solutionNameMax) errors.push({ field: 'name', code: 'too_long' })

  const pitch = get('pitch')
  if (pitch === '') errors.push({ field: 'pitch', code: 'required' })
  else if (pitch.length > pitchMax) errors.push({ field: 'pitch', code: 'too_long' })

  const rawType = get('type')
  const type = rawType === '' ? null : parseType(rawType)
  if (rawType === '') errors.push({ field: 'type', code: 'required' })
  else if (!type) errors.push({ field: 'type', code: 'invalid_type', value: rawType })

  // The owner: an organisation already on the platform (organisations are imported first), found by
  // registration number, else by legal or short name; the country, when given, tells apart namesakes.
  let organisation: LookupOrganisation | null = null
  let organisationLabel: string | null = null
  const number = get('organisationRegistrationNumber')
  const orgName = get('organisationName')
  const rawCountry = get('organisationCountry').toUpperCase()
  const country = (countryCodes as readonly string[]).includes(rawCountry) ? rawCountry : null
  if (rawCountry !== '' && !country)
    errors.push({ field: 'organisationCountry', code: 'invalid_country', value: rawCountry })
  if (number === '' && orgName === '') {
    errors.push({ field: 'organisation', code: 'required' })
  } else {
    const inCountry = (xs: LookupOrganisation[]) => (country ? xs.filter((o) => o.country === country) : xs)
    const byNumber = number === '' ? [] : inCountry(lookups.organisationsByNumber.get(key(number)) ?? [])
    const byName = orgName === '' ? [] : inCountry(lookups.organisationsByName.get(key(orgName)) ?? [])
    const useNumber = byNumber.length > 0 || orgName === ''
    const candidates = useNumber ? byNumber : byName
    const field = useNumber ? 'organisationRegistrationNumber' : 'organisationName'
    const value = useNumber ? number : orgName
    if (candidates.length === 0) errors.push({ field, code: 'organisation_not_found', value })
    else if (candidates.length > 1) errors.push({ field, code: 'organisation_ambiguous', value })
    else {
      organisation = candidates[0]!
      organisationLabel = organisation.name
    }
  }

  const rawStatus = get('status')
  const status = rawStatus === '' ? 'draft' : enumValue(rawStatus, ['draft', 'published'] as const)
  if (!status) errors.push({ field: 'status', code: 'invalid_status', value: rawStatus })

  const rawVisibility = get('visibility')
  const visibility = rawVisibility === '' ? 'public' : enumValue(rawVisibility, solutionVisibilities)
  if (!visibility) errors.push({ field: 'visibility', code: 'invalid_visibility', value: rawVisibility })

  const rawLanguage = get('language').toLowerCase()
  const language = rawLanguage === '' ? null : enumValue(rawLanguage, solutionLanguages)
  if (rawLanguage !== '' && !language) errors.push({ field: 'language', code: 'invalid_language', value: rawLanguage })

  const rawIp = get('ipStatus')
  const ipStatus = rawIp === '' ? 'proprietary' : enumValue(rawIp, ipStatuses)
  if (!ipStatus) errors.push({ field: 'ipStatus', code: 'invalid_ip_status', value: rawIp })

  const targetTrl = parseTrl(get('targetTrl'))
  if (targetTrl === 'invalid') errors.push({ field: 'targetTrl', code: 'invalid_trl', value: get('targetTrl') })

  const description = get('description')
  if (description.length > 10_000) errors.push({ field: 'description', code: 'too_long' })
  const problem = get('problem')
  if (problem.length > 5_000) errors.push({ field: 'problem', code: 'too_long' })

  const lookupList = (field: SolutionImportField, map: Map<string, string>, code: string) => {
    const out: string[] = []
    for (const token of splitList(get(field))) {
      const id = map.get(key(token))
      if (!id) errors.push({ field, code, value: token })
      else if (!out.includes(id)) out.push(id)
    }
    return out
  }
  const domainIds = lookupList('domains', lookups.domains, 'unknown_domain')
  const challengeIds = lookupList('challenges', lookups.challenges, 'unknown_challenge')
  const tagIds: string[] = []
  for (const token of splitList(get('tags'))) {
    const ids = lookups.terms.get(key(token))
    if (!ids || ids.length === 0) errors.push({ field: 'tags', code: 'unknown_tag', value: token })
    else if (ids.length > 1) errors.push({ field: 'tags', code: 'ambiguous_tag', value: token })
    else if (!tagIds.includes(ids[0]!)) tagIds.push(ids[0]!)
  }
  if (domainIds.length > 10) errors.push({ field: 'domains', code: 'too_many' })
  if (challengeIds.length > 30) errors.push({ field: 'challenges', code: 'too_many' })
  if (tagIds.length > 30) errors.push({ field: 'tags', code: 'too_many' })

  if (errors.length > 0 || !organisation || !type || !status || !visibility || !ipStatus) {
    return { ok: false, errors, organisation: organisationLabel }
  }
  return {
    ok: true,
    value: {
      organisation,
      name,
      pitch,
      type,
      status,
      visibility,
      language,
      ipStatus,
      targetTrl: targetTrl as number | null,
      description,
      problem,
      domainIds,
      challengeIds,
      tagIds,
    },
  }
}

export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '')
