export interface Allocation {
  useCaseId: string
  points: number
}

export interface BallotRules {
  budget: number
  linkedUseCaseIds: ReadonlySet<string>
  voteClosesAt: Date | null
  now: Date
}

export type BallotVerdict =
  | { ok: true; allocations: Allocation[]; spent: number }
  | { ok: false; error: 'vote_closed' }
  | { ok: false; error: 'ballot_over_budget'; field: string; spent: number }
  | { ok: false; error: 'invalid'; field: string; code: string }

/** The vote is open until `voteClosesAt` (exclusive); without a closing time it is open. */
export function voteOpen(voteClosesAt: Date | null, now: Date): boolean {
  return voteClosesAt === null || now.getTime() < voteClosesAt.getTime()
}

/**
 * Checks a whole ballot (it replaces the previous one): integer points ≥ 0, only linked use cases,
 * each at most once, the total within budget, before the closing time. Zero allocations are dropped.
 */
export function checkBallot(allocations: readonly Allocation[], rules: BallotRules): BallotVerdict {
  if (!voteOpen(rules.voteClosesAt, rules.now)) return { ok: false, error: 'vote_closed' }
  const seen = new Set<string>()
  let spent = 0
  for (const [i, a] of allocations.entries()) {
    const field = `allocations.${i}`
    if (!Number.isInteger(a.points))
      return { ok: false, error: 'invalid', field: `${field}.points`, code: 'not_integer' }
    if (a.points < 0) return { ok: false, error: 'invalid', field: `${field}.points`, code: 'negative' }
    if (!rules.linkedUseCaseIds.has(a.useCaseId))
      return { ok: false, error: 'invalid', field: `${field}.useCaseId`, code: 'not_in_workshop' }
    if (seen.has(a.useCaseId)) return { ok: false, error: 'invalid', field: `${field}.useCaseId`, code: 'duplicate' }
    seen.add(a.useCaseId)
    spent += a.points
  }
  if (spent > rules.budget) return { ok: false, error: 'ballot_over_budget', field: 'allocations', spent }
  return { ok: true, allocations: allocations.filter((a) => a.points > 0), spent }
}
