/**
 * Import of use cases, the pure part: which column feeds which field (suggested from the headers, in
 * English, French and Dutch, and from our own export's headers), whether a mapping is usable, and one
 * row's validation against the reference data the command loads (organisations, domains, tags).
 * Every error has a stable code, so the UI translates it and a test can name it.
 */
import {
  type ImportField,
  type ImportMapping,
  type ImportRowError,
  importFields,
} from '../../../../shared/contracts/transfer.ts'
import { type Confidentiality, confidentialities, useCaseContent } from '../../../../shared/contracts/use-cases.ts'

export const requiredFields: readonly ImportField[] = ['title']
/** At least one of these must be mapped: a use case always belongs to an organisation. */
export const organisationFields: readonly ImportField[] = ['organisationRegistrationNumber', 'organisationName']

/** Header words that suggest a field, normalised (lower case, no accents, letters and digits only). */
const synonyms: Record<ImportField, string[]> = {
  title: ['title', 'titre', 'titel', 'usecase', 'usecasetitle', 'name', 'intitule', 'naam'],
  organisationRegistrationNumber: [
    'registrationnumber',
    'organisationregistrationnumber',
    'organizationregistrationnumber',
    'regno',
    'vat',
    'vatnumber',
    'companynumber',
    'numerodenregistrement',
    'numeroenregistrement',
    'siren',
    'siret',
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
    'owner organisation',
    'enduser',
    'organisme',
    'nomdelorganisation',
    'organisatie',
    'organisatienaam',
    'legalname',
  ],
  domain: ['domain', 'domaincode', 'domaine', 'domein'],
  confidentiality: ['confidentiality', 'confidentialite', 'vertrouwelijkheid', 'visibility', 'visibilite'],
  trlMin: ['trlmin', 'mintrl', 'trlminimum', 'trlfrom', 'trlvan', 'trlde'],
  trlMax: ['trlmax', 'maxtrl', 'trlmaximum', 'trlto', 'trltot', 'trla'],
  tags: ['tags', 'etiquettes', 'labels', 'keywords', 'motscles', 'trefwoorden'],
  contextAndThreat: ['contextandthreat', 'contextthreat', 'context', 'threat', 'contexteetmenace', 'contextendreiging'],
  problemStatement: [
    'problemstatement',
    'problem',
    'enonceduprobleme',
    'enoncedeprobleme',
    'probleme',
    'probleemstelling',
    'probleem',
  ],
  stakeholders: ['stakeholders', 'partiesprenantes', 'belanghebbenden'],
  owner: ['owner', 'proprietaire', 'responsable', 'eigenaar'],
  currentPractice: ['currentpractice', 'pratiqueactuelle', 'huidigepraktijk'],
  gaps: ['gaps', 'lacunes', 'manques', 'lacunes', 'tekortkomingen', 'hiaten'],
  functionalRequirements: [
    'functionalrequirements',
    'requirements',
    'exigencesfonctionnelles',
    'exigences',
    'functionelevereisten',
    'vereisten',
  ],
  constraintsLegal: ['legal', 'legalgdpr', 'legalconstraints', 'juridique', 'contraintesjuridiques', 'juridisch'],
  constraintsEthics: ['ethics', 'ethique', 'ethiek'],
  constraintsInteroperability: ['interoperability', 'interoperabilite', 'interoperabiliteit'],
  constraintsPrice: ['price', 'prix', 'prijs', 'cost', 'cout', 'kosten'],
  constraintsMaintainability: ['maintainability', 'maintenabilite', 'onderhoudbaarheid'],
  successCriteria: ['successcriteria', 'kpis', 'successcriteriaandkpis', 'criteresdesucces', 'succescriteria'],
  testBed: ['testbed', 'pilotsite', 'testbedpilotsite', 'bancdessai', 'sitepilote', 'testomgeving', 'pilotlocatie'],
  dataAvailability: ['dataavailability', 'data', 'disponibilitedesdonnees', 'donnees', 'beschikbaarheidvandata'],
}

export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * The suggested mapping: an exact synonym first, else a header that starts with one (longest synonym
 * wins); each column feeds one field at most, and the first column wins for a field.
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const norm = headers.map(normaliseHeader)
  const out: ImportMapping = {}
  const used = new Set<number>()
  const pass = (matches: (h: string, s: string) => boolean) => {
    for (const field of importFields) {
      if (out[field] !== undefined) continue
      const words = synonyms[field].map(normaliseHeader)
      const i = norm.findIndex((h, idx) => !used.has(idx) && h !== '' && words.some((w) => matches(h, w)))
      if (i >= 0) {
        out[field] = i
        used.add(i)
      }
    }
  }
  pass((h, w) => h === w)
  pass((h, w) => w.length >= 4 && h.startsWith(w))
  return out
}

