import type { DecisionBoard, DecisionReason } from '../../../../../shared/contracts/evaluation-decisions.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { applicationFacts } from '../../ranking/queries/facts.ts'
import { readDecisionBoard } from '../queries/board.ts'
import { loadAdoptedScenario } from '../queries/rows.ts'

/**
 * Takes the call's decisions from its adopted scenario, once: every submitted, admissible application
 * (as the ranking facts list them) gets one — funded with the scenario's granted amount, reserve with
 * its reserve rank, rejected otherwise — with its rank and the scenario's explanation as the reason.
 * Applications the scenario names that are no longer submitted and admissible get none (audited).
 * Decisions are not notified here (see notify.ts). 409 `scenario_not_adopted`, 409 `decisions_exist`.
 */
export async function takeDecisions(ctx: CommandContext, callId: string): Promise<DecisionBoard> {
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.decide')
    // Serialises deciders of one call.
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute()
    const existing = await tx
      .selectFrom('evaluation_decisions')
      .select('application_id')
      .where('call_id', '=', callId)
      .limit(1)
      .executeTakeFirst()
    if (existing) throw new DomainError('decisions_exist')
    const scenario = await loadAdoptedScenario(tx, callId)
    if (!scenario) throw new DomainError('scenario_not_adopted')
    const res = scenario.result
    const facts = await applicationFacts(tx, callId)
    const selected = new Map(res.selected.map((s) => [s.applicationId, s]))
    const reserve = new Map(res.reserve.map((s) => [s.applicationId, s]))
    const out = new Map(res.out.map((s) => [s.applicationId, s]))
    const known = new Set(facts.map((f) => f.applicationId))
    const skipped = [...selected.keys(), ...reserve.keys()].filter((id) => !known.has(id))
    const rows = facts.map((f) => {
      const s = selected.get(f.applicationId)
      const r = reserve.get(f.applicationId)
      const o = out.get(f.applicationId)
      const status = s ? 'selected' : r ? 'reserve' : 'out'
      const reason: DecisionReason = res.explanations[f.applicationId] ?? {
        status,
        code: 'not_in_scenario',
        params: {},
      }
      return {
        application_id: f.applicationId,
        call_id: callId,
        outcome: s ? 'funded' : r ? 'reserve' : 'rejected',
        reserve_rank: r ? r.reserveRank : null,
        rank: s?.rank ?? r?.rank ?? o?.rank ?? null,
        granted_cents: s ? s.grantedCents : null,
        requested_cents: f.requestedCents,
        reason: JSON.stringify(reason),
        scenario_id: scenario.id,
        decided_by: ctx.actor.userId,
        decided_at: now,
      }
    })
    if (rows.length) await tx.insertInto('evaluation_decisions').values(rows).execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.decisions_taken',
      subjectType: 'call',
      subjectId: callId,
      change: {
        scenarioId: scenario.id,
        funded: rows.filter((r) => r.outcome === 'funded').map((r) => r.application_id),
        reserve: rows.filter((r) => r.outcome === 'reserve').map((r) => r.application_id),
        rejected: rows.filter((r) => r.outcome === 'rejected').length,
        grantedCents: rows.reduce((s, r) => s + (r.granted_cents ?? 0), 0),
        skipped,
      },
    })
  })
  return readDecisionBoard(ctx, callId)
}
