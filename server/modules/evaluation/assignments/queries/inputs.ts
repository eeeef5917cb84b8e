import type { Queryable } from '../../../../platform/db/client.ts'
import type { AffinityApplication, AffinityExpert, BidValue } from '../domain/affinity.ts'
import { pairKey } from '../domain/affinity.ts'

/** An approved expert of the call, with what the optimiser and the affinity need. */
export interface PoolExpert extends AffinityExpert {
  name: string
  kind: 'technical' | 'practitioner' | 'business'
  countries: string[]
  /** The call's maximum load for this expert (expert_calls.max_load). */
  maxLoad: number
  available: boolean
}

/** A submitted, admissible application of the call, read from its submitted revision. */
export interface CallApplication extends AffinityApplication {
  reference: string
  leadOrganisationId: string
  challengeCode: string | null
  /** Accepted consortium members (names, countries). */
  organisations: string[]
  countries: string[]
}

/** Approved experts of the call (available or not), by name. */
export async function loadPool(db: Queryable, callId: string): Promise<PoolExpert[]> {
  const rows = await db
    .selectFrom('expert_calls as e')
    .innerJoin('expert_profiles as p', 'p.user_id', 'e.user_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.user_id', 'u.name', 'p.kind', 'p.countries', 'p.expertise', 'p.tag_ids', 'e.max_load', 'p.available'])
    .where('e.call_id', '=', callId)
    .where('e.status', '=', 'approved')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .orderBy('e.user_id')
    .execute()
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    kind: r.kind as PoolExpert['kind'],
    countries: r.countries.map((c) => c.toUpperCase()),
    expertise: r.expertise,
    tagIds: r.tag_ids,
    maxLoad: r.max_load,
    available: r.available,
  }))
}

interface FormShape {
  form?: { sections?: { questions?: { id: string; semantic?: string | null }[] }[] }
}

/** The id of the call form's abstract question (semantic `abstract`), `abstract` by default. */
function abstractQuestion(config: unknown): string {
  for (const s of (config as FormShape)?.form?.sections ?? [])
    for (const q of s.questions ?? []) if (q.semantic === 'abstract') return q.id
  return 'abstract'
}

const MAX_TEXT = 20_000

/** The call's submitted, admissible applications, by reference: texts of the submitted revision. */
export async function loadCallApplications(db: Queryable, callId: string): Promise<CallApplication[]> {
  const call = await db.selectFrom('calls').select('config').where('id', '=', callId).executeTakeFirstOrThrow()
  const abstractId = abstractQuestion(call.config)
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('application_revisions as r', (j) =>
      j.onRef('r.application_id', '=', 'a.id').onRef('r.revision', '=', 'a.submitted_revision'),
    )
    .leftJoin('challenges as c', 'c.id', 'a.challenge_id')
    .select([
      'a.id',
      'a.reference',
      'a.acronym',
      'a.title',
      'a.lead_organisation_id',
      'a.challenge_id',
      'c.code as challenge_code',
      'c.title as challenge_title',
      'r.content',
    ])
    .where('a.call_id', '=', callId)
    .where('a.status', '=', 'submitted')
    .where('a.admissibility', '=', 'admissible')
    .orderBy('a.reference')
    .execute()
  const ids = rows.map((r) => r.id)
  const challengeIds = [...new Set(rows.flatMap((r) => (r.challenge_id ? [r.challenge_id] : [])))]
  const tags = challengeIds.length
    ? await db
        .selectFrom('challenge_tags')
        .select(['challenge_id', 'term_id'])
        .where('challenge_id', 'in', challengeIds)
        .orderBy('challenge_id')
        .orderBy('term_id')
        .execute()
    : []
  const partners = ids.length
    ? await db
        .selectFrom('application_partners as ap')
        .innerJoin('organisations as o', 'o.id', 'ap.organisation_id')
        .select(['ap.application_id', 'o.legal_name', 'o.country'])
        .where('ap.application_id', 'in', ids)
        .where('ap.status', '=', 'accepted')
        .orderBy('ap.application_id')
        .orderBy('ap.position')
        .execute()
    : []
  return rows.map((r) => {
    const content = (r.content ?? {}) as { answers?: Record<string, unknown>; application?: { title?: string } }
    const answers = content.answers ?? {}
    const abstractValue = answers[abstractId] ?? answers.abstract ?? answers.summary
    const abstract = typeof abstractValue === 'string' ? abstractValue : ''
    const texts = Object.entries(answers)
      .filter(([k, v]) => typeof v === 'string' && k !== abstractId && k !== 'title' && k !== 'acronym')
      .map(([, v]) => v as string)
      .join('\n')
      .slice(0, MAX_TEXT)
    const mine = partners.filter((p) => p.application_id === r.id)
    return {
      applicationId: r.id,
      reference: r.reference,
      acronym: r.acronym,
      title: content.application?.title ?? r.title,
      abstract,
      texts,
      leadOrganisationId: r.lead_organisation_id,
      challengeCode: r.challenge_code ?? null,
      challengeTitle: r.challenge_title ?? '',
      tagIds: tags.filter((t) => t.challenge_id === r.challenge_id).map((t) => t.term_id),
      organisations: mine.map((p) => p.legal_name),
      countries: [...new Set(mine.map((p) => p.country.toUpperCase()))],
    }
  })
}

/** Every bid of the call, keyed by `pairKey(applicationId, userId)`. */
export async function loadBids(db: Queryable, callId: string): Promise<Map<string, BidValue>> {
  const rows = await db
    .selectFrom('expert_bids')
    .select(['application_id', 'user_id', 'bid'])
    .where('call_id', '=', callId)
    .execute()
  return new Map(rows.map((r) => [pairKey(r.application_id, r.user_id), r.bid as BidValue]))
}

/** Names of taxonomy terms by id (for explanations). */
export async function termNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