/** Problems with the mapping itself; an import with any of these reads no row. */
export function checkMapping(mapping: ImportMapping, columnCount: number): ImportRowError[] {
  const errors: ImportRowError[] = []
  for (const f of requiredFields) if (mapping[f] === undefined) errors.push({ field: f, code: 'field_not_mapped' })
  if (organisationFields.every((f) => mapping[f] === undefined)) {
    errors.push({ field: 'organisation', code: 'field_not_mapped' })
  }
  const seen = new Map<number, string>()
  for (const [field, col] of Object.entries(mapping) as [ImportField, number][]) {
    if (col >= columnCount) errors.push({ field, code: 'column_not_found', value: String(col) })
    else if (seen.has(col)) errors.push({ field, code: 'column_mapped_twice', value: String(col) })
    seen.set(col, field)
  }
  return errors
}

/** The reference data a row is checked against, loaded once per import by the command. */
export interface ImportLookups {
  /** Lower-cased registration number → organisations. */
  organisationsByNumber: Map<string, ImportOrganisation[]>
  /** Lower-cased legal or short name → organisations. */
  organisationsByName: Map<string, ImportOrganisation[]>
  /** Lower-cased domain code or name (any language) → domain id. */
  domains: Map<string, string>
  /** Lower-cased keys of `termKeys` → terms (more than one: ambiguous). */
  terms: Map<string, ImportTerm[]>
}
export interface ImportTerm {
  id: string
  taxonomyId: string
  code: string
  name: string
}

/** The short name of a taxonomy in a tag: `enisa` for `enisa-threats`, `nis` for `nis-sectors`. */
export function taxonomyAlias(taxonomyId: string): string {
  return taxonomyId.split('-')[0] || taxonomyId
}

/**
 * Every way a file may name a term (lower-cased): its code, its name, and either of them after its
 * taxonomy's id or short name and a colon — `enisa:Phishing attacks`, `nis-sectors:Energy`,
 * `enisa-threats:phishing` — which tells apart terms of the same name in two taxonomies.
 */
export function termKeys(term: ImportTerm): string[] {
  const prefixes = [...new Set([term.taxonomyId, taxonomyAlias(term.taxonomyId)])]
  const bare = [term.code, term.name]
  return [...new Set([...bare, ...prefixes.flatMap((p) => bare.map((b) => `${p}:${b}`))].map(key))]
}

/**
 * How a file should name `term` so that exactly it is found, given the terms that share its name
 * (itself included): the name alone when it is the only one; else `taxonomy:name`, with the short name of
 * the taxonomy unless another taxonomy of the same short name is among them; `taxonomy:code` when its own
 * taxonomy has two terms of that name.
 */
export function tagToken(term: ImportTerm, sameName: readonly ImportTerm[]): string {
  const others = sameName.filter((t) => t.id !== term.id)
  if (others.length === 0) return term.name
  const alias = taxonomyAlias(term.taxonomyId)
  const prefix = others.some((t) => t.taxonomyId !== term.taxonomyId && taxonomyAlias(t.taxonomyId) === alias)
    ? term.taxonomyId
    : alias
  return others.some((t) => t.taxonomyId === term.taxonomyId) ? `${prefix}:${term.code}` : `${prefix}:${term.name}`
}
export interface ImportOrganisation {
  id: string
  eligible: boolean
}

export interface ImportedUseCase {
  organisationId: string
  title: string
  domainId: string | null
  confidentiality: Confidentiality
  trlMin: number | null
  trlMax: number | null
  tags: string[]
  content: ReturnType<typeof useCaseContent.parse>
}

export type RowResult = { ok: true; value: ImportedUseCase } | { ok: false; errors: ImportRowError[] }

const TEXT_MAX = 5000
const key = (s: string) => s.trim().toLowerCase()

const contentFields = {
  contextAndThreat: 'contextAndThreat',
  problemStatement: 'problemStatement',
  stakeholders: 'stakeholders',
  owner: 'owner',
  currentPractice: 'currentPractice',
  gaps: 'gaps',
  functionalRequirements: 'functionalRequirements',
  successCriteria: 'successCriteria',
  testBed: 'testBed',
  dataAvailability: 'dataAvailability',
} as const
const constraintFields = {
  constraintsLegal: 'legal',
  constraintsEthics: 'ethics',
  constraintsInteroperability: 'interoperability',
  constraintsPrice: 'price',
  constraintsMaintainability: 'maintainability',
} as const

