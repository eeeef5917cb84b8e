/**
 * Selection under a budget (issue 7 §9): which ranked applications are funded, which wait in reserve and
 * which are out — exactly, through HiGHS (WebAssembly).
 *
 * Constraints on the funded set S (each application is granted what it requested, in cents):
 *  - budget: Σ requested ≤ budgetCents;
 *  - quotas: for a challenge or a domain, min ≤ |S ∩ key| ≤ max (max null = no maximum);
 *  - per-organisation cap across the programme's calls: for every member organisation, what it was already
 *    granted in the programme's other calls (`priorGrantedCents`) + its requested cents in the applications
 *    of S ≤ perOrganisationCapCents;
 *  - geographic balance (optional): at most maxPerCountry funded applications per country of the LEAD
 *    organisation (the coordinator's country; other members do not count).
 *
 * Objective: the selection that follows the ranking, lexicographically by rank — rank 1 is funded if any
 * feasible selection funds it, then rank 2 if any feasible selection funds rank 1's decision and it, and so
 * on. Solved as a SEQUENCE of integer feasibility programmes, not as one MILP with weights 2^(n−rank)
 * (exact only while 2^n fits a double's 53-bit mantissa, i.e. some 50 applications): in rank order, x_r is
 * fixed to 1 when the MILP with every earlier decision fixed and x_r = 1 is feasible, to 0 otherwise. Each
 * step keeps the invariant "a feasible completion exists", so the result is feasible and is the
 * lexicographic maximum (optimise.test.ts checks it against brute force over all subsets). A step whose
 * application breaks a "≤" row (budget, maximum, cap, country) with the decided set is answered without the
 * solver; so is one where the decided set with it meets every row, minimums included (feasible as is), or
 * one whose application is in the last feasible selection HiGHS returned while that selection still agrees
 * with every decision. HiGHS decides the rest: only minimum quotas make it necessary. (400 applications,
 * 12 challenge quotas with minimums: some 25 solves, about 3 s.)
 *
 * Reserve: the ranked applications not funded that would fit if ONE funded application declined (the set
 * without it plus this one meets every constraint, minimums included), in rank order. Ranked applications
 * that would not fit even then are out, with the reason found when their turn came.
 *
 * Explanations (code, params): selected_in_rank {rank, grantedCents}; reserve {reserveRank, reason,
 * detail}; budget_exhausted {requestedCents, remainingCents}; quota_max {scope, key, max};
 * organisation_cap {organisationId, name, capCents, priorCents, selectedCents, requestedCents};
 * country_max {country, max}; quota_min_reserved {quotas} (funding it would leave no way to meet these
 * minimums); not_ranked {reasons} (below a threshold or without a final consensus, from the ranking).
 */
import type { Highs } from 'highs'
import { DomainError } from '../../../../platform/errors.ts'
import {
  buildModel,
  describeUpper,
  type Explanation,
  type Model,
  meetsAll,
  quotaView,
  type Row,
  rowSum,
  type SelectionInput,
  type SelectionQuota,
} from './model.ts'

export type {
  Explanation,
  SelectionCandidate,
  SelectionInput,
  SelectionMember,
  SelectionParams,
  SelectionQuota,
} from './model.ts'

export interface SelectionResult {
  status: 'optimal'
  budgetCents: number
  spentCents: number
  /** The number of funded applications (the order among selections is lexicographic by rank). */
  objective: number
  selected: { applicationId: string; rank: number; grantedCents: number }[]
  reserve: { applicationId: string; rank: number; reserveRank: number }[]
  out: { applicationId: string; rank: number | null }[]
  explanations: Record<string, Explanation>
  /** How many integer programmes HiGHS solved (the rest were decided without it). */
  solverCalls: number
}

type HighsLoader = () => Promise<Highs>
let highsPromise: Promise<Highs> | undefined
async function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((m) => {
    const exported = (m as unknown as { default: HighsLoader | { default: HighsLoader } }).default
    return (typeof exported === 'function' ? exported : exported.default)()
  })
  return highsPromise
}

/**
 * Whether some selection extends the decisions (1: funded, 0: not, undefined: free) and meets every row.
 * `rows` may restrict the rows taken into account (for diagnosing infeasible quotas).
 */
