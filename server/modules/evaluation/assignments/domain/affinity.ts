/**
 * Expert ↔ application affinity (issue 7 §3): the matching engine scores each expert's profile
 * (expertise text and taxonomy tags) against the call's applications (title, acronym, abstract, the
 * other text answers of the submitted revision, the challenge's title, and the challenge's tags), scaled
 * to 0..1; a bid then moves it: affinity = (1 - w)·text + w·bid (yes 1, maybe 0.5, no 0; no bid: the
 * text alone), w = the call's bid weight. Pure: the same inputs give the same affinities.
 */
import { MatchIndex, search } from '../../../matchmaking/engine/index.ts'

export type BidValue = 'yes' | 'maybe' | 'no'

export interface AffinityExpert {
  userId: string
  expertise: string
  tagIds: readonly string[]
}

export interface AffinityApplication {
  applicationId: string
  title: string
  acronym: string
  abstract: string
  /** The other text answers of the submitted revision, joined. */
  texts: string
  challengeTitle: string
  tagIds: readonly string[]
}

export interface PairAffinity {
  affinity: number
  /** The engine's relevance, 0..1 (relative to the expert's best application, tags counted in). */
  text: number
  bid: BidValue | null
  /** Shared words as the application wrote them, most telling first (at most 5). */
  words: string[]
  /** Shared tag ids. */
  tags: string[]
}

export const bidScore: Record<BidValue, number> = { yes: 1, maybe: 0.5, no: 0 }
const TAG_WEIGHT = 0.5

export const round4 = (x: number) => Math.round(x * 10_000) / 10_000

export const pairKey = (applicationId: string, userId: string) => `${applicationId}|${userId}`

/** The combination of text relevance and bid for one pair. */
export function combine(text: number, bid: BidValue | null, bidWeight: number): number {
  return round4(bid === null ? text : (1 - bidWeight) * text + bidWeight * bidScore[bid])
}

/**
 * Affinity of every (application, expert) pair, keyed by `pairKey`. Each expert is a query against the
 * index of the applications; text relevance is relative to the expert's best-matching application, so
 * every expert with a usable profile has a best application near 1.
 */
export function computeAffinities(
  applications: readonly AffinityApplication[],
  experts: readonly AffinityExpert[],
  bids: ReadonlyMap<string, BidValue>,
  bidWeight: number,
): Map<string, PairAffinity> {
  const index = new MatchIndex({
    fields: { title: { weight: 3 }, abstract: { weight: 2 }, text: { weight: 1 }, challenge: { weight: 1 } },
    defaultLang: 'en',
  })
  index.addAll(
    applications.map((a) => ({
      id: a.applicationId,
      fields: {
        title: `${a.acronym} ${a.title}`,
        abstract: a.abstract,
        text: a.texts,
        challenge: a.challengeTitle,
      },
      tags: a.tagIds,
    })),
  )
  const out = new Map<string, PairAffinity>()
  for (const e of experts) {
    const hits = new Map<string, { text: number; words: string[]; tags: string[] }>()
    if (applications.length > 0 && (e.expertise.trim() || e.tagIds.length > 0)) {
      const ranked = search(
        index,
        { text: e.expertise, tags: e.tagIds },
        { k: applications.length, explain: true, tagWeight: TAG_WEIGHT, maxQueryWords: 64 },
      )
      const top = 1 + (e.tagIds.length > 0 ? TAG_WEIGHT : 0)
      for (const r of ranked) {
        const x = r.explanation
        hits.set(r.id, {
          text: round4(Math.min(1, Math.max(0, r.score / top))),
          words: x ? [...new Set(x.terms.map((t) => t.documentWord.toLowerCase()))].slice(0, 5) : [],
          tags: x ? [...x.sharedTags] : [],
        })
      }
    }
    for (const a of applications) {
      const key = pairKey(a.applicationId, e.userId)
      const h = hits.get(a.applicationId) ?? { text: 0, words: [], tags: [] }
      const bid = bids.get(key) ?? null
      out.set(key, { affinity: combine(h.text, bid, bidWeight), text: h.text, bid, words: h.words, tags: h.tags })
    }
  }
  return out
}
