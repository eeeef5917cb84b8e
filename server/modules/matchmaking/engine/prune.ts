/**
 * The pruned search: MaxScore, document at a time. Same results as the exhaustive path (search.ts),
 * in a fraction of the work on a large index, because most documents never get scored.
 *
 * Each query word (and each query tag) is a cursor over its posting list with an upper bound of what
 * it can add to a document's score (bounds.ts). Lists are sorted by bound; while the lists whose bounds
 * sum below the score to beat ("non-essential") cannot lift a document into the results on their own,
 * only documents of the other lists are visited, the non-essential lists are probed by seeking
 * (galloping search), and a document is dropped as soon as its bound falls below the score to beat.
 * A document that may enter is scored exactly as the exhaustive path scores it (scoring.ts, same
 * order of additions), so scores and ties are identical.
 *
 * Scores are relative to the best text score among the allowed documents, so two passes:
 *  A. the best text score alone (top 1 over BM25F × coverage; coverage ≤ 1 leaves the bounds valid);
 *  B. the k best final scores (text / best + tag share + features), the features bounded by their
 *     weights.
 */

import {
  covered,
  DEFAULT_COVERAGE,
  type FieldNorm,
  fieldNorms,
  filterFor,
  finalScore,
  type Hit,
  heaviestField,
  massOfQuery,
  termScore,
} from './scoring.ts'
import type { AnalyzedQuery, PathResult, QueryWord } from './search.ts'
import type { MatchIndex } from './text-index.ts'
import { TopK } from './topk.ts'
import type { EngineQuery, IndexedDocument, SearchOptions } from './types.ts'

const END = 0x7fffffff
/** Bounds are inflated by this much against rounding: a document is skipped only when surely below. */
const SAFETY = 1 + 1e-9

function below(bound: number, theta: number): boolean {
  return bound + Math.abs(bound) * 1e-9 + 1e-12 < theta
}

/** The first position ≥ pos whose slot is ≥ target (galloping, then binary search). */
export function seek(slots: ArrayLike<number>, n: number, pos: number, target: number): number {
  if (pos >= n || slots[pos]! >= target) return pos
  let lo = pos
  let step = 1
  let hi = pos + 1
  while (hi < n && slots[hi]! < target) {
    lo = hi
    step *= 2
    hi = pos + step
  }
  if (hi > n) hi = n
  lo++
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (slots[mid]! < target) lo = mid + 1
    else hi = mid
  }
  return lo
}

interface Cursor {
  /** What the list can add to a score, in the pass's units. */
  ub: number
  /** The current slot (END when exhausted), kept up to date by advance, at and reset. */
  cur: number
  advance(target: number): void
  /** The list's contribution at `slot` in the pass's units (0 when absent); moves the cursor to it. */
  at(slot: number): number
  reset(): void
}

interface Sub {
  slots: Int32Array
  tfs: Uint16Array
  n: number
  idf: number
  pos: number
}

/** A query word's postings: the union of its terms' lists (one per language the query is read in). */
class WordCursor implements Cursor {
  ub = 0
  scale = 1
  readonly bm25Bound: number
  readonly #subs: Sub[]
  readonly #index: MatchIndex<unknown>
  readonly #norms: FieldNorm[]
  readonly #weight: number
  #atSlot = -1
  /** The word's BM25F score and coverage at the last `at` slot; `hit` false when absent. */
  hit = false
  s = 0
  c = 0

  constructor(index: MatchIndex<unknown>, qw: QueryWord, norms: FieldNorm[]) {
    this.#index = index
    this.#norms = norms
    this.#weight = qw.weight
    this.#subs = []
    let bound = 0
    const k1 = index.k1
    for (const id of qw.termIds) {
      const p = index.postings[id]!
      if (p.df <= 0) continue
      const idf = index.idf(p.df)
      this.#subs.push({ slots: p.slots, tfs: p.tfs, n: p.n, idf, pos: 0 })
      const tf = index.bounds.maxTf(id)
      if (tf > 0) bound = Math.max(bound, (idf * qw.weight * tf * (k1 + 1)) / (k1 + tf))
    }
    this.bm25Bound = bound * SAFETY
    this.#current()
  }

  cur = END

  #current(): void {
    let d = END
    for (const s of this.#subs) if (s.pos < s.n && s.slots[s.pos]! < d) d = s.slots[s.pos]!
    this.cur = d
  }

