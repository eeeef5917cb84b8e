// The assignment problem indexed: positions instead of ids, locks taken out of the needs and loads, every pair that a
// conflict, a lock or a rule forbids marked, then the checks that tell an operator why no assignment can exist:
// capacity below demand, minimum loads above it, an application with too few allowed experts (or practitioners, or
// countries), locks that break a load or a rule. Each is a DomainError with a stable code and details.
import { DomainError, type FieldError } from '../../../platform/errors.ts'
import { type Affinity, buildAffinity, costOf } from './affinity.ts'
import type { AssignmentInput } from './types.ts'

export interface Problem {
  A: number
  E: number
  appIds: readonly string[]
  expIds: readonly string[]
  /** Experts still needed per application, after locks. */
  need: Int32Array
  /** Load bounds still open per expert, after locks. */
  minLoad: Int32Array
  maxLoad: Int32Array
  practitioner: Uint8Array
  /** Each expert's country signature: the set of its countries, by index into `sigCountries`. Signature 0 is the
   * empty set (no country); experts with the same countries share one, so per-country counts run over signatures. */
  expSig: Int32Array
  /** Country indexes of each signature, sorted, distinct. */
  sigCountries: readonly Int32Array[]
  /** Practitioners still needed per application (0 or 1; all 0 without the rule). */
  pracNeed: Int32Array
  onePerCountry: boolean
  practitionerRule: boolean
  affinity: Affinity
  /** Locked pairs (a, e) and their scaled affinity sum. */
  locks: { a: number; e: number }[]
  lockedCost: number
  /** Per application, the experts a conflict or a lock takes out, sorted (takenExpert[takenStart[a] ..]). */
  takenStart: Int32Array
  takenExpert: Int32Array
  /** Countries known (experts' and applicants'), and per application the expert countries it cannot have
   * (applicants' countries under the rule, countries of locked experts under the country rule): mask[a * NC + c]. */
  NC: number
  blockedMask: Uint8Array
  demand: number
  /** Allowed pairs in all, per application and per expert. */
  allowedPairs: number
  allowedPerApp: Int32Array
  allowedPerExpert: Int32Array
}

/** Country indexes of expert e (sorted, distinct; empty without a country). */
export function expertCountries(pb: Problem, e: number): Int32Array {
  return pb.sigCountries[pb.expSig[e]!]!
}

/** Whether none of the signature's countries is blocked for application a. */
function sigAllowed(pb: Problem, a: number, s: number): boolean {
  const list = pb.sigCountries[s]!
  const base = a * pb.NC
  for (let i = 0; i < list.length; i++) if (pb.blockedMask[base + list[i]!] !== 0) return false
  return true
}

export function allowedByCountry(pb: Problem, a: number, e: number): boolean {
  return sigAllowed(pb, a, pb.expSig[e]!)
}

/** Whether two sorted lists of country indexes share one. */
export function shareCountry(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  let i = 0
  let j = 0
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) return true
    if (x[i]! < y[j]!) i++
    else j++
  }
  return false
}

export function isTaken(pb: Problem, a: number, e: number): boolean {
  let lo = pb.takenStart[a]!
  let hi = pb.takenStart[a + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const x = pb.takenExpert[mid]!
    if (x === e) return true
    if (x < e) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

export function allowed(pb: Problem, a: number, e: number): boolean {
  return allowedByCountry(pb, a, e) && !isTaken(pb, a, e)
}

/** Calls fn(e, cost) for every allowed expert of application a, in expert order. */
export function forEachAllowed(pb: Problem, a: number, fn: (e: number, cost: number) => void): void {
  const af = pb.affinity
  let p = af.entStart[a]!
  const end = af.entStart[a + 1]!
  for (let e = 0; e < pb.E; e++) {
    let cost = af.defaultCost
    if (p < end && af.entExpert[p] === e) cost = af.entCost[p++]!
    if (allowed(pb, a, e)) fn(e, cost)
  }
}

const fail = (errors: FieldError[]) => {
  throw new DomainError('validation_failed', errors[0]!.message, {}, errors)
}

function indexIds(ids: readonly string[], path: string, errors: FieldError[]): Map<string, number> {
  const map = new Map<string, number>()
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id === '')
      errors.push({ path: `${path}.${i}.id`, code: 'invalid', message: 'Empty id.' })
    else if (map.has(id)) errors.push({ path: `${path}.${i}.id`, code: 'duplicate', message: `Duplicate id ${id}.` })
    else map.set(id, i)
  })
  return map
}

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0

