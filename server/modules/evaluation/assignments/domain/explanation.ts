import type { PairExplanation } from '../../../../../shared/contracts/evaluation-assignments.ts'
import type { PairAffinity } from './affinity.ts'

/** What a pair stores in `evaluation_assignments.explanation`: why it was chosen, from what affinity. */
export function explanationOf(
  reason: PairExplanation['reason'],
  affinity: PairAffinity | undefined,
  bidWeight: number,
  tagNames: ReadonlyMap<string, string>,
  ranks: { rankForApplication: number; rankForExpert: number } | null = null,
): PairExplanation {
  return {
    reason,
    text: affinity?.text ?? 0,
    bid: affinity?.bid ?? null,
    bidWeight: affinity?.bid ? bidWeight : 0,
    words: affinity?.words ?? [],
    tags: (affinity?.tags ?? []).map((id) => tagNames.get(id) ?? id),
    rankForApplication: ranks?.rankForApplication ?? null,
    rankForExpert: ranks?.rankForExpert ?? null,
  }
}

/** A stored explanation read back (rows written before a field existed get its default). */
export function readExplanation(json: unknown, source: string): PairExplanation {
  const x = (json ?? {}) as Partial<PairExplanation>
  const fallback: PairExplanation['reason'] =
    source === 'manual' ? 'manual' : source === 'reassignment' ? 'reassignment' : 'top_choice'
  return {
    reason: x.reason ?? fallback,
    text: x.text ?? 0,
    bid: x.bid ?? null,
    bidWeight: x.bidWeight ?? 0,
    words: x.words ?? [],
    tags: x.tags ?? [],
    rankForApplication: x.rankForApplication ?? null,
    rankForExpert: x.rankForExpert ?? null,
  }
}
