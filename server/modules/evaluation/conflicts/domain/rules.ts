/**
 * Conflicts of interest at organisation level (issue 7 §2), judged on facts gathered from the database
 * (queries/facts.ts). Pure: the same facts give the same reasons, each with the rule that found it and
 * the organisations involved, so the operator sees why an expert may not evaluate an application.
 */

export type ConflictRule =
  | 'own_organisation'
  | 'linked_enterprise'
  | 'co_participation'
  | 'cluster_support'
  | 'same_country'
  | 'declared'

export interface ExpertOrganisation {
  organisationId: string | null
  name: string
  country: string | null
  /** Null when the expert still works there. */
  toYear: number | null
}

export interface ExpertFacts {
  userId: string
  /** Profile organisations and the platform organisations the person belongs to (current). */
  organisations: ExpertOrganisation[]
  countries: string[]
  /** Clusters whose staff the expert is (a cluster_staff grant, or membership of the cluster's organisation). */
  clusters: { id: string; name: string }[]
}

export interface PartnerFacts {
  organisationId: string
  name: string
  country: string
  /** Partner and linked enterprises declared in the organisation's SME profile. */
  relations: { name: string; country: string; relation: 'partner' | 'linked' }[]
  /** Partner clusters this organisation is a member of (the cluster supports it). */
  clusterIds: string[]
  /** Other consortia this organisation was in (applications or formed consortia), with their members. */
  pastConsortia: { reference: string; members: { organisationId: string; name: string }[] }[]
}

export interface ApplicationFacts {
  applicationId: string
  partners: PartnerFacts[]
  /** Conflicts declared by hand on this application, by expert. */
  declared: { userId: string; reason: string }[]
}

export interface ConflictSettings {
  clusterRule: boolean
  sameCountryRule: boolean
}

export const defaultConflictSettings: ConflictSettings = { clusterRule: true, sameCountryRule: false }

export interface ConflictReason {
  rule: ConflictRule
  /** The consortium member concerned (null for a declared conflict). */
  partnerId: string | null
  partnerName: string | null
  /** What on the expert's side matched: an organisation, a cluster, a country, or the declared reason. */
  via: string
  /** Another application or consortium, for co-participation. */
  reference: string | null
}

/** Names compared loosely: case, accents, punctuation and common legal forms do not matter. */
export function sameName(a: string, b: string): boolean {
  const na = normaliseName(a)
  return na.length > 0 && na === normaliseName(b)
}

const legalForms = new Set([
  'bv',
  'nv',
  'sa',
  'sas',
  'sarl',
  'srl',
  'gmbh',
  'ag',
  'ltd',
  'plc',
  'inc',
  'spa',
  'oy',
  'ab',
  'as',
  'bvba',
  'asbl',
  'vzw',
  'llc',
  'sl',
  'se',
])

export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !legalForms.has(w))
    .join(' ')
}

function isExpertOrg(o: ExpertOrganisation, id: string, name: string): boolean {
  return o.organisationId ? o.organisationId === id : sameName(o.name, name)
}

const tenure = (o: ExpertOrganisation) => (o.toYear === null ? 'current' : `until ${o.toYear}`)

/** Every reason why `expert` has a conflict with the application; empty when there is none. */
export function detectConflicts(
  expert: ExpertFacts,
  app: ApplicationFacts,
  settings: ConflictSettings = defaultConflictSettings,
): ConflictReason[] {
  const out: ConflictReason[] = []
  const clusterIds = new Map(expert.clusters.map((c) => [c.id, c.name]))
  const countries = new Set(expert.countries.map((c) => c.toUpperCase()))
  for (const p of app.partners) {
    const base = { partnerId: p.organisationId, partnerName: p.name, reference: null }
    for (const o of expert.organisations) {
      if (isExpertOrg(o, p.organisationId, p.name))
        out.push({ ...base, rule: 'own_organisation', via: `${o.name} (${tenure(o)})` })
    }
    for (const r of p.relations) {
      const hit = expert.organisations.find((o) => sameName(o.name, r.name) && (!o.country || o.country === r.country))
      if (hit) out.push({ ...base, rule: 'linked_enterprise', via: `${hit.name} (${r.relation})` })
    }
    for (const c of p.pastConsortia) {
      for (const m of c.members) {
        if (m.organisationId === p.organisationId) continue
        const hit = expert.organisations.find((o) => isExpertOrg(o, m.organisationId, m.name))
        if (hit) out.push({ ...base, rule: 'co_participation', via: hit.name, reference: c.reference })
      }
    }
    if (settings.clusterRule) {
      for (const id of p.clusterIds) {
        const name = clusterIds.get(id)
        if (name) out.push({ ...base, rule: 'cluster_support', via: name })
      }
    }
    if (settings.sameCountryRule && countries.has(p.country.toUpperCase()))
      out.push({ ...base, rule: 'same_country', via: p.country.toUpperCase() })
  }
  for (const d of app.declared) {
    if (d.userId === expert.userId)
      out.push({ rule: 'declared', partnerId: null, partnerName: null, via: d.reason, reference: null })
  }
  return dedupe(out)
}

function dedupe(reasons: ConflictReason[]): ConflictReason[] {
  const seen = new Set<string>()
  return reasons.filter((r) => {
    const key = `${r.rule}|${r.partnerId}|${r.via}|${r.reference}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
