/**
 * What the recommendation indexes hold, read from the database: organisations, solutions, challenges
 * and calls as engine documents (text fields, language, taxonomy tags, country, type) with the facts the
 * filters, the disclosure rule and the complementarity features need (`data`).
 *
 * Identity never enters the text: the words of an organisation's names, website and registration number
 * are removed from its description and from its solutions' texts, so a name can neither find an
 * anonymous profile nor show up among the shared words of its explanation.
 */
import { sql } from 'kysely'
import type { Queryable } from '../../../../platform/db/client.ts'
import { isListedCall } from '../../../calls/index.ts'
import { type EngineDocument, fold } from '../../engine/index.ts'

export interface OrganisationData {
  kind: 'organisation'
  visibility: string
  publicRef: string
  legalName: string
  shortName: string | null
  type: string
  smeStatus: string | null
}

export interface SolutionData {
  kind: 'solution'
  organisationId: string
  status: string
  visibility: string
  reference: string
  name: string
  pitch: string
  ownerVisibility: string
  ownerName: string
  ownerRef: string
  ownerSme: string | null
  trl: number | null
}

export interface ChallengeData {
  kind: 'challenge'
  programmeId: string
  status: string
  code: string
  slug: string
  title: string
  trlMin: number
  trlMax: number
}

export interface CallData {
  kind: 'call'
  programmeId: string
  code: string
  title: Record<string, string>
  listed: boolean
  opensAt: string
  closesAt: string
  config: unknown
}

export type RecDoc<D> = EngineDocument<D> & { id: string; data: D }

const TOKEN = /[\p{L}\p{N}]+/gu

/** The words of an identity (names, website, registration number), folded; short ones are kept out. */
export function identityWords(...parts: (string | null | undefined)[]): Set<string> {
  const out = new Set<string>()
  for (const p of parts) {
    if (!p) continue
    const host = p.replace(/^https?:\/\//i, '').replace(/^www\./i, '')
    for (const m of host.matchAll(TOKEN)) {
      const w = fold(m[0].toLowerCase())
      if (w.length >= 3 && !['com', 'org', 'net', 'www', 'http', 'https', 'example'].includes(w)) out.add(w)
    }
  }
  return out
}

/** The text without the identity's words. */
export function withoutIdentity(text: string, identity: ReadonlySet<string>): string {
  if (identity.size === 0) return text
  return text.replace(TOKEN, (w) => (identity.has(fold(w.toLowerCase())) ? ' ' : w))
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? JSON.parse(v) : [])
const asObject = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T
const iso = (d: Date | string) => new Date(d).toISOString()

export async function loadOrganisations(db: Queryable, ids?: readonly string[]): Promise<RecDoc<OrganisationData>[]> {
  if (ids && ids.length === 0) return []
  let q = db.selectFrom('organisations as o').select([
    'o.id',
    'o.legal_name',
    'o.short_name',
    'o.website',
    'o.registration_number',
    'o.description',
    'o.language',
    'o.country',
    'o.type',
    'o.sme_status',
    'o.visibility',
    'o.public_ref',
    sql<unknown>`(select coalesce(json_agg(ot.term_id order by ot.term_id), '[]'::json)
        from organisation_tags ot where ot.organisation_id = o.id)`.as('tags'),
  ])
  if (ids) q = q.where('o.id', 'in', ids)
  const rows = await q.execute()
  return rows.map((r) => {
    const identity = identityWords(r.legal_name, r.short_name, r.website, r.registration_number)
    return {
      id: r.id,
      text: withoutIdentity(r.description, identity),
      lang: r.language,
      tags: asList(r.tags),
      country: r.country,
      type: r.type,
      data: {
        kind: 'organisation',
        visibility: r.visibility,
        publicRef: r.public_ref,
        legalName: r.legal_name,
        shortName: r.short_name,
        type: r.type,
        smeStatus: r.sme_status,
      },
    }
  })
}

/** Solutions by id, or those of some organisations, or all. */
export async function loadSolutions(
  db: Queryable,
  by?: { ids?: readonly string[]; organisationIds?: readonly string[] },
): Promise<RecDoc<SolutionData>[]> {
  if (by?.ids?.length === 0 || by?.organisationIds?.length === 0) return []
  let q = db
    .selectFrom('solutions as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.organisation_id',
      's.status',
      's.visibility',
      's.reference',
      's.name',
      's.pitch',
      sql<string>`coalesce(s.content->>'description', '')`.as('description'),
      sql<string>`coalesce(s.content->>'problem', '')`.as('problem'),
      's.language',
      's.tag_ids',
      's.type',
      's.assessed_trl',
      's.target_trl',
      'o.legal_name',
      'o.short_name',
      'o.website',
      'o.registration_number',
      'o.visibility as owner_visibility',
      'o.public_ref as owner_ref',
      'o.country as owner_country',
      'o.sme_status as owner_sme',
    ])
  if (by?.ids) q = q.where('s.id', 'in', by.ids)
  if (by?.organisationIds) q = q.where('s.organisation_id', 'in', by.organisationIds)
  const rows = await q.execute()
  return rows.map((r) => {
    const identity = identityWords(r.legal_name, r.short_name, r.website, r.registration_number)
    const clean = (s: string) => withoutIdentity(s, identity)
    return {
      id: r.id,
      fields: { title: clean(`${r.name}. ${r.pitch}`), text: clean(`${r.description}\n${r.problem}`) },
      lang: r.language,
      tags: asList(r.tag_ids),
      country: r.owner_country,
      type: r.type,
      data: {
        kind: 'solution',
        organisationId: r.organisation_id,
        status: r.status,
        visibility: r.visibility,
        reference: r.reference,
        name: r.name,
        pitch: r.pitch,
        ownerVisibility: r.owner_visibility,
        ownerName: r.short_name || r.legal_name,
        ownerRef: r.owner_ref,
        ownerSme: r.owner_sme,
        trl: r.assessed_trl ?? r.target_trl,
      },
    }
  })
}

