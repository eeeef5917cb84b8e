import type { z } from 'zod'
import type {
  ScenarioDetail,
  ScenarioParams,
  scenarioCreate,
} from '../../../../../shared/contracts/evaluation-selection.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { readPhases } from '../../common/phases.ts'
import { computeRanking } from '../../ranking/queries/ranking.ts'
import { selectionCandidate } from '../domain/candidate.ts'
import { type SelectionCandidate, selectUnderBudget } from '../domain/optimise.ts'
import { priorGrantedCents } from '../queries/prior-grants.ts'
import { readScenario } from '../queries/scenarios.ts'
import type { ScenarioApplication, StoredResult } from '../queries/stored.ts'

const CAPABILITY = 'evaluation.select'

/**
 * A what-if scenario: the call's ranking (complete: every application has a final consensus) put through
 * the optimiser with these parameters (budget and cap default to the call's), stored as a draft.
 */
export async function createScenario(
  ctx: CommandContext,
  callId: string,
  body: z.infer<typeof scenarioCreate>,
): Promise<ScenarioDetail> {
  const id = await inTransaction(ctx.db, async (tx) => {
    const call = await loadCallForOperator(tx, ctx.actor, callId, CAPABILITY)
    const budget = callConfigOf(call.config).budget
    const params: ScenarioParams = {
      budgetCents: body.params.budgetCents ?? budget.totalCents,
      quotas: body.params.quotas.map((q) => ({ scope: q.scope, key: q.key, min: q.min, max: q.max })),
      perOrganisationCapCents: body.params.perOrganisationCapCents ?? budget.maxPerThirdPartyCents,
      maxPerCountry: body.params.maxPerCountry,
    }
    const ranking = await computeRanking(tx, callId)
    if (!ranking.complete)
      throw new DomainError('ranking_incomplete', 'Every application needs a final consensus before a selection.', {
        missing: ranking.items.filter((i) => i.out.some((o) => o.code === 'no_consensus')).length,
      })
    const criteria = new Map(callConfigOf(call.config).evaluation.criteria.map((c) => [c.id, c.name]))
    const applications: Record<string, ScenarioApplication> = {}
    const candidates: SelectionCandidate[] = ranking.items.map((item) => {
      const f = item.facts
      // The criterion's name travels with a threshold reason: the explanation reads without the call.
      const candidate = selectionCandidate(
        f,
        item.rank,
        item.out.map((o) => ({ ...o, ...(o.criterionId ? { criterion: criteria.get(o.criterionId) } : {}) })),
      )
      applications[item.applicationId] = {
        reference: f.reference,
        acronym: f.acronym,
        title: f.title,
        rank: item.rank,
        total: item.total,
        requestedCents: f.requestedCents,
        challengeCode: f.challengeCode,
        domainCode: f.domainCode,
        leadCountry: candidate.leadCountry,
      }
      return candidate
    })
    const prior = await priorGrantedCents(tx, call.programme_id, callId)
    const selection = await selectUnderBudget({ candidates, params, priorGrantedCents: prior })
    const result: StoredResult = { ...selection, rankingComplete: ranking.complete, applications }
    const row = await tx
      .insertInto('selection_scenarios')
      .values({
        call_id: callId,
        name: body.name,
        params: JSON.stringify(params),
        result: JSON.stringify(result),
        created_by: ctx.actor.userId,
        created_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'selection.scenario_created',
      subjectType: 'selection_scenario',
      subjectId: row.id,
      change: {
        callId,
        name: body.name,
        params,
        spentCents: result.spentCents,
        selected: result.selected.map((s) => s.applicationId),
        reserve: result.reserve.map((s) => s.applicationId),
      },
    })
    return row.id
  })
  return readScenario(ctx, callId, id)
}

async function lockScenario(tx: Tx, callId: string, id: string) {
  const row = await tx
    .selectFrom('selection_scenarios')
    .select(['id', 'name', 'status'])
    .where('id', '=', id)
    .where('call_id', '=', callId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new DomainError('scenario_not_found')
  return row
}

/** Deletes a draft scenario (an adopted or superseded one is kept: decisions may point at it). */
export async function deleteScenario(ctx: CommandContext, callId: string, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await loadCallForOperator(tx, ctx.actor, callId, CAPABILITY)
    const row = await lockScenario(tx, callId, id)
    if (row.status !== 'draft')
      throw new DomainError('scenario_adopted', 'Only a draft scenario can be deleted.', { status: row.status })
    await tx.deleteFrom('selection_scenarios').where('id', '=', id).execute()
    await recordAudit(tx, ctx, {
      action: 'selection.scenario_deleted',
      subjectType: 'selection_scenario',
      subjectId: id,
      change: { callId, name: row.name },
    })
  })
}

/**
 * Adopts a scenario: the selection decisions will be taken from. One adopted scenario per call: adopting a
 * second is refused (scenario_adopted) unless `replace`, which supersedes the first. Refused once decisions
 * exist for the call (decisions_exist). Adopting the adopted scenario again changes nothing.
 */
export async function adoptScenario(
  ctx: CommandContext,
  callId: string,
  id: string,
  body: { replace: boolean },
): Promise<ScenarioDetail> {
  await inTransaction(ctx.db, async (tx) => {
    await loadCallForOperator(tx, ctx.actor, callId, CAPABILITY)
    // Serialise adoptions of the call's scenarios.
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute()
    const row = await lockScenario(tx, callId, id)
    if (row.status === 'adopted') return
    // The panel adopts the selection: not before its phase has started, when the call sets one.
    const panel = (await readPhases(tx, callId, ctx.clock.now())).panel
    if (panel.status === 'upcoming')
      throw new DomainError('evaluation_phase_closed', 'The panel phase has not started.', {
        phase: 'panel',
        startsAt: panel.startsAt?.toISOString(),
      })
    const decided = await tx
      .selectFrom('evaluation_decisions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow()
    if (Number(decided.n) > 0)
      throw new DomainError('decisions_exist', 'Decisions have already been taken from the adopted scenario.', {
        decisions: Number(decided.n),
      })
    const current = await tx
      .selectFrom('selection_scenarios')
      .select(['id', 'name'])
      .where('call_id', '=', callId)
      .where('status', '=', 'adopted')
      .executeTakeFirst()
    if (current && !body.replace)
      throw new DomainError('scenario_adopted', 'Another scenario is adopted for this call.', {
        adoptedScenarioId: current.id,
        name: current.name,
      })
    if (current)
      await tx.updateTable('selection_scenarios').set({ status: 'superseded' }).where('id', '=', current.id).execute()
    await tx
      .updateTable('selection_scenarios')
      .set({ status: 'adopted', adopted_at: ctx.clock.now(), adopted_by: ctx.actor.userId })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'selection.scenario_adopted',
      subjectType: 'selection_scenario',
      subjectId: id,
      change: { callId, name: row.name, from: row.status, supersedes: current?.id ?? null },
    })
  })
  return readScenario(ctx, callId, id)
}
