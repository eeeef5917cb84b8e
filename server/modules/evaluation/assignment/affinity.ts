// Affinities in integers: every value is multiplied by the smallest power of ten (at most 10^6) that makes all of
// them whole, then rounded, so that sums are exact and the optimum is compared without floating-point doubt.
// Stored per application as a sorted sparse row (dense input: every expert listed) plus a default for the rest.
import { DomainError } from '../../../platform/errors.ts'
import type { AffinityInput } from './types.ts'

export interface Affinity {
  scale: number
  /** Per application a, entries entStart[a] .. entStart[a+1]-1, sorted by expert. */
  entStart: Int32Array
  entExpert: Int32Array
  entCost: Float64Array
  /** Scaled affinity of every pair not listed. */
  defaultCost: number
  /** Largest and smallest scaled affinity over all pairs. */
  maxCost: number
  minCost: number
}

const MAX_SCALED = 1e9

function chooseScale(values: ArrayLike<number>, extra: number): number {
  let maxAbs = Math.abs(extra)
  for (let i = 0; i < values.length; i++) maxAbs = Math.max(maxAbs, Math.abs(values[i]!))
  let best = 1
  for (let d = 0; d <= 6; d++) {
    const s = 10 ** d
    if (maxAbs * s > MAX_SCALED) break
    best = s
    const whole = (v: number) => Math.abs(v * s - Math.round(v * s)) <= 1e-7
    let ok = whole(extra)
    for (let i = 0; ok && i < values.length; i++) ok = whole(values[i]!)
    if (ok) return s
  }
  return best
}

function invalid(path: string, message: string): DomainError {
  return new DomainError('validation_failed', message, {}, [{ path, code: 'invalid', message }])
}

export function buildAffinity(input: AffinityInput, A: number, E: number): Affinity {
  const entStart = new Int32Array(A + 1)
  if (input.kind === 'dense') {
    if (input.rows.length !== A)
      throw invalid('affinity.rows', `Expected ${A} affinity rows, got ${input.rows.length}.`)
    const flat = new Float64Array(A * E)
    for (let a = 0; a < A; a++) {
      const row = input.rows[a]!
      if (row.length !== E) throw invalid(`affinity.rows.${a}`, `Expected ${E} affinities in row ${a}.`)
      for (let e = 0; e < E; e++) {
        const v = Number(row[e])
        if (!Number.isFinite(v)) throw invalid(`affinity.rows.${a}.${e}`, 'Affinities are finite numbers.')
        flat[a * E + e] = v
      }
      entStart[a + 1] = (a + 1) * E
    }
    const scale = chooseScale(flat, 0)
    const entExpert = new Int32Array(A * E)
    let maxCost = Number.NEGATIVE_INFINITY
    let minCost = Number.POSITIVE_INFINITY
    for (let i = 0; i < flat.length; i++) {
      entExpert[i] = i % E
      const c = Math.round(flat[i]! * scale)
      flat[i] = c
      if (c > maxCost) maxCost = c
      if (c < minCost) minCost = c
    }
    if (flat.length === 0) maxCost = minCost = 0
    return { scale, entStart, entExpert, entCost: flat, defaultCost: 0, maxCost, minCost }
  }
  const n = input.value.length
  if (input.application.length !== n || input.expert.length !== n)
    throw invalid('affinity', 'Sparse affinity: application, expert and value have the same length.')
  const def = input.default ?? 0
  if (!Number.isFinite(def)) throw invalid('affinity.default', 'Affinities are finite numbers.')
  const counts = new Int32Array(A + 1)
  for (let i = 0; i < n; i++) {
    const a = input.application[i]!
    const e = input.expert[i]!
    if (!(Number.isInteger(a) && a >= 0 && a < A && Number.isInteger(e) && e >= 0 && e < E))
      throw invalid(`affinity.${i}`, `Sparse affinity ${i} points outside the applications or experts.`)
    if (!Number.isFinite(input.value[i]!)) throw invalid(`affinity.value.${i}`, 'Affinities are finite numbers.')
    counts[a + 1]! += 1
  }
  for (let a = 0; a < A; a++) entStart[a + 1] = entStart[a]! + counts[a + 1]!
  const scale = chooseScale(input.value, def)
  const fill = entStart.slice(0, A)
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[fill[input.application[i]!]!++] = i
  const entExpert = new Int32Array(n)
  const entCost = new Float64Array(n)
  const defaultCost = Math.round(def * scale)
  let maxCost = defaultCost
  let minCost = defaultCost
  for (let a = 0; a < A; a++) {
    const from = entStart[a]!
    const to = entStart[a + 1]!
    const idx = Array.from(order.subarray(from, to)).sort((x, y) => input.expert[x]! - input.expert[y]!)
    for (let j = 0; j < idx.length; j++) {
      const i = idx[j]!
      if (j > 0 && input.expert[idx[j - 1]!] === input.expert[i])
        throw invalid(`affinity.${i}`, 'Sparse affinity lists a pair twice.')
      entExpert[from + j] = input.expert[i]!
      const c = Math.round(input.value[i]! * scale)
      entCost[from + j] = c
      if (c > maxCost) maxCost = c
      if (c < minCost) minCost = c
    }
  }
  return { scale, entStart, entExpert, entCost, defaultCost, maxCost, minCost }
}

/** Scaled affinity of (a, e): binary search in the application's sorted row. */
export function costOf(af: Affinity, a: number, e: number): number {
  let lo = af.entStart[a]!
  let hi = af.entStart[a + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const x = af.entExpert[mid]!
    if (x === e) return af.entCost[mid]!
    if (x < e) lo = mid + 1
    else hi = mid - 1
  }
  return af.defaultCost
}