  advance(target: number): void {
    if (this.cur >= target) return
    for (const s of this.#subs) s.pos = seek(s.slots, s.n, s.pos, target)
    this.#current()
  }

  at(slot: number): number {
    if (this.#atSlot !== slot) {
      this.#atSlot = slot
      this.hit = false
      const F = this.#norms.length
      this.advance(slot)
      if (this.cur !== slot) return 0
      for (const sub of this.#subs) {
        if (sub.pos >= sub.n || sub.slots[sub.pos] !== slot) continue
        const off = sub.pos * F
        const s = termScore(this.#index, sub.idf * this.#weight, sub.tfs, off, slot, this.#norms)
        if (!this.hit || s > this.s) {
          this.hit = true
          this.s = s
          this.c = sub.idf * heaviestField(this.#norms, sub.tfs, off)
        }
      }
    }
    return this.hit ? this.s * this.scale : 0
  }

  reset(): void {
    for (const s of this.#subs) s.pos = 0
    this.#atSlot = -1
    this.hit = false
    this.#current()
  }
}

/** A query tag's documents. */
class TagCursor implements Cursor {
  ub = 0
  scale = 1
  hit = false
  #pos = 0
  #atSlot = -1
  readonly slots: readonly number[]
  readonly idf: number
  constructor(slots: readonly number[], idf: number) {
    this.slots = slots
    this.idf = idf
    this.reset()
  }
  cur = END
  advance(target: number): void {
    if (this.cur >= target) return
    this.#pos = seek(this.slots, this.slots.length, this.#pos, target)
    this.cur = this.#pos < this.slots.length ? this.slots[this.#pos]! : END
  }
  at(slot: number): number {
    if (this.#atSlot !== slot) {
      this.#atSlot = slot
      this.advance(slot)
      this.hit = this.cur === slot
    }
    return this.hit ? this.idf * this.scale : 0
  }
  reset(): void {
    this.#pos = 0
    this.#atSlot = -1
    this.hit = false
    this.cur = this.slots.length > 0 ? this.slots[0]! : END
  }
}

/**
 * MaxScore over `cursors`: visits the documents that may reach `threshold()` given `offset` (the most
 * anything outside the lists can add) and hands each to `evaluate`, in increasing slot order.
 */
function maxScore(
  cursors: readonly Cursor[],
  offset: number,
  threshold: () => number,
  evaluate: (slot: number) => void,
): void {
  for (const c of cursors) c.reset()
  const order = [...cursors].sort((a, b) => a.ub - b.ub)
  const L = order.length
  const prefix = new Float64Array(L + 1)
  for (let i = 0; i < L; i++) prefix[i + 1] = prefix[i]! + order[i]!.ub
  const essentialFrom = (theta: number) => {
    let ne = 0
    while (ne < L && below(prefix[ne + 1]! + offset, theta)) ne++
    return ne
  }
  let theta = threshold()
  let ne = essentialFrom(theta)
  while (ne < L) {
    let d = END
    for (let i = ne; i < L; i++) {
      const x = order[i]!.cur
      if (x < d) d = x
    }
    if (d === END) break
    let bound = 0
    for (let i = ne; i < L; i++) if (order[i]!.cur === d) bound += order[i]!.at(d)
    let ok = true
    for (let i = ne - 1; i >= 0; i--) {
      if (below(bound + prefix[i + 1]! + offset, theta)) {
        ok = false
        break
      }
      bound += order[i]!.at(d)
    }
    if (ok && !below(bound + offset, theta)) {
      evaluate(d)
      const next = threshold()
      if (next !== theta) {
        theta = next
        ne = essentialFrom(theta)
      }
    }
    for (let i = ne; i < L; i++) if (order[i]!.cur === d) order[i]!.advance(d + 1)
  }
}

export function searchPruned<D>(
  index: MatchIndex<D>,
  q: AnalyzedQuery,
  query: EngineQuery,
  options: SearchOptions<D>,
  k: number,
): PathResult {
  const ix = index as MatchIndex<unknown>
  const norms = fieldNorms(index)
  const words = q.words.map((qw) => new WordCursor(ix, qw, norms))
  const gamma = options.coverage ?? DEFAULT_COVERAGE
  const queryMass = gamma > 0 ? massOfQuery(index, q) : 0
  const allowed = filterFor(query, options)
  const live = (slot: number): IndexedDocument<D> | null => {
    const doc = index.docs[slot]
    return doc && allowed(doc) ? doc : null
  }
  /** The exact text score of a slot, summed in the query's word order like the exhaustive path. */
  const textAt = (slot: number): number => {
    let text = 0
    let cover = 0
    for (const w of words) {
      w.at(slot)
      if (w.hit) {
        text += w.s
        cover += w.c
      }
    }
    return covered(index, slot, text, cover, queryMass, gamma)
  }

  // A. The best text score among the allowed documents.
  let bestText = 0
  for (const w of words) {
    w.scale = 1
    w.ub = w.bm25Bound
  }
  maxScore(
    words,
    0,
    () => bestText,
    (slot) => {
      if (!live(slot)) return
      const t = textAt(slot)
      if (t > bestText) bestText = t
    },
  )

  // B. The k best final scores.
  let tagTotal = 0
  const tags: TagCursor[] = []
  for (const id of q.tagIds) {
    const p = id === undefined ? undefined : index.tagPostings[id]
    const idf = index.idf(p?.df ?? 0)
    tagTotal += idf
    if (p) tags.push(new TagCursor(p.slots, idf))
  }
  const tagWeight = options.tagWeight ?? 0.5
  for (const t of tags) {
    t.scale = tagTotal > 0 ? tagWeight / tagTotal : 0
    t.ub = Math.max(0, t.idf * t.scale) * SAFETY
  }
  for (const w of words) {
    w.scale = bestText > 0 ? 1 / bestText : 0
    w.ub = w.bm25Bound * w.scale * SAFETY
  }
  let offset = 0
  for (const f of options.features ?? []) offset += Math.max(0, f.weight)
  const heap = new TopK<Hit & { id: string }>(k)
  for (const w of words) w.reset()
  // Without an allowed text match, the words' lists hold no allowed document: tags find the rest.
  const lists: Cursor[] = bestText > 0 ? [...words, ...tags] : [...tags]
  maxScore(
    lists,
    offset,
    () => heap.threshold,
    (slot) => {
      const doc = live(slot)
      if (!doc) return
      const text = textAt(slot)
      let tagSum = 0
      for (const t of tags) {
        t.at(slot)
        if (t.hit) tagSum += t.idf
      }
      const score = finalScore(doc, text, bestText, tagSum, tagTotal, options)
      if (heap.accepts(score, doc.id)) heap.offer({ slot, score, text, tags: tagSum, id: doc.id })
    },
  )
  return { hits: heap.sorted(), bestText, tagTotal }
}