async function feasible(m: Model, fixed: (0 | 1 | undefined)[], rows: Row[] = m.rows): Promise<Set<number> | null> {
  const highs = await loadHighs()
  const n = m.apps.length
  const starts = new Int32Array(n + 1)
  const indices: number[] = []
  const values: number[] = []
  for (let j = 0; j < n; j++) {
    rows.forEach((row, r) => {
      const v = row.coef.get(j)
      if (v !== undefined) {
        indices.push(r)
        values.push(v)
      }
    })
    starts[j + 1] = indices.length
  }
  const inf = highs.infinity
  const model = highs.createModel({
    numCols: n,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(n),
    colLower: Float64Array.from(fixed, (f) => (f === 1 ? 1 : 0)),
    colUpper: Float64Array.from(fixed, (f) => (f === 0 ? 0 : 1)),
    rowLower: Float64Array.from(rows, (r) => (Number.isFinite(r.lower) ? r.lower : -inf)),
    rowUpper: Float64Array.from(rows, (r) => (Number.isFinite(r.upper) ? r.upper : inf)),
    matrix: {
      format: 'csc',
      numRows: rows.length,
      numCols: n,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
  })
  try {
    model.options.set({ output_flag: false, mip_feasibility_tolerance: 1e-9, primal_feasibility_tolerance: 1e-9 })
    const run = model.run()
    if (run.modelStatus === highs.constants.modelStatus.infeasible) return null
    if (run.modelStatus !== highs.constants.modelStatus.optimal)
      throw new Error(`HiGHS ended with model status ${run.modelStatus} on a selection of ${n} applications`)
    // Verify in whole cents: the solver's tolerances must not let a selection a cent over budget through.
    const x = model.getSolution().colValue
    const set: number[] = []
    for (let j = 0; j < n; j++) if (x[j]! > 0.5) set.push(j)
    const ok = rows.every((row) => {
      const s = rowSum(row, set)
      return s >= row.lower && s <= row.upper
    })
    if (!ok) throw new Error('HiGHS returned a selection that breaks a constraint in whole cents')
    return new Set(set)
  } finally {
    model.dispose()
  }
}

/** Which minimum quota makes the problem infeasible (alone, with every maximum, cap and the budget). */
async function diagnose(m: Model): Promise<never> {
  const free = m.apps.map(() => undefined)
  const uppers = m.rows.map((r) => (r.what.kind === 'quota' ? { ...r, lower: 0 } : r))
  const minimums = m.rows.filter((r) => r.what.kind === 'quota' && r.lower > 0)
  for (const row of minimums) {
    const rows = uppers.map((r) =>
      r.what.kind === 'quota' && r.what.quota === (row.what as { quota: SelectionQuota }).quota ? row : r,
    )
    if (!(await feasible(m, free, rows))) {
      const quota = (row.what as { quota: SelectionQuota }).quota
      throw new DomainError(
        'selection_infeasible',
        `No selection funds ${quota.min} application(s) of ${quota.scope} ${quota.key} within these limits.`,
        { quota: quotaView(quota), available: row.coef.size },
      )
    }
  }
  throw new DomainError('selection_infeasible', 'These minimum quotas cannot all be met within these limits.', {
    quotas: minimums.map((r) => quotaView((r.what as { quota: SelectionQuota }).quota)),
  })
}

export async function selectUnderBudget(input: SelectionInput): Promise<SelectionResult> {
  const { params } = input
  for (const q of params.quotas)
    if (q.max !== null && q.max < q.min)
      throw new DomainError(
        'selection_infeasible',
        `The quota of ${q.scope} ${q.key} has its maximum under its minimum.`,
        {
          quota: quotaView(q),
        },
      )
  const apps = input.candidates
    .filter((c) => c.rank !== null)
    .sort((a, b) => a.rank! - b.rank! || (a.applicationId < b.applicationId ? -1 : 1))
  const m = buildModel(apps, input)
  const n = apps.length
  const explanations: Record<string, Explanation> = {}
  const fixed: (0 | 1 | undefined)[] = new Array(n).fill(undefined)
  let solverCalls = 0
  const hasMinimums = m.rows.some((r) => r.lower > 0)
  // The last feasible selection HiGHS found, while it agrees with every decision taken since: a step whose
  // application it funds is feasible without solving again.
  let witness: Set<number> | null = null
  if (hasMinimums) {
    solverCalls++
    witness = await feasible(m, fixed)
    if (!witness) await diagnose(m)
  }
  // Row sums of the decided set, kept up to date: a step only looks at the rows its application is in.
  const touches: { r: number; c: number }[][] = apps.map(() => [])
  m.rows.forEach((row, r) => {
    for (const [i, c] of row.coef) touches[i]!.push({ r, c })
  })
  const sums = new Array<number>(m.rows.length).fill(0)
  let unmet = m.rows.filter((row) => row.lower > 0).length
  const decided: number[] = []
  for (let i = 0; i < n; i++) {
    // The decided set meets every "≤" row (it extends to a feasible selection): only rows of i can break.
    const hit = touches[i]!.find(({ r, c }) => sums[r]! + c > m.rows[r]!.upper)
    const broken = hit ? m.rows[hit.r]! : null
    const metNow = touches[i]!.filter(
      ({ r, c }) => sums[r]! < m.rows[r]!.lower && sums[r]! + c >= m.rows[r]!.lower,
    ).length
    let ok: boolean
    if (broken) ok = false
    else if (unmet - metNow === 0) ok = true
    else if (witness?.has(i)) ok = true
    else {
      fixed[i] = 1
      solverCalls++
      witness = await feasible(m, fixed)
      ok = witness !== null
    }
    fixed[i] = ok ? 1 : 0
    if (witness && witness.has(i) !== ok) witness = null
    const a = apps[i]!
    if (ok) {
      decided.push(i)
      for (const { r, c } of touches[i]!) sums[r] = sums[r]! + c
      unmet -= metNow
      explanations[a.applicationId] = {
        status: 'selected',
        code: 'selected_in_rank',
        params: { rank: a.rank, grantedCents: a.requestedCents },
      }
    } else if (broken) {
      explanations[a.applicationId] = describeUpper(broken, m, decided, i, params)
    } else {
      const unmetQuotas = m.rows
        .filter((r, k) => r.what.kind === 'quota' && sums[k]! < r.lower)
        .map((r) => quotaView((r.what as { quota: SelectionQuota }).quota))
      explanations[a.applicationId] = { status: 'out', code: 'quota_min_reserved', params: { quotas: unmetQuotas } }
    }
  }
  // A funded set meets every row by construction; check it anyway.
  if (!meetsAll(m, decided)) throw new Error('The selection breaks a constraint')
  // Whether i fits in place of s: only the rows of i and s change.
  const fitsInstead = (i: number, s: number) => {
    const delta = new Map<number, number>()
    for (const { r, c } of touches[s]!) delta.set(r, (delta.get(r) ?? 0) - c)
    for (const { r, c } of touches[i]!) delta.set(r, (delta.get(r) ?? 0) + c)
    for (const [r, d] of delta) {
      const v = sums[r]! + d
      if (v < m.rows[r]!.lower || v > m.rows[r]!.upper) return false
    }
    return true
  }
  const chosen = new Set(decided)
  const reserve: SelectionResult['reserve'] = []
  const out: SelectionResult['out'] = []
  for (let i = 0; i < n; i++) {
    if (chosen.has(i)) continue
    const a = apps[i]!
    if (decided.some((s) => fitsInstead(i, s))) {
      const reserveRank = reserve.length + 1
      reserve.push({ applicationId: a.applicationId, rank: a.rank!, reserveRank })
      const why = explanations[a.applicationId]!
      explanations[a.applicationId] = {
        status: 'reserve',
        code: 'reserve',
        params: { reserveRank, reason: why.code, detail: why.params },
      }
    } else out.push({ applicationId: a.applicationId, rank: a.rank })
  }
  for (const c of input.candidates) {
    if (c.rank !== null) continue
    out.push({ applicationId: c.applicationId, rank: null })
    explanations[c.applicationId] = { status: 'out', code: 'not_ranked', params: { reasons: c.outReasons ?? [] } }
  }
  const selected = decided.map((i) => ({
    applicationId: apps[i]!.applicationId,
    rank: apps[i]!.rank!,
    grantedCents: apps[i]!.requestedCents,
  }))
  return {
    status: 'optimal',
    budgetCents: params.budgetCents,
    spentCents: selected.reduce((s, x) => s + x.grantedCents, 0),
    objective: selected.length,
    selected,
    reserve,
    out,
    explanations,
    solverCalls,
  }
}
