/** One allocation of points by one voter to one use case. */
export interface Vote {
  voterId: string
  useCaseId: string
  points: number
}

export interface TallyRow {
  useCaseId: string
  points: number
  /** How many voters gave this use case at least one point. */
  voters: number
  /** Competition ranking: ties share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number
}

export interface Tally {
  /** How many people voted at all. */
  voters: number
  rows: TallyRow[]
}

/**
 * Counts the votes it is given, with no opinion on which are valid: the ballot command refuses late
 * or over-budget ballots before they are stored. Every listed use case appears, with 0 if unvoted.
 * Order: points descending, then use case id for a stable order among ties.
 */
export function tally(useCaseIds: readonly string[], votes: readonly Vote[]): Tally {
  const points = new Map<string, number>(useCaseIds.map((id) => [id, 0]))
  const votersOf = new Map<string, Set<string>>(useCaseIds.map((id) => [id, new Set()]))
  const everyone = new Set<string>()
  for (const v of votes) {
    if (!points.has(v.useCaseId) || v.points <= 0) continue
    points.set(v.useCaseId, points.get(v.useCaseId)! + v.points)
    votersOf.get(v.useCaseId)!.add(v.voterId)
    everyone.add(v.voterId)
  }
  const sorted = [...points.entries()].sort(([a, pa], [b, pb]) => pb - pa || (a < b ? -1 : a > b ? 1 : 0))
  const rows: TallyRow[] = []
  sorted.forEach(([useCaseId, p], i) => {
    const prev = rows[i - 1]
    const rank = prev && prev.points === p ? prev.rank : i + 1
    rows.push({ useCaseId, points: p, voters: votersOf.get(useCaseId)!.size, rank })
  })
  return { voters: everyone.size, rows }
}
