// The brokerage-event scheduler's contract: what the organiser's data becomes (participants, slots, accepted
// requests, meetings fixed by hand) and what comes back (a meeting per scheduled request with its slot and
// table, the requests left out and why, the objective and an upper bound on it). Pure data: no database.

export interface SchedulingParticipant {
  id: string
  /** Slot ids in which the participant is available (sessions attended, minus slots blocked). */
  slots: readonly string[]
  /** At most this many meetings in the whole event; absent or null: no limit but one per slot. */
  maxMeetings?: number | null
}

export interface SchedulingSlot {
  id: string
  /** The session (half-day, day, online block) the slot belongs to; informative only. */
  session?: string
  /** Tables (or online rooms) available in this slot. */
  tables: number
}

export interface SchedulingRequest {
  id: string
  /** The two participants (requester and requested; the order does not matter). */
  a: string
  b: string
  /** Priority weight (> 0), e.g. 1–3; default 1. The scheduler maximises the sum of the weights. */
  weight?: number
}

export interface FixedMeeting {
  request: string
  slot: string
  /** Table number, 1..tables of the slot; absent: the scheduler chooses one. */
  table?: number
}

export interface SchedulingInput {
  participants: readonly SchedulingParticipant[]
  slots: readonly SchedulingSlot[]
  requests: readonly SchedulingRequest[]
  fixed?: readonly FixedMeeting[]
}

export interface ScheduledMeeting {
  request: string
  slot: string
  table: number
  fixed: boolean
}

/**
 * Why a request stayed out of the schedule, as far as the final schedule shows it:
 * - `no_common_slot`: the two participants share no available slot with tables;
 * - `max_meetings`: one of them (`participant`) already has their maximum of meetings;
 * - `participants_busy`: in every common slot one of them already meets someone else;
 * - `tables_full`: in every common slot where both are free all tables are taken;
 * - `no_free_slot`: every common slot is blocked, some by a busy participant and some by full tables.
 */
export type UnscheduledReason = 'no_common_slot' | 'max_meetings' | 'participants_busy' | 'tables_full' | 'no_free_slot'

export interface UnscheduledRequest {
  request: string
  reason: UnscheduledReason
  participant?: string
}

/**
 * `exact`: the schedule is proven optimal (branch and bound closed the gap) and the bound is its objective;
 * `lp`: the optimum of the linear-programming relaxation, made safe from rounding through its dual;
 * `combinatorial`: the smaller of two counting bounds (best weights that fit the tables; best weights per
 * participant), used when no LP was solved.
 */
export type BoundKind = 'exact' | 'lp' | 'combinatorial'

export type SchedulingMethod = 'milp' | 'heuristic'

export interface SchedulingResult {
  meetings: ScheduledMeeting[]
  unscheduled: UnscheduledRequest[]
  /** Sum of the weights of the scheduled requests (fixed ones included). */
  objective: number
  /** No schedule can have a larger objective. */
  upperBound: number
  boundKind: BoundKind
  /** objective / upperBound (1 when both are 0). */
  ratio: number
  method: SchedulingMethod
  timeMs: number
}

export type SchedulingPhase = 'validate' | 'greedy' | 'improve' | 'bound' | 'milp' | 'done'

export interface SchedulingProgress {
  phase: SchedulingPhase
  elapsedMs: number
  /** Best objective found so far, when there is one. */
  objective?: number
  /** Best upper bound known so far, when there is one. */
  upperBound?: number
}

export interface SchedulingOptions {
  /** Called at each phase and during long solver runs (synchronously, from the solving thread). */
  onProgress?: (progress: SchedulingProgress) => void
  /** Solve exactly by mixed-integer programming when a gap is left and the model has at most this many variables
   * (one per request and candidate slot; default 5,000). */
  exactMaxVariables?: number
  /** Time allowed to the exact solver before it returns its best schedule (default: what is left of the time budget,
   * at least 2 s). */
  exactTimeLimitMs?: number
  /** Time allowed to each local improvement (after the greedy pass, after each LP rounding; default 1 s). */
  improveTimeLimitMs?: number
  /**
   * Soft time budget of the greedy, LP and rounding phases (default 8 s): the LP is stopped when it runs out (the
   * bound from its duals so far stays valid), and the second LP pass on large events runs only within it.
   */
  timeBudgetMs?: number
  /**
   * The LP method to start with (default: PDLP above `pdlpMinVariables` variables, dual simplex below); after PDLP,
   * the dual simplex follows while the time budget lasts.
   */
  lpMethod?: 'simplex' | 'pdlp'
  /** Models with more variables than this start with PDLP (default 20,000). */
  pdlpMinVariables?: number
  /** Skip the LP relaxation and report the combinatorial bound only (for very large events without HiGHS time). */
  skipLp?: boolean
}
