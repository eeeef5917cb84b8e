/**
 * Background statistics for long queries. A project objective or a company profile says "project",
 * "develop", "solution" in nearly every text; against a catalogue of short titles such words can look
 * rare, and therefore telling. Document frequencies learnt from texts of the query's kind (the other
 * queries, the other profiles) weight each query word by how much it sets one query apart from the
 * others: weight = idf_background(term) / idf_background(unseen term), in (0, 1]. Fewer than
 * MIN_BACKGROUND texts say too little: every weight is then 1.
 */
import type { Analyzer, EngineLanguage } from './analyze.ts'

export const MIN_BACKGROUND = 20

export class Background {
  readonly #df = new Map<string, number>()
  #n = 0

  get size(): number {
    return this.#n
  }

  /** Counts the distinct terms of one text of the query's kind. */
  add(analyzer: Analyzer, text: string, lang: EngineLanguage): void {
    this.#n++
    for (const term of new Set(analyzer.analyze(text, lang).map((t) => t.term))) {
      this.#df.set(term, (this.#df.get(term) ?? 0) + 1)
    }
  }

  /** How telling a term is among texts of the query's kind, in (0, 1]; 1 without background. */
  weight(term: string): number {
    if (this.#n < MIN_BACKGROUND) return 1
    const df = this.#df.get(term) ?? 0
    return idf(this.#n, df) / idf(this.#n, 0)
  }
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}
