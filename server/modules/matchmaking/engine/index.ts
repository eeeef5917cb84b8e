/**
 * The matching engine: language-aware text relevance (BM25F over stemmed words, stop words removed),
 * taxonomy tag overlap, hard filters and the application's features, with explanations. Pure: no I/O.
 * The `match` command (scripts/cascade.ts) and the application rank with this same code.
 */
export {
  Analyzer,
  detectTextLanguage,
  type EngineLanguage,
  engineLanguages,
  fold,
  isEngineLanguage,
  stemmedLanguages,
  words,
} from './analyze.ts'
export { type BaselineDoc, UnstemmedBm25, WordOverlap } from './baselines.ts'
export { type Judged, type Metrics, meanReciprocalRank, metrics, recallAt } from './metrics.ts'
export { analyzeQuery, DEFAULT_COVERAGE, search } from './search.ts'
export { MatchIndex } from './text-index.ts'
export type * from './types.ts'
