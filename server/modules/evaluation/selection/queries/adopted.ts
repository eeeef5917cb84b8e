import type { ScenarioParams } from '../../../../../shared/contracts/evaluation-selection.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { type StoredResult, storedParams, storedResult } from './stored.ts'

export interface AdoptedScenario {
  id: string
  callId: string
  name: string
  params: ScenarioParams
  result: StoredResult
  adoptedAt: Date
  adoptedBy: string | null
}

/** The call's adopted scenario (at most one), or null. No access check: callers authorise. */
export async function adoptedScenario(db: Queryable, callId: string): Promise<AdoptedScenario | null> {
  const row = await db
    .selectFrom('selection_scenarios')
    .selectAll()
    .where('call_id', '=', callId)
    .where('status', '=', 'adopted')
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    callId: row.call_id,
    name: row.name,
    params: storedParams(row.params),
    result: storedResult(row.result),
    adoptedAt: new Date(row.adopted_at as unknown as string),
    adoptedBy: row.adopted_by,
  }
}
