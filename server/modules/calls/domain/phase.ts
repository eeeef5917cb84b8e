import { callPhase } from '../../../../shared/calls/time.ts'
import type { CallPhase } from '../../../../shared/contracts/calls.ts'

/** The columns that decide a call's phase. */
export interface PhaseRow {
  published_at: Date | string | null
  cancelled_at: Date | string | null
  opens_at: Date | string
  closes_at: Date | string
}

/** The phase of a stored call at `now` (derived, never stored: the server's clock decides). */
export function phaseOf(row: PhaseRow, now: Date): CallPhase {
  return callPhase(
    { publishedAt: row.published_at, cancelledAt: row.cancelled_at, opensAt: row.opens_at, closesAt: row.closes_at },
    now,
  )
}

/** Phases in which a call is frozen: its configuration changes only as a new version with a change log. */
export function isFrozen(row: PhaseRow & { frozen_at: Date | string | null }, now: Date): boolean {
  if (row.frozen_at !== null) return true
  const phase = phaseOf(row, now)
  return phase === 'open' || phase === 'closed'
}
