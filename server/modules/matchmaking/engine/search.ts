/**
 * Ranking: BM25F text relevance (stemmed, stop words removed) + taxonomy tag overlap + the
 * application's features, after hard filters (excluded ids, types, countries, a predicate).
 *
 *   text  = BM25F × coverage^γ, coverage = the share of the shorter side (document or query, by
 *           Σ idf of its terms) that the other side covers: a short topic title is judged by how much
 *           of it a long project objective covers, a short query by how much of it a long document covers
 *   score = text / best text among the candidates            (0–1)
 *         + tagWeight × Σ idf(shared tags) / Σ idf(query tags) (0–tagWeight)
 *         + Σ feature.weight × feature value                   (each 0–weight)
 *
 * A query in an unknown language (too short to detect) is read in every language of the corpus: each
 * word counts once, by its best-matching stem.
 *
 * Two paths give the same results: the exhaustive one (term at a time, every posting of every query
 * word) and the pruned one (prune.ts: MaxScore, document at a time, skipping documents that cannot
 * enter the top k), used on indexes of PRUNE_FROM slots or more unless the query is empty (browsing)
 * or `exhaustive` says otherwise.
 */
import { detectTextLanguage, type EngineLanguage, isEngineLanguage, words } from './analyze.ts'
import { explain } from './explain.ts'
import { searchPruned } from './prune.ts'
import {
  covered,
  DEFAULT_COVERAGE,
  fieldNorms,
  filterFor,
  finalScore,
  type Hit,
  heaviestField,
  massOfQuery,
  termScore,
} from './scoring.ts'
import type { MatchIndex } from './text-index.ts'
import { TopK } from './topk.ts'
import type { EngineQuery, Ranked, SearchOptions } from './types.ts'

export { DEFAULT_COVERAGE, termScore } from './scoring.ts'

/** A query word: its possible terms (one per language read) that exist in the index, and its count. */
export interface QueryWord {
  word: string
  termIds: number[]
  weight: number
}

export interface AnalyzedQuery {
  langs: EngineLanguage[]
  /** Words the query asks for (stop words aside), found in the index or not. */
  asked: number
  words: QueryWord[]
  tagIds: (number | undefined)[]
}

/** The languages a query is read in: declared, else detected, else the corpus's languages (most used first). */
export function queryLanguages<D>(index: MatchIndex<D>, query: EngineQuery): EngineLanguage[] {
  if (isEngineLanguage(query.lang)) return [query.lang]
  const detected = query.text ? detectTextLanguage(query.text) : null
  if (detected) return [detected]
  const present = [...index.langCounts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])
  return present.length ? present.slice(0, 6).map(([l]) => l) : [index.defaultLang]
}

export function analyzeQuery<D>(index: MatchIndex<D>, query: EngineQuery): AnalyzedQuery {
  const langs = queryLanguages(index, query)
  const byKey = new Map<string, { word: string; termIds: number[]; count: number }>()
  let asked = 0
  for (const w of words(query.text ?? '')) {
    if (index.analyzer.stopWords && langs.some((l) => index.analyzer.isStopWord(w, l))) continue
    asked++
    const ids = new Set<number>()
    for (const l of langs) {
      const term = index.analyzer.term(w, l)
      const id = term === null ? undefined : index.termIds.get(term)
      if (id !== undefined) ids.add(id)
    }
    if (ids.size === 0) continue
    const termIds = [...ids].sort((a, b) => a - b)
    const key = termIds.join(',')
    const seen = byKey.get(key)
    if (seen) seen.count++
    else byKey.set(key, { word: w, termIds, count: 1 })
  }
  const k3 = index.k3
  return {
    langs,
    asked,
    words: [...byKey.values()].map((q) => ({
      word: q.word,
      termIds: q.termIds,
      weight:
        (((k3 + 1) * q.count) / (k3 + q.count)) *
        Math.max(...q.termIds.map((id) => index.background.weight(index.terms[id]!))),
    })),
    tagIds: [...new Set(query.tags ?? [])].map((t) => index.tagIds.get(t.trim())),
  }
}

/** Reusable score buffers (searches on one index run one at a time: JavaScript is single-threaded). */
interface Buffers {
  text: Float64Array
  cover: Float64Array
  tags: Float64Array
  seen: Uint8Array
}
const buffers = new WeakMap<object, Buffers>()

function buffersFor(index: MatchIndex<unknown>): Buffers {
  let b = buffers.get(index)
  if (!b || b.text.length < index.slotCount) {
    const size = Math.max(1024, index.slotCount * 2)
    b = {
      text: new Float64Array(size),
      cover: new Float64Array(size),
      tags: new Float64Array(size),
      seen: new Uint8Array(size),
    }
    buffers.set(index, b)
  }
  return b
}

/** Below this many slots, scoring every posting costs less than pruning's bookkeeping (same results). */
export const PRUNE_FROM = 4096

/** What a search path returns: the k best hits (best first) and the normalisers of their scores. */
export interface PathResult {
  hits: Hit[]
  bestText: number
  tagTotal: number
}

