/**
 * The scoring pieces the exhaustive and the pruned searches share (search.ts, prune.ts): BM25F per
 * term, the coverage mass, hard filters. Both paths compute a document's score with these same
 * functions, in the same order, so they give the same numbers.
 */
import type { AnalyzedQuery } from './search.ts'
import type { MatchIndex } from './text-index.ts'
import type { EngineQuery, IndexedDocument, SearchOptions } from './types.ts'

/** Exponent of the coverage factor (share of a document's term mass the query covers). */
export const DEFAULT_COVERAGE = 0.5

export interface FieldNorm {
  weight: number
  /** Per slot: 1 − b + b × length / average length. */
  denom: Float64Array
}

const normsCache = new WeakMap<object, { version: number; norms: FieldNorm[] }>()

/**
 * Per field and slot, the BM25F length normalisation under the index's current statistics, computed
 * once per state of the index (its `version`).
 */
export function fieldNorms<D>(index: MatchIndex<D>): FieldNorm[] {
  const cached = normsCache.get(index)
  if (cached && cached.version === index.version) return cached.norms
  const norms = index.fields.map((f, i) => {
    const avg = index.averageLength(i) || 1
    const lengths = index.fieldLengths[i]!
    const denom = new Float64Array(lengths.length)
    for (let slot = 0; slot < lengths.length; slot++) denom[slot] = 1 - f.b + (f.b * lengths[slot]!) / avg
    return { weight: f.weight, denom }
  })
  normsCache.set(index, { version: index.version, norms })
  return norms
}

/**
 * The BM25F score of one term in one slot: idf × tf' (k1 + 1) / (k1 + tf'), where tf' sums the
 * field frequencies, each weighted and normalised by the field's length against its average.
 */
export function termScore<D>(
  index: MatchIndex<D>,
  idf: number,
  tfs: ArrayLike<number>,
  offset: number,
  slot: number,
  norms: readonly FieldNorm[] = fieldNorms(index),
): number {
  let tf = 0
  for (let f = 0; f < norms.length; f++) {
    const x = tfs[offset + f]!
    if (x === 0) continue
    const n = norms[f]!
    tf += (n.weight * x) / n.denom[slot]!
  }
  return tf === 0 ? 0 : (idf * tf * (index.k1 + 1)) / (index.k1 + tf)
}

/** The weight of the heaviest field a posting occurs in. */
export function heaviestField(norms: readonly { weight: number }[], tfs: ArrayLike<number>, offset: number): number {
  let w = 0
  for (let f = 0; f < norms.length; f++) if (tfs[offset + f]! > 0 && norms[f]!.weight > w) w = norms[f]!.weight
  return w
}

/** The most a document can cover of the query: Σ idf of its words' terms × the heaviest field weight. */
export function massOfQuery<D>(index: MatchIndex<D>, q: AnalyzedQuery): number {
  const heaviest = Math.max(...index.fields.map((f) => f.weight))
  let mass = 0
  for (const qw of q.words) {
    let idf = 0
    for (const id of qw.termIds) idf = Math.max(idf, index.idf(index.postings[id]!.df))
    mass += idf * heaviest
  }
  return mass
}

/** The coverage factor applied to a slot's BM25F sum (search.ts explains it). */
export function covered<D>(
  index: MatchIndex<D>,
  slot: number,
  text: number,
  cover: number,
  queryMass: number,
  gamma: number,
): number {
  if (gamma <= 0) return text
  const mass = Math.min(index.mass(slot), queryMass)
  return text > 0 && mass > 0 ? text * Math.min(1, cover / mass) ** gamma : text
}

export function filterFor<D>(query: EngineQuery, options: SearchOptions<D>): (doc: IndexedDocument<D>) => boolean {
  const exclude = new Set(query.exclude ?? [])
  const types = query.types?.length ? new Set(query.types) : null
  const countries = query.countries?.length ? new Set(query.countries.map((c) => c.toUpperCase())) : null
  const notCountries = new Set((query.excludeCountries ?? []).map((c) => c.toUpperCase()))
  const where = options.where
  return (doc) => {
    if (exclude.has(doc.id)) return false
    if (types && (doc.type === null || !types.has(doc.type))) return false
    const country = doc.country?.toUpperCase() ?? null
    if (countries && (country === null || !countries.has(country))) return false
    if (country !== null && notCountries.has(country)) return false
    return where ? where(doc) : true
  }
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0
}

/** The final score: text relative to the best, tag share, features (one formula for both paths). */
export function finalScore<D>(
  doc: IndexedDocument<D>,
  text: number,
  bestText: number,
  tags: number,
  tagTotal: number,
  options: SearchOptions<D>,
): number {
  const tagWeight = options.tagWeight ?? 0.5
  let score = (bestText > 0 ? text / bestText : 0) + (tagTotal > 0 ? (tagWeight * tags) / tagTotal : 0)
  for (const feature of options.features ?? []) {
    const r = feature.score(doc)
    if (r) score += feature.weight * clamp01(r.value)
  }
  return score
}

/** A scored slot with its parts, for explanations. */
export interface Hit {
  slot: number
  score: number
  text: number
  tags: number
}