export function buildProblem(input: AssignmentInput): Problem {
  const errors: FieldError[] = []
  const A = input.applications.length
  const E = input.experts.length
  const appIndex = indexIds(
    input.applications.map((x) => x.id),
    'applications',
    errors,
  )
  const expIndex = indexIds(
    input.experts.map((x) => x.id),
    'experts',
    errors,
  )
  const need = new Int32Array(A)
  input.applications.forEach((x, a) => {
    const k = x.k ?? 3
    if (!isCount(k)) errors.push({ path: `applications.${a}.k`, code: 'invalid', message: 'k is a whole number ≥ 0.' })
    need[a] = k
  })
  const minLoad = new Int32Array(E)
  const maxLoad = new Int32Array(E)
  const practitioner = new Uint8Array(E)
  const countries = new Map<string, number>()
  const country = (c: string) => {
    const known = countries.get(c)
    if (known !== undefined) return known
    countries.set(c, countries.size)
    return countries.size - 1
  }
  const expSig = new Int32Array(E)
  const sigCountries: Int32Array[] = [new Int32Array(0)]
  const signatures = new Map<string, number>([['', 0]])
  input.experts.forEach((x, e) => {
    const lo = x.minLoad ?? 0
    if (!isCount(lo) || !isCount(x.maxLoad) || lo > x.maxLoad)
      errors.push({ path: `experts.${e}`, code: 'invalid', message: 'Loads are whole numbers with 0 ≤ min ≤ max.' })
    minLoad[e] = lo
    maxLoad[e] = x.maxLoad
    practitioner[e] = x.kind === 'practitioner' ? 1 : 0
    if (x.countries != null && !Array.isArray(x.countries))
      errors.push({ path: `experts.${e}.countries`, code: 'invalid', message: 'Countries are a list of codes.' })
    const list = [...new Set((Array.isArray(x.countries) ? x.countries : []).filter((c) => typeof c === 'string' && c))]
      .map(country)
      .sort((p, q) => p - q)
    const key = list.join(',')
    let sig = signatures.get(key)
    if (sig === undefined) {
      sig = sigCountries.length
      signatures.set(key, sig)
      sigCountries.push(Int32Array.from(list))
    }
    expSig[e] = sig
  })
  const pairIndex = (p: { application: string; expert: string }, path: string) => {
    const a = appIndex.get(p.application)
    const e = expIndex.get(p.expert)
    if (a === undefined || e === undefined) {
      errors.push({ path, code: 'unknown', message: `Unknown application or expert in ${path}.` })
      return undefined
    }
    return { a, e }
  }
  const conflicts = (input.conflicts ?? []).map((p, i) => pairIndex(p, `conflicts.${i}`))
  const lockList = (input.locks ?? []).map((p, i) => pairIndex(p, `locks.${i}`))
  if (errors.length > 0) fail(errors)
  const affinity = buildAffinity(input.affinity, A, E)
  const rules = input.rules ?? {}

  const taken: number[][] = Array.from({ length: A }, () => [])
  for (const c of conflicts) taken[c!.a]!.push(c!.e)
  const blocked: number[][] = Array.from({ length: A }, () => [])
  if (rules.excludeApplicantCountries)
    input.applications.forEach((x, a) => {
      for (const c of x.countries ?? []) blocked[a]!.push(country(c))
    })

  // Locks: each must be an allowed pair; together they must fit the needs, the loads and the country rule.
  const problems: Record<string, unknown>[] = []
  const locks: { a: number; e: number }[] = []
  const seen = new Set<number>()
  const pracNeed = new Int32Array(A).fill(rules.practitionerRequired ? 1 : 0)
  let lockedCost = 0
  for (const l of lockList) {
    const { a, e } = l!
    const key = a * E + e
    if (seen.has(key)) continue
    seen.add(key)
    const ids = { application: input.applications[a]!.id, expert: input.experts[e]!.id }
    if (taken[a]!.includes(e)) problems.push({ ...ids, reason: 'conflict' })
    else if (sigCountries[expSig[e]!]!.some((c) => blocked[a]!.includes(c)))
      problems.push({ ...ids, reason: 'applicant_country' })
    locks.push({ a, e })
    need[a]! -= 1
    maxLoad[e]! -= 1
    minLoad[e] = Math.max(0, minLoad[e]! - 1)
    if (practitioner[e]) pracNeed[a] = 0
    lockedCost += costOf(affinity, a, e)
  }
  // Under the country rule, locked experts of one application may share no country, and every country of theirs is
  // closed to the rest of its panel.
  const lockCountries: number[][] = Array.from({ length: A }, () => [])
  for (const { a, e } of locks) {
    taken[a]!.push(e)
    const list = sigCountries[expSig[e]!]!
    if (!rules.onePerCountry || list.length === 0) continue
    if (list.some((c) => lockCountries[a]!.includes(c)))
      problems.push({ application: input.applications[a]!.id, expert: input.experts[e]!.id, reason: 'same_country' })
    for (const c of list) if (!lockCountries[a]!.includes(c)) lockCountries[a]!.push(c)
  }
  for (let a = 0; a < A; a++) {
    if (need[a]! < 0) problems.push({ application: input.applications[a]!.id, reason: 'too_many_for_application' })
    for (const c of lockCountries[a]!) if (!blocked[a]!.includes(c)) blocked[a]!.push(c)
  }
  for (let e = 0; e < E; e++)
    if (maxLoad[e]! < 0) problems.push({ expert: input.experts[e]!.id, reason: 'expert_over_max_load' })
  if (problems.length > 0)
    throw new DomainError('assignment_locks_infeasible', 'The locked pairs cannot all be kept.', { locks: problems })

  let demand = 0
  for (let a = 0; a < A; a++) demand += need[a]!
  const NC = Math.max(1, countries.size)
  const blockedMask = new Uint8Array(A * NC)
  blocked.forEach((list, a) => {
    for (const c of list) blockedMask[a * NC + c] = 1
  })
  const takenStart = new Int32Array(A + 1)
  for (let a = 0; a < A; a++) {
    taken[a] = [...new Set(taken[a]!)].sort((x, y) => x - y)
    takenStart[a + 1] = takenStart[a]! + taken[a]!.length
  }
  const takenExpert = Int32Array.from(taken.flat())
  const pb: Problem = {
    A,
    E,
    appIds: input.applications.map((x) => x.id),
    expIds: input.experts.map((x) => x.id),
    need,
    minLoad,
    maxLoad,
    practitioner,
    expSig,
    sigCountries,
    pracNeed,
    onePerCountry: rules.onePerCountry ?? false,
    practitionerRule: rules.practitionerRequired ?? false,
    affinity,
    locks,
    lockedCost,
    takenStart,
    takenExpert,
    NC,
    blockedMask,
    demand,
    allowedPairs: 0,
    allowedPerApp: new Int32Array(A),
    allowedPerExpert: new Int32Array(E),
  }
  checkFeasible(pb)
  return pb
}

