import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { checkLeave } from '../domain/membership-rules.ts'
import { enforce, lockOrganisation, memberRole } from './guard.ts'

/** The caller leaves the organisation; the last owner must transfer ownership first. */
export async function leaveOrganisation(ctx: CommandContext, organisationId: string): Promise<void> {
  authorize(ctx.actor, 'organisation.leave', { type: 'organisation', id: organisationId })
  const userId = ctx.actor.userId!
  await inTransaction(ctx.db, async (tx) => {
    const locked = await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.leave')
    const role = memberRole(locked, userId)
    enforce(checkLeave({ role, ownerCount: locked.ownerCount }))
    await tx
      .deleteFrom('memberships')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'membership.left',
      subjectType: 'organisation',
      subjectId: organisationId,
      change: { userId, role },
    })
  })
}
