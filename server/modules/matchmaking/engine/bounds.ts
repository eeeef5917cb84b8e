/**
 * Upper bounds for query-time pruning (MaxScore, prune.ts): for each term, the largest normalised
 * frequency tf' = Σ_f weight_f · tf_f / (1 − b_f + b_f · len / avg_f) over its postings, so that
 * idf · tf'(k1 + 1) / (k1 + tf') bounds the term's BM25F score in any document.
 *
 * A bound is computed the first time a query needs it (one pass over the posting list), under the
 * field averages of that moment (the snapshot), and kept up to date as documents are added. Removed
 * documents leave it as it was (still an upper bound). When the averages have grown since the snapshot,
 * every tf' can have grown by at most avg_now / avg_snapshot (the normalisation's denominator shrinks
 * by no more than that factor), so the bound is scaled by it; past 25% growth the bounds are dropped
 * and recomputed on demand under new averages.
 */
import type { MatchIndex, Postings } from './text-index.ts'

const UNKNOWN = -1

export class TermBounds {
  readonly #index: MatchIndex<unknown>
  #tfMax = new Float64Array(0)
  #snapshot: number[] | null = null

  constructor(index: MatchIndex<unknown>) {
    this.#index = index
  }

  /** tf' of posting `i` of a list under the snapshot's averages. */
  #normalised(p: Postings, i: number, averages: readonly number[]): number {
    const index = this.#index
    const F = index.fields.length
    let tf = 0
    const slot = p.slots[i]!
    for (let f = 0; f < F; f++) {
      const x = p.tfs[i * F + f]!
      if (x === 0) continue
      const field = index.fields[f]!
      const len = index.fieldLengths[f]![slot] ?? 0
      tf += (field.weight * x) / (1 - field.b + (field.b * len) / (averages[f] || 1))
    }
    return tf
  }

  #averages(): number[] {
    return this.#index.fields.map((_, f) => this.#index.averageLength(f) || 1)
  }

  /** How much tf' may have grown since the snapshot (≥ 1). */
  #growth(): number {
    const snap = this.#snapshot
    if (!snap) return 1
    let g = 1
    this.#index.fields.forEach((_, f) => {
      const now = this.#index.averageLength(f) || 1
      g = Math.max(g, now / snap[f]!)
    })
    return g
  }

  #ensureCapacity(termId: number): void {
    if (termId < this.#tfMax.length) return
    const next = new Float64Array(Math.max(1024, (termId + 1) * 2)).fill(UNKNOWN)
    next.set(this.#tfMax)
    this.#tfMax = next
  }

  /** An upper bound of tf' for this term in any live document. */
  maxTf(termId: number): number {
    let growth = this.#growth()
    if (growth > 1.25) {
      this.#tfMax.fill(UNKNOWN)
      this.#snapshot = null
      growth = 1
    }
    if (!this.#snapshot) this.#snapshot = this.#averages()
    this.#ensureCapacity(termId)
    let m = this.#tfMax[termId]!
    if (m === UNKNOWN) {
      m = 0
      const p = this.#index.postings[termId]
      if (p) for (let i = 0; i < p.n; i++) m = Math.max(m, this.#normalised(p, i, this.#snapshot))
      this.#tfMax[termId] = m
    }
    return m * growth
  }

  /** Computes every term's bound now (after a bulk load), so that no query pays for it. */
  prepareAll(): void {
    const n = this.#index.postings.length
    if (n === 0) return
    this.maxTf(n - 1)
    for (let id = 0; id < n; id++) this.maxTf(id)
  }

  /** A posting was appended to this term's list: raise its bound if it is known. */
  added(termId: number, p: Postings): void {
    if (!this.#snapshot || termId >= this.#tfMax.length) return
    const m = this.#tfMax[termId]!
    if (m === UNKNOWN) return
    this.#tfMax[termId] = Math.max(m, this.#normalised(p, p.n - 1, this.#snapshot))
  }
}