/** Necessary conditions, each with its own error code; the solver reports what they do not catch. */
function checkFeasible(pb: Problem): void {
  const { A, E, need, minLoad, maxLoad } = pb
  let capacity = 0
  let minimum = 0
  for (let e = 0; e < E; e++) {
    capacity += maxLoad[e]!
    minimum += minLoad[e]!
  }
  if (capacity < pb.demand)
    throw new DomainError('assignment_capacity_short', 'The experts cannot take as many applications as needed.', {
      demand: pb.demand,
      capacity,
    })
  if (minimum > pb.demand)
    throw new DomainError('assignment_min_load_infeasible', 'The minimum loads add up to more than the demand.', {
      demand: pb.demand,
      minimumLoads: minimum,
    })
  if (pb.practitionerRule) {
    let pracCapacity = 0
    let pracDemand = 0
    for (let e = 0; e < E; e++) if (pb.practitioner[e]) pracCapacity += maxLoad[e]!
    for (let a = 0; a < A; a++) pracDemand += pb.pracNeed[a]!
    if (pracCapacity < pracDemand)
      throw new DomainError(
        'assignment_capacity_short',
        'The practitioners cannot sit on every panel that needs one.',
        {
          demand: pracDemand,
          capacity: pracCapacity,
          kind: 'practitioner',
        },
      )
  }
  // Counts per application in O(signatures × their countries + taken pairs): experts per country signature (the
  // set of an expert's countries), minus the taken ones. A signature is closed to an application when any of its
  // countries is blocked there.
  const { NC } = pb
  const S = pb.sigCountries.length
  const inSig = new Int32Array(S)
  const pracInSig = new Int32Array(S)
  for (let e = 0; e < E; e++) {
    inSig[pb.expSig[e]!]! += 1
    pracInSig[pb.expSig[e]!]! += pb.practitioner[e]!
  }
  const open = new Uint8Array(S)
  const blockingApps = new Int32Array(S)
  const takenInSig = new Int32Array(S)
  const covered = new Uint8Array(NC)
  const perExpert = pb.allowedPerExpert
  const short: Record<string, unknown>[] = []
  for (let a = 0; a < A; a++) {
    let count = 0
    let practitioners = 0
    for (let s = 0; s < S; s++) {
      open[s] = sigAllowed(pb, a, s) ? 1 : 0
      if (!open[s]) blockingApps[s]! += 1
      else {
        count += inSig[s]!
        practitioners += pracInSig[s]!
      }
    }
    for (let i = pb.takenStart[a]!; i < pb.takenStart[a + 1]!; i++) {
      const e = pb.takenExpert[i]!
      const s = pb.expSig[e]!
      if (!open[s]) continue
      count--
      practitioners -= pb.practitioner[e]!
      perExpert[e]! -= 1
      takenInSig[s]! += 1
    }
    // Panel members from one country each: k of them cover at least k countries (one each for experts without any),
    // so the countries the allowed experts cover bound the panel.
    let countries = inSig[0]! - takenInSig[0]!
    for (let s = 1; s < S; s++) {
      if (open[s] && inSig[s]! > takenInSig[s]!)
        for (const c of pb.sigCountries[s]!)
          if (!covered[c]) {
            covered[c] = 1
            countries++
          }
      takenInSig[s] = 0
    }
    takenInSig[0] = 0
    covered.fill(0)
    pb.allowedPerApp[a] = count
    pb.allowedPairs += count
    const needed = need[a]!
    const id = pb.appIds[a]!
    if (count < needed) short.push({ application: id, reason: 'experts', available: count, needed })
    else if (pb.onePerCountry && countries < needed)
      short.push({ application: id, reason: 'countries', available: countries, needed })
    else if (pb.pracNeed[a]! > 0 && (practitioners === 0 || needed === 0))
      short.push({ application: id, reason: 'practitioner', available: practitioners, needed: 1 })
  }
  for (let e = 0; e < E; e++) perExpert[e]! += A - blockingApps[pb.expSig[e]!]!
  if (short.length > 0)
    throw new DomainError('assignment_application_short', 'Some applications cannot get the experts they need.', {
      applications: short.slice(0, 50),
      count: short.length,
    })
  const under: Record<string, unknown>[] = []
  for (let e = 0; e < E; e++)
    if (perExpert[e]! < minLoad[e]!) under.push({ expert: pb.expIds[e], available: perExpert[e], minLoad: minLoad[e] })
  if (under.length > 0)
    throw new DomainError('assignment_min_load_infeasible', 'Some experts cannot reach their minimum load.', {
      experts: under.slice(0, 50),
      count: under.length,
    })
}
