import type { EvaluationResult, GrantResponse } from '../../../../../shared/contracts/evaluation-decisions.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { pickPromotion } from '../domain/promotion.ts'
import { buildResult, loadNotifiedDecision } from '../queries/result.ts'
import { loadForApplicant } from '../queries/rows.ts'
import { sendResult } from './notify.ts'

/**
 * A funded applicant answers the grant offer, once (409 `grant_response_closed` afterwards, and for a
 * decision that is not a grant). Only members of the lead organisation answer (403 otherwise). Accepting
 * a grant smaller than the amount requested needs `acceptCut: true` (400 otherwise). A decline frees
 * the grant: the first reserve that fits the freed budget (domain/promotion.ts) becomes funded
 * (`promoted_at`) and its members are notified.
 */
export async function respondToGrant(
  ctx: CommandContext,
  applicationId: string,
  input: { response: GrantResponse; acceptCut?: boolean | undefined },
): Promise<EvaluationResult> {
  authorize(ctx.actor, 'evaluation.result.respond')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const app = await loadForApplicant(tx, ctx.actor, applicationId)
    // The call's decisions change together (a decline promotes another): one responder at a time per call.
    await tx.selectFrom('calls').select('id').where('id', '=', app.call.id).forUpdate().execute()
    const d = await loadNotifiedDecision(tx, applicationId, true)
    if (d.outcome !== 'funded' || d.response !== null)
      throw new DomainError('grant_response_closed', undefined, { outcome: d.outcome, response: d.response })
    if (!app.lead)
      throw new DomainError('forbidden', 'Members of the lead organisation answer the grant offer.', {
        reason: 'not_a_member',
      })
    const granted = Number(d.granted_cents ?? 0)
    const requested = Number(d.requested_cents)
    if (input.response === 'accepted' && granted < requested && input.acceptCut !== true)
      throw new DomainError('validation_failed', 'Accept the reduced amount explicitly.', {}, [
        { path: 'acceptCut', code: 'required', message: 'Accept the reduced amount explicitly.' },
      ])
    await tx
      .updateTable('evaluation_decisions')
      .set({ response: input.response, responded_at: now, responded_by: ctx.actor.userId })
      .where('application_id', '=', applicationId)
      .execute()
    let promoted: { applicationId: string; grantedCents: number; freedCents: number } | null = null
    if (input.response === 'declined') {
      const scenario = d.scenario_id
        ? await tx.selectFrom('selection_scenarios').select('result').where('id', '=', d.scenario_id).executeTakeFirst()
        : undefined
      const result = (typeof scenario?.result === 'string' ? JSON.parse(scenario.result) : scenario?.result) as
        | { budgetCents?: number }
        | undefined
      const others = await tx
        .selectFrom('evaluation_decisions')
        .select(['application_id', 'outcome', 'reserve_rank', 'requested_cents', 'granted_cents', 'response'])
        .where('call_id', '=', app.call.id)
        .where('outcome', 'in', ['funded', 'reserve'])
        .execute()
      promoted = pickPromotion({
        budgetCents: Number(result?.budgetCents ?? 0),
        funded: others
          .filter((o) => o.outcome === 'funded')
          .map((o) => ({ grantedCents: Number(o.granted_cents ?? 0), declined: o.response === 'declined' })),
        reserve: others
          .filter((o) => o.outcome === 'reserve' && o.reserve_rank !== null)
          .map((o) => ({
            applicationId: o.application_id,
            reserveRank: o.reserve_rank!,
            requestedCents: Number(o.requested_cents),
          })),
      })
      if (promoted) {
        await tx
          .updateTable('evaluation_decisions')
          .set({ outcome: 'funded', reserve_rank: null, granted_cents: promoted.grantedCents, promoted_at: now })
          .where('application_id', '=', promoted.applicationId)
          .execute()
      }
    }
    await recordAudit(tx, ctx, {
      action: `evaluation.grant_${input.response}`,
      subjectType: 'application',
      subjectId: applicationId,
      change: {
        grantedCents: granted,
        requestedCents: requested,
        acceptCut: input.response === 'accepted' && granted < requested,
        promoted,
      },
    })
    if (promoted) {
      await recordAudit(tx, ctx, {
        action: 'evaluation.reserve_promoted',
        subjectType: 'application',
        subjectId: promoted.applicationId,
        change: { after: applicationId, grantedCents: promoted.grantedCents, freedCents: promoted.freedCents },
      })
      await sendResult(tx, ctx, promoted.applicationId, 'evaluation_promoted')
    }
  })
  const app = await loadForApplicant(ctx.db, ctx.actor, applicationId)
  return buildResult(ctx.db, app, ctx.clock.now())
}
