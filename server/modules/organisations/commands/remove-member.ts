import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { checkRemoval } from '../domain/membership-rules.ts'
import { enforce, lockOrganisation, memberRole } from './guard.ts'

/** Removes a member; an admin cannot remove an owner, and the last owner cannot be removed. */
export async function removeMember(ctx: CommandContext, organisationId: string, userId: string): Promise<void> {
  authorize(ctx.actor, 'organisation.members.manage', { type: 'organisation', id: organisationId })
  await inTransaction(ctx.db, async (tx) => {
    const locked = await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.members.manage')
    const role = memberRole(locked, userId)
    enforce(checkRemoval({ mayManageOwners: locked.mayManageOwners, role, ownerCount: locked.ownerCount }))
    await tx
      .deleteFrom('memberships')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'membership.removed',
      subjectType: 'organisation',
      subjectId: organisationId,
      change: { userId, role },
    })
  })
}