interface ChallengeContentText {
  problem?: string
  expectedOutcome?: string
  requirements?: string[]
  endUserOffers?: { testBed?: string; data?: string; validation?: string }
}

/** A challenge's body text: problem, expected outcome, requirements, what the end-user offers. */
export function challengeBody(content: unknown): string {
  const c = asObject<ChallengeContentText>(content) ?? {}
  return [
    c.problem,
    c.expectedOutcome,
    ...(c.requirements ?? []),
    c.endUserOffers?.testBed,
    c.endUserOffers?.data,
    c.endUserOffers?.validation,
  ]
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
    .join('\n')
}

export async function loadChallenges(db: Queryable, ids?: readonly string[]): Promise<RecDoc<ChallengeData>[]> {
  if (ids && ids.length === 0) return []
  let q = db.selectFrom('challenges as c').select([
    'c.id',
    'c.programme_id',
    'c.status',
    'c.code',
    'c.slug',
    'c.title',
    'c.summary',
    'c.content',
    'c.language',
    'c.trl_min',
    'c.trl_max',
    sql<unknown>`(select coalesce(json_agg(ct.term_id order by ct.term_id), '[]'::json)
        from challenge_tags ct where ct.challenge_id = c.id)`.as('tags'),
  ])
  if (ids) q = q.where('c.id', 'in', ids)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    fields: { title: `${r.title}. ${r.summary}`, text: challengeBody(r.content) },
    lang: r.language,
    tags: asList(r.tags),
    data: {
      kind: 'challenge',
      programmeId: r.programme_id,
      status: r.status,
      code: r.code,
      slug: r.slug,
      title: r.title,
      trlMin: r.trl_min,
      trlMax: r.trl_max,
    },
  }))
}

/** Every call (few): its title and summary in English, its challenges' titles and tags. */
export async function loadCalls(db: Queryable): Promise<RecDoc<CallData>[]> {
  const rows = await db
    .selectFrom('calls as k')
    .select([
      'k.id',
      'k.programme_id',
      'k.code',
      'k.title',
      'k.summary',
      'k.config',
      'k.opens_at',
      'k.closes_at',
      'k.published_at',
      'k.cancelled_at',
      sql<string>`(select coalesce(string_agg(c.title || '. ' || c.summary, E'\n'), '')
        from challenge_calls cc join challenges c on c.id = cc.challenge_id
        where cc.call_id = k.id and c.status = 'published')`.as('challenge_text'),
      sql<unknown>`(select coalesce(json_agg(distinct ct.term_id), '[]'::json)
        from challenge_calls cc join challenge_tags ct on ct.challenge_id = cc.challenge_id
        where cc.call_id = k.id)`.as('tags'),
    ])
    .execute()
  return rows.map((r) => {
    const title = asObject<Record<string, string>>(r.title) ?? { en: r.code }
    const summary = asObject<Record<string, string>>(r.summary) ?? {}
    return {
      id: r.id,
      fields: { title: title.en ?? r.code, text: `${summary.en ?? ''}\n${r.challenge_text}` },
      lang: 'en',
      tags: asList(r.tags),
      data: {
        kind: 'call',
        programmeId: r.programme_id,
        code: r.code,
        title,
        listed: isListedCall(r),
        opensAt: iso(r.opens_at),
        closesAt: iso(r.closes_at),
        config: r.config,
      },
    }
  })
}
