import type { ScenarioParams } from '../../../../../shared/contracts/evaluation-selection.ts'
import type { SelectionResult } from '../domain/optimise.ts'

/** What a scenario was computed on, per application (frozen with the result: the ranking may move on). */
export interface ScenarioApplication {
  reference: string
  acronym: string
  title: string
  rank: number | null
  total: number | null
  requestedCents: number
  challengeCode: string | null
  domainCode: string | null
  leadCountry: string | null
}

/**
 * selection_scenarios.result: the optimiser's SelectionResult (INTERFACES §C) plus the snapshot of the
 * applications it was computed on, in ranking order.
 */
export interface StoredResult extends SelectionResult {
  rankingComplete: boolean
  applications: Record<string, ScenarioApplication>
}

export function parseJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T
}

export const storedParams = (v: unknown) => parseJson<ScenarioParams>(v)
export const storedResult = (v: unknown) => parseJson<StoredResult>(v)