function parseTrl(raw: string): number | 'invalid' | null {
  if (raw === '') return null
  const m = /^(?:trl\s*)?(\d)(?:[.,]0+)?$/i.exec(raw)
  if (!m) return 'invalid'
  const n = Number(m[1])
  return n >= 1 && n <= 9 ? n : 'invalid'
}

/** Validates one data row (cells in file order) against the mapping and the reference data. */
export function validateRow(cells: readonly string[], mapping: ImportMapping, lookups: ImportLookups): RowResult {
  const errors: ImportRowError[] = []
  const get = (f: ImportField) => {
    const i = mapping[f]
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }

  const title = get('title')
  if (title === '') errors.push({ field: 'title', code: 'required' })
  else if (title.length < 3) errors.push({ field: 'title', code: 'too_short', value: title })
  else if (title.length > 200) errors.push({ field: 'title', code: 'too_long' })

  let organisationId: string | null = null
  const number = get('organisationRegistrationNumber')
  const name = get('organisationName')
  if (number === '' && name === '') {
    errors.push({ field: 'organisation', code: 'required' })
  } else {
    const byNumber = number === '' ? undefined : lookups.organisationsByNumber.get(key(number))
    const candidates =
      number !== '' && byNumber ? byNumber : name !== '' ? lookups.organisationsByName.get(key(name)) : []
    const field =
      number !== '' && byNumber
        ? 'organisationRegistrationNumber'
        : name !== ''
          ? 'organisationName'
          : 'organisationRegistrationNumber'
    const value = field === 'organisationName' ? name : number
    if (!candidates || candidates.length === 0) errors.push({ field, code: 'organisation_not_found', value })
    else if (candidates.length > 1) errors.push({ field, code: 'organisation_ambiguous', value })
    else if (!candidates[0]!.eligible) errors.push({ field, code: 'organisation_not_eligible', value })
    else organisationId = candidates[0]!.id
  }

  let domainId: string | null = null
  const domain = get('domain')
  if (domain !== '') {
    domainId = lookups.domains.get(key(domain)) ?? null
    if (!domainId) errors.push({ field: 'domain', code: 'unknown_domain', value: domain })
  }

  let confidentiality: Confidentiality = 'restricted'
  const conf = key(get('confidentiality'))
  if (conf !== '') {
    if ((confidentialities as readonly string[]).includes(conf)) confidentiality = conf as Confidentiality
    else errors.push({ field: 'confidentiality', code: 'invalid_confidentiality', value: get('confidentiality') })
  }

  const trlMin = parseTrl(get('trlMin'))
  const trlMax = parseTrl(get('trlMax'))
  if (trlMin === 'invalid') errors.push({ field: 'trlMin', code: 'invalid_trl', value: get('trlMin') })
  if (trlMax === 'invalid') errors.push({ field: 'trlMax', code: 'invalid_trl', value: get('trlMax') })
  if (typeof trlMin === 'number' && typeof trlMax === 'number' && trlMin > trlMax) {
    errors.push({ field: 'trlMax', code: 'trl_range' })
  }

  const tags: string[] = []
  const rawTags = get('tags')
  if (rawTags !== '') {
    for (const token of rawTags
      .split(/[;|\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const found = lookups.terms.get(key(token))
      if (!found || found.length === 0) errors.push({ field: 'tags', code: 'unknown_tag', value: token })
      else if (found.length > 1) {
        const candidates = found.map((t) => tagToken(t, found))
        errors.push({
          field: 'tags',
          code: 'ambiguous_tag',
          value: token,
          candidates,
          message: `Several tags are called "${token}": write it with its taxonomy as taxonomy:term, e.g. ${candidates.join(' or ')}.`,
        })
      } else if (!tags.includes(found[0]!.id)) tags.push(found[0]!.id)
    }
    if (tags.length > 30) errors.push({ field: 'tags', code: 'too_many' })
  }

  const content = useCaseContent.parse({})
  for (const [f, target] of Object.entries(contentFields) as [
    ImportField,
    (typeof contentFields)[keyof typeof contentFields],
  ][]) {
    const v = get(f)
    if (v.length > TEXT_MAX) errors.push({ field: f, code: 'too_long' })
    else content[target] = v
  }
  for (const [f, target] of Object.entries(constraintFields) as [ImportField, keyof typeof content.constraints][]) {
    const v = get(f)
    if (v.length > TEXT_MAX) errors.push({ field: f, code: 'too_long' })
    else content.constraints[target] = v
  }

  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      organisationId: organisationId!,
      title,
      domainId,
      confidentiality,
      trlMin: trlMin as number | null,
      trlMax: trlMax as number | null,
      tags,
      content,
    },
  }
}

/** Whether a data row is blank (skipped, not reported). */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '')
