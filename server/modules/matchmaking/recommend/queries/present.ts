/**
 * From the engine's ranked ids to what the caller may see: the disclosure rule decides whether an
 * organisation (or a solution's owner) is named; the explanation keeps the shared words, the shared
 * tags with their names and the facts.
 */
import type {
  Recommendation,
  RecommendationFact,
  RecommendedOrganisation,
} from '../../../../../shared/contracts/recommendations.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { identityVisible, isBroker, isPlatformMember, listedFor } from '../../../organisations/domain/disclosure.ts'
import {
  type EngineQuery,
  type IndexedDocument,
  type MatchIndex,
  type Ranked,
  type SearchOptions,
  search,
} from '../../engine/index.ts'
import type { ChallengeData, OrganisationData, SolutionData } from '../store/documents.ts'

/** Long texts ask with their most telling words only (see the engine's `maxQueryWords`). */
export const MAX_QUERY_WORDS = 12

/** Organisations listed for the caller (a `members` profile only for platform members). */
export function organisationListed(actor: Actor) {
  return (doc: { data?: OrganisationData | undefined }) => !!doc.data && listedFor(actor, doc.data.visibility)
}

/** Published solutions the caller may see (THE solution rule, solutions/queries/visibility.ts, on a loaded row). */
export function solutionListed(actor: Actor) {
  const broker = isBroker(actor)
  const shown = isPlatformMember(actor) ? ['public', 'members', 'anonymous'] : ['public', 'anonymous']
  return (doc: { data?: SolutionData | undefined }) =>
    !!doc.data && doc.data.status === 'published' && (broker || shown.includes(doc.data.visibility))
}

export function publishedChallenge(programmeId: string | null) {
  return (doc: IndexedDocument<ChallengeData>) =>
    !!doc.data && doc.data.status === 'published' && (programmeId === null || doc.data.programmeId === programmeId)
}

export function organisationOf(actor: Actor, doc: IndexedDocument<OrganisationData>): RecommendedOrganisation {
  const d = doc.data!
  const named = identityVisible(actor, { id: doc.id, visibility: d.visibility })
  return {
    id: named ? doc.id : null,
    name: named ? d.shortName || d.legalName : null,
    publicRef: d.publicRef,
    anonymous: !named,
    country: doc.country,
    type: d.type,
    smeStatus: d.smeStatus,
  }
}

/** A solution's owner as the caller may know it: an anonymous solution is tied to no profile at all. */
export function ownerOf(actor: Actor, doc: IndexedDocument<SolutionData>): RecommendedOrganisation {
  const d = doc.data!
  const named = identityVisible(actor, { id: d.organisationId, visibility: d.ownerVisibility }, d)
  return {
    id: named ? d.organisationId : null,
    name: named ? d.ownerName : null,
    publicRef: named || d.visibility !== 'anonymous' ? d.ownerRef : null,
    anonymous: !named,
    country: doc.country,
    type: null,
    smeStatus: d.ownerSme,
  }
}

type Item = Omit<Recommendation, 'score' | 'explanation'>

/** Runs the search and presents each result with `item`, the explanation's tags named. */
export async function recommend<D>(
  db: Queryable,
  index: MatchIndex<D>,
  query: EngineQuery,
  options: SearchOptions<D> & { k: number },
  item: (doc: IndexedDocument<D>) => Item,
  extraFacts: (r: Ranked) => RecommendationFact[] = () => [],
): Promise<Recommendation[]> {
  const ranked = search(index, query, { maxQueryWords: MAX_QUERY_WORDS, ...options, explain: true })
  const tagIds = [...new Set(ranked.flatMap((r) => r.explanation?.sharedTags ?? []))]
  const names = new Map<string, string>()
  if (tagIds.length > 0) {
    const rows = await db.selectFrom('taxonomy_terms').select(['id', 'name']).where('id', 'in', tagIds).execute()
    for (const r of rows) names.set(r.id, r.name)
  }
  return ranked.map((r) => {
    const e = r.explanation!
    const facts = [
      ...e.facts.map((f) => ({ code: f.code, params: f.params ?? {} }) as RecommendationFact),
      ...extraFacts(r),
    ]
    return {
      ...item(index.get(r.id)!),
      score: Number(r.score.toFixed(4)),
      explanation: {
        text: Number(e.text.toFixed(4)),
        tags: Number(e.tags.toFixed(4)),
        words: e.terms.map((t) => ({ word: t.word, itemWord: t.documentWord, weight: Number(t.weight.toFixed(4)) })),
        sharedTags: e.sharedTags.map((id) => ({ id, name: names.get(id) ?? id })),
        facts,
      },
    }
  })
}

export function solutionItem(actor: Actor, doc: IndexedDocument<SolutionData>): Item {
  const d = doc.data!
  return {
    kind: 'solution',
    id: doc.id,
    reference: d.reference,
    title: d.name,
    detail: d.pitch,
    organisation: ownerOf(actor, doc),
    trl: d.trl,
  }
}

export function organisationItem(actor: Actor, doc: IndexedDocument<OrganisationData>): Item {
  const organisation = organisationOf(actor, doc)
  return {
    kind: 'organisation',
    id: organisation.id,
    reference: organisation.publicRef,
    title: organisation.name,
    detail: null,
    organisation,
    trl: null,
  }
}

export function challengeItem(doc: IndexedDocument<ChallengeData>): Item {
  const d = doc.data!
  return {
    kind: 'challenge',
    id: doc.id,
    reference: d.code,
    title: d.title,
    detail: d.slug,
    organisation: null,
    trl: null,
  }
}
