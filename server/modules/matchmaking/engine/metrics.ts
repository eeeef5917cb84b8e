/** Ranking metrics: Recall@k and the mean reciprocal rank over a set of queries. */

export interface Judged {
  /** The ranked ids, best first. */
  ranked: readonly string[]
  /** The correct answers (one or more). */
  relevant: ReadonlySet<string>
}

/** Share of the relevant ids found in the first k, averaged over the queries. */
export function recallAt(k: number, judged: readonly Judged[]): number {
  if (judged.length === 0) return 0
  let sum = 0
  for (const j of judged) {
    if (j.relevant.size === 0) continue
    let found = 0
    for (const id of j.ranked.slice(0, k)) if (j.relevant.has(id)) found++
    sum += found / j.relevant.size
  }
  return sum / judged.length
}

/** Mean of 1 / rank of the first relevant id (0 when none is ranked). */
export function meanReciprocalRank(judged: readonly Judged[]): number {
  if (judged.length === 0) return 0
  let sum = 0
  for (const j of judged) {
    const rank = j.ranked.findIndex((id) => j.relevant.has(id))
    if (rank >= 0) sum += 1 / (rank + 1)
  }
  return sum / judged.length
}

export interface Metrics {
  recall1: number
  recall5: number
  recall10: number
  mrr: number
}

export function metrics(judged: readonly Judged[]): Metrics {
  const r = (x: number) => Math.round(x * 10_000) / 10_000
  return {
    recall1: r(recallAt(1, judged)),
    recall5: r(recallAt(5, judged)),
    recall10: r(recallAt(10, judged)),
    mrr: r(meanReciprocalRank(judged)),
  }
}
