// The expert-assignment optimiser's contract: applications needing k experts, experts with load bounds and a kind,
// an affinity per pair, conflicts, pairs locked by an operator and the call's panel rules; back come the pairs, each
// explained, the total affinity and a proof that no assignment does better. Pure data: no database.

export type ExpertKind = 'technical' | 'practitioner' | 'business'

export interface AssignmentApplication {
  id: string
  /** Experts the application needs (default 3). */
  k?: number
  /** Countries of the applicants (ISO codes), for the rule "no expert from the applicants' countries". */
  countries?: readonly string[]
}

export interface AssignmentExpert {
  id: string
  /** At least this many applications (default 0). */
  minLoad?: number
  /** At most this many applications. */
  maxLoad: number
  kind: ExpertKind
  /** Countries of the expert (ISO codes: nationality, residence…), every one of them counting for the panel rules:
   * two experts sharing any country are "from the same country", and an expert holding any of the applicants'
   * countries is "from an applicant country". Empty, null or absent: the expert has no country and is not counted. */
  countries?: readonly string[] | null
}

/**
 * Affinity of each (application, expert) pair, by position in `applications` and `experts`:
 * - `dense`: one row per application, one value per expert (`rows[a][e]`);
 * - `sparse`: the listed pairs (`application[i]`, `expert[i]`, `value[i]`), every other pair has `default` (0 when
 *   absent) and stays assignable.
 * Values are finite numbers; they are taken to 6 decimals (fewer when all fit in fewer).
 */
export type AffinityInput =
  | { kind: 'dense'; rows: readonly ArrayLike<number>[] }
  | {
      kind: 'sparse'
      application: ArrayLike<number>
      expert: ArrayLike<number>
      value: ArrayLike<number>
      default?: number
    }

export interface AssignmentPair {
  application: string
  expert: string
}

export interface PanelRules {
  /** At least one practitioner (end-user) expert per application. */
  practitionerRequired?: boolean
  /** At most one expert per country per application: no two panel members share any country (experts without a
   * country are not counted). */
  onePerCountry?: boolean
  /** No expert any of whose countries is one of the applicants' countries. */
  excludeApplicantCountries?: boolean
}

export interface AssignmentInput {
  applications: readonly AssignmentApplication[]
  experts: readonly AssignmentExpert[]
  affinity: AffinityInput
  conflicts?: readonly AssignmentPair[]
  /** Pairs forced by an operator; the optimiser assigns around them. */
  locks?: readonly AssignmentPair[]
  rules?: PanelRules
}

/**
 * Why a pair is in the assignment, as far as it can be told from the result:
 * - `locked`: an operator locked it;
 * - `top_choice`: the expert is among the application's k best allowed experts;
 * - `practitioner_required`: the panel's only practitioner, and not a top choice;
 * - `minimum_load`: the expert is at their minimum load, and this is not a top choice;
 * - `country_rule`: a better expert for the application shares a country (any of its countries) with another panel
 *   member;
 * - `load_balance`: better experts for the application are at their maximum load, serving applications where they
 *   count for more.
 */
export type PairReason =
  | 'locked'
  | 'top_choice'
  | 'practitioner_required'
  | 'minimum_load'
  | 'country_rule'
  | 'load_balance'

export interface AssignedPair {
  application: string
  expert: string
  affinity: number
  locked: boolean
  /** Rank of this application among the expert's allowed applications by affinity (1 = the expert's best; ties share). */
  rankForExpert: number
  /** Rank of this expert among the application's allowed experts by affinity (1 = best; ties share). */
  rankForApplication: number
  reason: PairReason
}

/** `flow`: min-cost flow, proven optimal by its node potentials; `milp`: HiGHS branch and cut with the panel rules. */
export type AssignmentMethod = 'flow' | 'milp'

export interface AssignmentResult {
  pairs: AssignedPair[]
  /** Total affinity of the assignment (locked pairs included). */
  objective: number
  /** No assignment has a larger total: the LP relaxation's bound (flow: equal to the objective). */
  upperBound: number
  /** (upperBound - objective) / max(1, |upperBound|). */
  lpGap: number
  /** True when optimality is proven (flow potentials, or MIP gap 0 with every pruned pair priced out). */
  optimal: boolean
  /** HiGHS's own relative MIP gap at the end (0 for `flow`). */
  mipGap: number
  method: AssignmentMethod
  /** Allowed pairs (after conflicts and rules), and how many of them the solver had in its model. */
  allowedPairs: number
  modelledPairs: number
  /** Times the model was re-solved with pairs added back after pricing. */
  rounds: number
  /** Affinities were multiplied by this and rounded to integers. */
  scale: number
  timeMs: number
}

export type AssignmentPhase = 'validate' | 'prune' | 'flow' | 'lp' | 'price' | 'milp' | 'explain' | 'done'

export interface AssignmentProgress {
  phase: AssignmentPhase
  elapsedMs: number
  /** Units of demand assigned so far (flow), or the best objective found (MILP). */
  assigned?: number
  demand?: number
  objective?: number
  upperBound?: number
  modelledPairs?: number
}

export interface AssignmentOptions {
  onProgress?: (progress: AssignmentProgress) => void
  /** Candidates kept per application before pricing proves the rest useless (default max(30, 10k)). All allowed pairs
   * are modelled when they number at most `pruneAbove` (default 50,000). */
  candidatesPerApplication?: number
  pruneAbove?: number
  /** Time allowed to HiGHS per MIP solve (default 300 s). */
  mipTimeLimitMs?: number
}
