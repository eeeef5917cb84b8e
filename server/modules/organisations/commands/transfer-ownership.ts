import type { Organisation } from '../../../../shared/contracts/organisations.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { planOwnershipTransfer } from '../domain/ownership.ts'
import { readOrganisation } from '../queries/organisation-view.ts'
import { lockOrganisation } from './guard.ts'

const refusals = {
  not_a_member: 'Ownership can only be transferred to a member of the organisation.',
  self: 'You cannot transfer ownership to yourself.',
} as const

/** Makes a member the owner; the owner handing over (or, for an operator, every previous owner) becomes admin. */
export async function transferOwnership(
  ctx: CommandContext,
  organisationId: string,
  targetId: string,
): Promise<Organisation> {
  authorize(ctx.actor, 'organisation.ownership.transfer', { type: 'organisation', id: organisationId })
  return inTransaction(ctx.db, async (tx) => {
    const locked = await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.ownership.transfer')
    const plan = planOwnershipTransfer({ callerId: ctx.actor.userId, targetId, members: locked.members })
    if (!plan.ok) throw fieldError('userId', plan.error, refusals[plan.error])
    for (const c of plan.changes) {
      await tx
        .updateTable('memberships')
        .set({ role: c.to })
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', c.userId)
        .execute()
    }
    await recordAudit(tx, ctx, {
      action: 'organisation.ownership_transferred',
      subjectType: 'organisation',
      subjectId: organisationId,
      change: { userId: targetId, changes: plan.changes },
    })
    return readOrganisation(tx, ctx.actor, organisationId)
  })
}
