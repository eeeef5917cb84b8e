import type { EvaluationResult, GrantResponse } from '../../../../../shared/contracts/evaluation-decisions.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import type { Promotion, SkippedReserve } from '../domain/promotion.ts'
import { promotionFor } from '../queries/promotion.ts'
import { buildResult, loadNotifiedDecision } from '../queries/result.ts'
import { loadForApplicant } from '../queries/rows.ts'
import { sendResult } from './notify.ts'

/**
 * A funded applicant answers the grant offer, once (409 `grant_response_closed` afterwards, and for a
 * decision that is not a grant). Only members of the lead organisation answer (403 otherwise). Accepting
 * a grant smaller than the amount requested needs `acceptCut: true` (400 otherwise). A decline frees
 * the grant: the first reserve that fits the adopted scenario's rules again — budget, quota maximums,
 * organisation caps, country maximum, and a broken minimum quota made good where a reserve can
 * (domain/promotion.ts) — becomes funded (`promoted_at`) and its members are notified; the reserves
 * passed over, and why, are in the audit trail.
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
    let promoted: Promotion | null = null
    let passedOver: SkippedReserve[] = []
    if (input.response === 'declined') {
      const outcome = await promotionFor(tx, app.call.id, app.call.programmeId, d.scenario_id)
      promoted = outcome?.promotion ?? null
      passedOver = outcome?.skipped ?? []
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
        promoted: promoted && { applicationId: promoted.applicationId, grantedCents: promoted.grantedCents },
        passedOver,
      },
    })
    if (promoted) {
      await recordAudit(tx, ctx, {
        action: 'evaluation.reserve_promoted',
        subjectType: 'application',
        subjectId: promoted.applicationId,
        change: {
          after: applicationId,
          grantedCents: promoted.grantedCents,
          freedCents: promoted.freedCents,
          skipped: promoted.skipped,
          restores: promoted.restores,
        },
      })
      await sendResult(tx, ctx, promoted.applicationId, 'evaluation_promoted')
    }
  })
  const app = await loadForApplicant(ctx.db, ctx.actor, applicationId)
  return buildResult(ctx.db, app, ctx.clock.now())
}
