import type { DecisionBoard } from '../../../../../shared/contracts/evaluation-decisions.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { committedCents } from '../domain/promotion.ts'
import { listDecisions, loadAdoptedScenario } from './rows.ts'

/**
 * The operators' decisions page: the adopted scenario (what deciding would take), the decisions with
 * amounts, notification, grant responses and promotions, and the budget they commit.
 */
export async function readDecisionBoard(ctx: CommandContext, callId: string): Promise<DecisionBoard> {
  const call = await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  const scenario = await loadAdoptedScenario(ctx.db, callId)
  const items = await listDecisions(ctx.db, callId)
  let budgetCents: number | null = null
  const scenarioId = items.length
    ? await ctx.db
        .selectFrom('evaluation_decisions')
        .select('scenario_id')
        .where('call_id', '=', callId)
        .limit(1)
        .executeTakeFirst()
    : undefined
  if (scenarioId?.scenario_id) {
    const row = await ctx.db
      .selectFrom('selection_scenarios')
      .select('result')
      .where('id', '=', scenarioId.scenario_id)
      .executeTakeFirst()
    const result = (typeof row?.result === 'string' ? JSON.parse(row.result) : row?.result) as
      | { budgetCents?: number }
      | undefined
    if (result?.budgetCents !== undefined) budgetCents = Number(result.budgetCents)
  }
  const funded = items.filter((i) => i.outcome === 'funded')
  return {
    callId,
    callCode: call.code,
    timeZone: call.time_zone,
    scenario: scenario
      ? {
          id: scenario.id,
          name: scenario.name,
          adoptedAt: scenario.adoptedAt,
          budgetCents: scenario.result.budgetCents,
          spentCents: scenario.result.spentCents,
          selected: scenario.result.selected.length,
          reserve: scenario.result.reserve.length,
          out: scenario.result.out.length,
        }
      : null,
    budgetCents,
    committedCents: committedCents(
      funded.map((i) => ({ grantedCents: i.grantedCents ?? 0, declined: i.response === 'declined' })),
    ),
    counts: {
      funded: funded.length,
      reserve: items.filter((i) => i.outcome === 'reserve').length,
      rejected: items.filter((i) => i.outcome === 'rejected').length,
    },
    notifiedAt:
      items.length > 0 && items.every((i) => i.notifiedAt !== null) ? items.map((i) => i.notifiedAt!).sort()[0]! : null,
    items,
  }
}