export function search<D>(index: MatchIndex<D>, query: EngineQuery, options: SearchOptions<D> = {}): Ranked[] {
  const k = options.k ?? 10
  if (k <= 0 || index.size === 0) return []
  const q = keepTellingWords(index, analyzeQuery(index, query), options.maxQueryWords)
  const browse = q.asked === 0 && q.tagIds.length === 0
  const exhaustive = options.exhaustive ?? index.slotCount < PRUNE_FROM
  const result =
    browse || exhaustive ? searchExhaustive(index, q, query, options, k) : searchPruned(index, q, query, options, k)
  return result.hits.map((h) => {
    const r: Ranked = { id: index.docs[h.slot]!.id, score: h.score }
    if (options.explain) {
      r.explanation = explain(index, q, h.slot, h.text, result.bestText, h.tags, result.tagTotal, options)
    }
    return r
  })
}

/**
 * At most `max` query words: the most telling ones (query weight × idf, as "more like this" queries
 * do), kept in the query's order. A long profile or challenge text then asks for what sets it apart.
 */
export function keepTellingWords<D>(index: MatchIndex<D>, q: AnalyzedQuery, max: number | undefined): AnalyzedQuery {
  if (max === undefined || q.words.length <= max) return q
  const telling = (w: QueryWord) => w.weight * Math.max(...w.termIds.map((id) => index.idf(index.postings[id]!.df)))
  const kept = new Set(
    q.words
      .map((w, i) => ({ i, t: telling(w) }))
      .sort((a, b) => b.t - a.t || a.i - b.i)
      .slice(0, Math.max(0, max))
      .map((x) => x.i),
  )
  return { ...q, words: q.words.filter((_, i) => kept.has(i)) }
}

/** Term at a time over every posting of every query word and tag: the reference the pruned path must equal. */
function searchExhaustive<D>(
  index: MatchIndex<D>,
  q: AnalyzedQuery,
  query: EngineQuery,
  options: SearchOptions<D>,
  k: number,
): PathResult {
  const { text, cover, tags, seen } = buffersFor(index as MatchIndex<unknown>)
  const touched: number[] = []
  const touch = (slot: number) => {
    if (seen[slot] === 0) {
      seen[slot] = 1
      touched.push(slot)
    }
  }
  const F = index.fields.length
  const norms = fieldNorms(index)

  for (const qw of q.words) {
    const best = qw.termIds.length > 1 ? new Map<number, { s: number; c: number }>() : null
    for (const id of qw.termIds) {
      const p = index.postings[id]!
      if (p.df <= 0) continue
      const idf = index.idf(p.df)
      const slots = p.slots
      for (let i = 0; i < p.n; i++) {
        const slot = slots[i]!
        if (!index.docs[slot]) continue
        const s = termScore(index, idf * qw.weight, p.tfs, i * F, slot, norms)
        const c = idf * heaviestField(norms, p.tfs, i * F)
        if (best) {
          const b = best.get(slot)
          if (!b || s > b.s) best.set(slot, { s, c })
        } else {
          touch(slot)
          text[slot]! += s
          cover[slot]! += c
        }
      }
    }
    if (best)
      for (const [slot, b] of best) {
        touch(slot)
        text[slot]! += b.s
        cover[slot]! += b.c
      }
  }
  const gamma = options.coverage ?? DEFAULT_COVERAGE
  if (gamma > 0) {
    const queryMass = massOfQuery(index, q)
    for (const slot of touched) text[slot] = covered(index, slot, text[slot]!, cover[slot]!, queryMass, gamma)
  }

  let tagTotal = 0
  for (const id of q.tagIds) {
    const p = id === undefined ? undefined : index.tagPostings[id]
    const idf = index.idf(p?.df ?? 0)
    tagTotal += idf
    if (!p) continue
    for (const slot of p.slots) {
      if (!index.docs[slot]) continue
      touch(slot)
      tags[slot]! += idf
    }
  }

  const browse = q.asked === 0 && q.tagIds.length === 0
  const candidates = browse ? index.docs.map((d, slot) => (d ? slot : -1)).filter((s) => s >= 0) : touched
  const allowed = filterFor(query, options)
  const kept: number[] = []
  let bestText = 0
  for (const slot of candidates) {
    const doc = index.docs[slot]
    if (doc && allowed(doc)) {
      kept.push(slot)
      if (text[slot]! > bestText) bestText = text[slot]!
    }
  }

  const heap = new TopK<Hit & { id: string }>(k)
  for (const slot of kept) {
    const doc = index.docs[slot]!
    const score = finalScore(doc, text[slot]!, bestText, tags[slot]!, tagTotal, options)
    if (heap.accepts(score, doc.id)) heap.offer({ slot, score, text: text[slot]!, tags: tags[slot]!, id: doc.id })
  }
  const hits = heap.sorted()
  for (const slot of touched) {
    text[slot] = 0
    cover[slot] = 0
    tags[slot] = 0
    seen[slot] = 0
  }
  return { hits, bestText, tagTotal }
}
