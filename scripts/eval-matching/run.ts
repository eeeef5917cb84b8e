/**
 * Runs one evaluation set through the engine and the two baselines in the same run, plus three
 * ablations of the engine (no stemming; one field instead of BM25F; neither background statistics
 * nor the coverage factor), and returns the metrics.
 */
import {
  type Judged,
  MatchIndex,
  type Metrics,
  metrics,
  search,
  UnstemmedBm25,
  WordOverlap,
} from '../../server/modules/matchmaking/engine/index.ts'
import type { EvalSet } from './datasets.ts'

/** Ranks are cut at this depth (MRR counts a first hit up to here). */
export const DEPTH = 100

export interface EvalResult {
  ours: Metrics
  baselines: { wordOverlap: Metrics; bm25NoStemming: Metrics }
  ablations: { oursNoStemming: Metrics; oursOneField: Metrics; oursNoBackgroundNoCoverage: Metrics }
  ms: number
}

type Ranker = (text: string, type: string | null) => string[]

function judge(set: EvalSet, rank: Ranker, constraints: boolean): Judged[] {
  return set.queries.map((q) => ({ ranked: rank(q.text, constraints ? q.type : null), relevant: q.relevant }))
}

interface Variant {
  stem: boolean
  oneField: boolean
  /** Background statistics from the queries and the coverage factor (default on). */
  longQueryFeatures?: boolean
}

function engine(set: EvalSet, options: Variant): Ranker {
  const index = new MatchIndex({
    fields: options.oneField ? { text: {} } : set.fields,
    analyzer: { stem: options.stem },
    keepSource: false,
  })
  for (const d of set.docs) {
    const fields = options.oneField ? { text: Object.values(d.fields).join('. ') } : d.fields
    index.upsert({ id: d.id, fields, type: d.type })
  }
  const longQuery = options.longQueryFeatures !== false
  if (longQuery) index.learnBackground(set.queries)
  const coverage = longQuery ? undefined : 0
  return (text, type) => search(index, { text, types: type ? [type] : null }, { k: DEPTH, coverage }).map((r) => r.id)
}

export function evaluate(set: EvalSet, constraints: boolean): EvalResult {
  const started = performance.now()
  const plain = set.docs.map((d) => ({ id: d.id, text: Object.values(d.fields).join('. '), type: d.type }))
  const overlap = new WordOverlap(plain)
  const bm25 = new UnstemmedBm25(plain)
  const result: EvalResult = {
    ours: metrics(judge(set, engine(set, { stem: true, oneField: false }), constraints)),
    baselines: {
      wordOverlap: metrics(
        judge(set, (t, type) => overlap.rank(t, DEPTH, type ? [type] : null).map((r) => r.id), constraints),
      ),
      bm25NoStemming: metrics(
        judge(set, (t, type) => bm25.rank(t, DEPTH, type ? [type] : null).map((r) => r.id), constraints),
      ),
    },
    ablations: {
      oursNoStemming: metrics(judge(set, engine(set, { stem: false, oneField: false }), constraints)),
      oursOneField: metrics(judge(set, engine(set, { stem: true, oneField: true }), constraints)),
      oursNoBackgroundNoCoverage: metrics(
        judge(set, engine(set, { stem: true, oneField: false, longQueryFeatures: false }), constraints),
      ),
    },
    ms: 0,
  }
  result.ms = Math.round(performance.now() - started)
  return result
}
