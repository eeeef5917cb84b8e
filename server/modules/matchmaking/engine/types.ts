import type { AnalyzeOptions, EngineLanguage } from './analyze.ts'

/** A text field of the documents and how much it counts (BM25F). */
export interface FieldSpec {
  /** How much a word in this field counts against a word in a field of weight 1 (default 1). */
  weight?: number
  /** Length normalisation of this field, 0 (none) to 1 (full); default 0.75. */
  b?: number
}

export interface IndexOptions {
  /** The documents' text fields; default one field `text`. */
  fields?: Record<string, FieldSpec>
  /** BM25 term-frequency saturation (default 1.2). */
  k1?: number
  /** Saturation of a word repeated in the query (default 8: long queries keep their emphasis). */
  k3?: number
  /** The language of documents that declare none and whose language cannot be detected (default en). */
  defaultLang?: EngineLanguage
  analyzer?: AnalyzeOptions
  /** Keep each document's text, so explanations can quote the document's own words (default true). */
  keepSource?: boolean
}

/** A document to index. `text` is shorthand for the field `text`. */
export interface EngineDocument<D = unknown> {
  id: string
  text?: string
  fields?: Record<string, string | null | undefined>
  /** ISO 639-1 code (en, fr, nl, de, es, it, …); detected when absent. */
  lang?: string | null
  /** Taxonomy tags (codes compared exactly). */
  tags?: readonly string[] | null
  country?: string | null
  type?: string | null
  /** Anything the application's features need (SME status, role, …); not read by the engine. */
  data?: D
}

/** A document as the index holds it: what filters and features see. */
export interface IndexedDocument<D = unknown> {
  id: string
  lang: EngineLanguage
  tags: readonly string[]
  country: string | null
  type: string | null
  data: D | undefined
}

export interface EngineQuery {
  text?: string | null
  lang?: string | null
  tags?: readonly string[] | null
  /** Documents never returned (e.g. the asking organisation's own). */
  exclude?: readonly string[] | null
  /** Only documents of these types. */
  types?: readonly string[] | null
  /** Only documents from these countries. */
  countries?: readonly string[] | null
  /** No documents from these countries. */
  excludeCountries?: readonly string[] | null
}

/** A named fact for explanations, translated by the application (`code` + `params`). */
export interface Fact {
  code: string
  params?: Record<string, string | number>
}

/**
 * A hook for the application's own scoring (complementarity: a missing expertise, a country the
 * consortium lacks, SME status…). `value` in [0, 1] is multiplied by `weight` and added to the score;
 * the fact explains it. Return null when the feature says nothing about the document.
 */
export interface Feature<D = unknown> {
  name: string
  weight: number
  score(doc: IndexedDocument<D>): { value: number; fact?: Fact } | null
}

export interface SearchOptions<D = unknown> {
  /** How many results (default 10). */
  k?: number
  /** Add an explanation to each result (default false). */
  explain?: boolean
  /** Weight of the tag overlap (share of the query's tags, by rarity) against text relevance (default 0.5). */
  tagWeight?: number
  /**
   * Exponent γ of the coverage factor: the text score is multiplied by (share of the shorter side's
   * term mass, Σ idf, that the other side covers)^γ — of the document when it is shorter than the
   * query, else of the query — so a short document whose own words the query mostly covers beats one
   * that shares a single rare word. 0 turns it off; default 0.5.
   */
  coverage?: number
  features?: readonly Feature<D>[]
  /** An extra hard filter. */
  where?: (doc: IndexedDocument<D>) => boolean
  /**
   * Read at most this many query words, the most telling ones (query weight × idf): bounds the cost
   * of long queries (a challenge's or profile's whole text). Default: all.
   */
  maxQueryWords?: number
  /**
   * true: score every posting; false: prune (MaxScore). The results are the same; by default small
   * indexes are scored exhaustively and large ones pruned (search.ts PRUNE_FROM).
   */
  exhaustive?: boolean
}

/** A shared term: the word as the query wrote it, as the document wrote it, and its share of the text score. */
export interface SharedTerm {
  word: string
  documentWord: string
  term: string
  weight: number
}

export interface Explanation {
  /** Text relevance relative to the best text match among the results' candidates, 0–1. */
  text: number
  /** Share of the query's tags the document has, weighted by rarity, 0–1. */
  tags: number
  /** The shared terms, most telling first (at most 10). */
  terms: SharedTerm[]
  sharedTags: string[]
  facts: (Fact & { feature: string; contribution: number })[]
}

export interface Ranked {
  id: string
  score: number
  explanation?: Explanation
}
