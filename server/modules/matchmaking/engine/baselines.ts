/**
 * The two baselines the evaluation compares the engine with:
 *  - plain word overlap: the number of distinct words a document shares with the query (lower case,
 *    accents folded, stop words removed, no stemming); ties keep the corpus order;
 *  - BM25 without stemming: the engine's own BM25 on one field of the whole text, words kept whole.
 */
import { Analyzer, type EngineLanguage } from './analyze.ts'
import { search } from './search.ts'
import { MatchIndex } from './text-index.ts'
import type { Ranked } from './types.ts'

export interface BaselineDoc {
  id: string
  text: string
  type?: string | null
}

export class WordOverlap {
  readonly #analyzer = new Analyzer({ stem: false })
  readonly #docs: { id: string; type: string | null; words: Set<string> }[] = []
  readonly #lang: EngineLanguage

  constructor(docs: Iterable<BaselineDoc>, lang: EngineLanguage = 'en') {
    this.#lang = lang
    for (const d of docs) this.#docs.push({ id: d.id, type: d.type ?? null, words: this.#words(d.text) })
  }

  /** The k documents sharing most words with the text (only of the given types, when given). */
  rank(text: string, k: number, types?: readonly string[] | null): Ranked[] {
    const q = this.#words(text)
    const scored: Ranked[] = []
    for (const d of this.#docs) {
      if (types?.length && (d.type === null || !types.includes(d.type))) continue
      let n = 0
      for (const w of q) if (d.words.has(w)) n++
      if (n > 0) scored.push({ id: d.id, score: n })
    }
    // Array.prototype.sort is stable: equal counts keep the corpus order.
    return scored.sort((a, b) => b.score - a.score).slice(0, k)
  }

  #words(text: string): Set<string> {
    return new Set(this.#analyzer.analyze(text, this.#lang).map((t) => t.term))
  }
}

export class UnstemmedBm25 {
  readonly index = new MatchIndex({ analyzer: { stem: false }, keepSource: false })

  constructor(docs: Iterable<BaselineDoc>, lang: EngineLanguage = 'en') {
    for (const d of docs) this.index.upsert({ id: d.id, text: d.text, lang, type: d.type ?? null })
  }

  rank(text: string, k: number, types?: readonly string[] | null): Ranked[] {
    return search(this.index, { text, types: types ?? null }, { k, coverage: 0 })
  }
}
