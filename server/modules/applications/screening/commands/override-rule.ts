import type { z } from 'zod'
import {
  type EligibilityRule,
  type EligibilityView,
  eligibilityRules,
} from '../../../../../shared/contracts/applications.ts'
import type { overrideInput } from '../../../../../shared/contracts/screening.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadEligibilityView } from '../queries/eligibility-view.ts'
import { loadForReview } from './guard.ts'

/**
 * An operator overrides the screening result of one rule with a written justification (at least ten
 * characters, checked by the contract). The automatic result stays recorded next to the override; a
 * later screening of the same revision keeps the override. Audited with both.
 */
export async function overrideRule(
  ctx: CommandContext,
  applicationId: string,
  rule: string,
  input: z.output<typeof overrideInput>,
): Promise<EligibilityView> {
  return inTransaction(ctx.db, async (tx) => {
    const app = await loadForReview(tx, ctx.actor, applicationId)
    if (!eligibilityRules.includes(rule as EligibilityRule)) throw new DomainError('not_found', 'No such rule.')
    const current = await tx
      .selectFrom('eligibility_results')
      .selectAll()
      .where('application_id', '=', app.id)
      .where('rule', '=', rule)
      .executeTakeFirst()
    if (!current) {
      throw new DomainError('application_not_screened', 'This application has not been screened yet.')
    }
    const now = ctx.clock.now()
    await tx
      .updateTable('eligibility_results')
      .set({
        override_outcome: input.outcome,
        override_justification: input.justification,
        overridden_by: ctx.actor.userId,
        overridden_at: now,
      })
      .where('application_id', '=', app.id)
      .where('rule', '=', rule)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'application.eligibility_overridden',
      subjectType: 'application',
      subjectId: app.id,
      change: {
        rule,
        revision: current.revision,
        screened: { outcome: current.outcome, reason: current.reason },
        before: current.override_outcome === null ? null : { outcome: current.override_outcome },
        after: { outcome: input.outcome },
        justification: input.justification,
      },
    })
    return loadEligibilityView(tx, app.id)
  })
}
