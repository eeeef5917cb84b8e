import type { Queryable } from '../../../../platform/db/client.ts'
import { applicationFacts } from '../../ranking/queries/facts.ts'
import { selectionCandidate } from '../../selection/domain/candidate.ts'
import { priorGrantedCents } from '../../selection/queries/prior-grants.ts'
import { storedParams } from '../../selection/queries/stored.ts'
import { type PromotionOutcome, pickPromotion } from '../domain/promotion.ts'

/**
 * Which reserve to promote now that a grant of this call was declined (the decline already written): the
 * adopted scenario's rules (`scenarioId`, the scenario the decisions came from), the call's funded
 * decisions not declined at their granted amounts, its reserve list, and what each organisation was granted
 * in the programme's other calls. null when the decisions came from no scenario.
 */
export async function promotionFor(
  db: Queryable,
  callId: string,
  programmeId: string,
  scenarioId: string | null,
): Promise<PromotionOutcome | null> {
  if (!scenarioId) return null
  const scenario = await db
    .selectFrom('selection_scenarios')
    .select('params')
    .where('id', '=', scenarioId)
    .executeTakeFirst()
  if (!scenario) return null
  const decisions = await db
    .selectFrom('evaluation_decisions')
    .select(['application_id', 'outcome', 'reserve_rank', 'granted_cents', 'response'])
    .where('call_id', '=', callId)
    .where('outcome', 'in', ['funded', 'reserve'])
    .execute()
  const facts = new Map((await applicationFacts(db, callId)).map((f) => [f.applicationId, f]))
  const candidate = (id: string) => {
    const f = facts.get(id)
    return f ? selectionCandidate(f, null) : null
  }
  const funded = decisions.flatMap((d) => {
    const c = d.outcome === 'funded' && d.response !== 'declined' ? candidate(d.application_id) : null
    return c ? [{ candidate: c, grantedCents: Number(d.granted_cents ?? c.requestedCents) }] : []
  })
  const reserve = decisions.flatMap((d) => {
    const c = d.outcome === 'reserve' && d.reserve_rank !== null ? candidate(d.application_id) : null
    return c ? [{ candidate: c, reserveRank: d.reserve_rank! }] : []
  })
  return pickPromotion({
    params: storedParams(scenario.params),
    priorGrantedCents: await priorGrantedCents(db, programmeId, callId),
    funded,
    reserve,
  })
}
