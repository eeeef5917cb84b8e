/**
 * The selection's constraints as linear rows over a list of applications (issue 7 §9), shared by the
 * optimiser (optimise.ts) and by the promotion of a reserve after a decline (decisions/domain/promotion.ts):
 * the budget, the quotas per challenge or domain, the per-organisation caps across the programme's calls and
 * the optional maximum per lead country. Pure data.
 */

export interface SelectionQuota {
  scope: 'challenge' | 'domain'
  key: string
  min: number
  max: number | null
}

export interface SelectionParams {
  budgetCents: number
  quotas: SelectionQuota[]
  perOrganisationCapCents: number
  maxPerCountry: number | null
}

export interface SelectionMember {
  organisationId: string | null
  name: string
  requestedCents: number
}

export interface SelectionCandidate {
  applicationId: string
  /** null: not ranked (out). */
  rank: number | null
  requestedCents: number
  challengeKey: string | null
  domainKey: string | null
  leadCountry: string | null
  members: SelectionMember[]
  /** Why the ranking left it out (for not_ranked). */
  outReasons?: Record<string, unknown>[]
}

export interface SelectionInput {
  candidates: SelectionCandidate[]
  params: SelectionParams
  /** Cents already granted per organisation in the programme's other calls. */
  priorGrantedCents: Record<string, number>
}

export interface Explanation {
  status: 'selected' | 'reserve' | 'out'
  code: string
  params: Record<string, unknown>
}

/** One linear row over the ranked applications: lower ≤ Σ coef·x ≤ upper, with what it stands for. */
export interface Row {
  lower: number
  upper: number
  coef: Map<number, number>
  what:
    | { kind: 'budget' }
    | { kind: 'quota'; quota: SelectionQuota }
    | { kind: 'organisation'; organisationId: string; name: string; priorCents: number }
    | { kind: 'country'; country: string }
}

export interface Model {
  apps: SelectionCandidate[]
  rows: Row[]
}

export const keyOf = (c: SelectionCandidate, scope: SelectionQuota['scope']) =>
  scope === 'challenge' ? c.challengeKey : c.domainKey

export function buildModel(apps: SelectionCandidate[], input: SelectionInput): Model {
  const { params } = input
  const rows: Row[] = []
  const budget = new Map<number, number>()
  apps.forEach((a, i) => {
    if (a.requestedCents !== 0) budget.set(i, a.requestedCents)
  })
  rows.push({ lower: 0, upper: params.budgetCents, coef: budget, what: { kind: 'budget' } })
  for (const quota of params.quotas) {
    const coef = new Map<number, number>()
    apps.forEach((a, i) => {
      if (keyOf(a, quota.scope) === quota.key) coef.set(i, 1)
    })
    rows.push({ lower: quota.min, upper: quota.max ?? Number.POSITIVE_INFINITY, coef, what: { kind: 'quota', quota } })
  }
  const orgs = new Map<string, { name: string; coef: Map<number, number> }>()
  apps.forEach((a, i) => {
    for (const m of a.members) {
      if (!m.organisationId || m.requestedCents <= 0) continue
      let o = orgs.get(m.organisationId)
      if (!o) {
        o = { name: m.name, coef: new Map() }
        orgs.set(m.organisationId, o)
      }
      o.coef.set(i, (o.coef.get(i) ?? 0) + m.requestedCents)
    }
  })
  for (const [organisationId, o] of orgs) {
    const priorCents = input.priorGrantedCents[organisationId] ?? 0
    rows.push({
      lower: 0,
      // Already over the cap: no application with this organisation fits (the coefficients are positive).
      upper: Math.max(0, params.perOrganisationCapCents - priorCents),
      coef: o.coef,
      what: { kind: 'organisation', organisationId, name: o.name, priorCents },
    })
  }
  if (params.maxPerCountry !== null) {
    const countries = new Map<string, Map<number, number>>()
    apps.forEach((a, i) => {
      if (!a.leadCountry) return
      let c = countries.get(a.leadCountry)
      if (!c) {
        c = new Map()
        countries.set(a.leadCountry, c)
      }
      c.set(i, 1)
    })
    for (const [country, coef] of countries)
      rows.push({ lower: 0, upper: params.maxPerCountry, coef, what: { kind: 'country', country } })
  }
  return { apps, rows }
}

export const rowSum = (row: Row, set: Iterable<number>) => {
  let s = 0
  for (const i of set) s += row.coef.get(i) ?? 0
  return s
}

export function meetsAll(m: Model, set: number[]): boolean {
  return m.rows.every((row) => {
    const s = rowSum(row, set)
    return s >= row.lower && s <= row.upper
  })
}

/** Why application `app` cannot join the set `decided`: the "≤" row it breaks, in words for people (code, params). */
export function describeUpper(
  row: Row,
  m: Model,
  decided: number[],
  app: number,
  params: SelectionParams,
): Explanation {
  const a = m.apps[app]!
  const w = row.what
  switch (w.kind) {
    case 'budget':
      return {
        status: 'out',
        code: 'budget_exhausted',
        params: { requestedCents: a.requestedCents, remainingCents: params.budgetCents - rowSum(row, decided) },
      }
    case 'quota':
      return { status: 'out', code: 'quota_max', params: { scope: w.quota.scope, key: w.quota.key, max: w.quota.max } }
    case 'organisation':
      return {
        status: 'out',
        code: 'organisation_cap',
        params: {
          organisationId: w.organisationId,
          name: w.name,
          capCents: params.perOrganisationCapCents,
          priorCents: w.priorCents,
          selectedCents: rowSum(row, decided),
          requestedCents: row.coef.get(app) ?? 0,
        },
      }
    case 'country':
      return { status: 'out', code: 'country_max', params: { country: w.country, max: params.maxPerCountry } }
  }
}

export const quotaView = (q: SelectionQuota) => ({ scope: q.scope, key: q.key, min: q.min, max: q.max })
