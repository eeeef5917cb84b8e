import type { OrganisationRole } from '../../../../shared/authz.ts'
import type { Member } from '../../../../shared/contracts/organisations.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { checkRoleChange } from '../domain/membership-rules.ts'
import { readMembers } from '../queries/list-members.ts'
import { enforce, lockOrganisation, memberRole } from './guard.ts'

/** Gives a member another role; only owners and operators make or unmake owners; one owner always stays. */
export async function changeMemberRole(
  ctx: CommandContext,
  organisationId: string,
  userId: string,
  role: OrganisationRole,
): Promise<Member> {
  authorize(ctx.actor, 'organisation.members.manage', { type: 'organisation', id: organisationId })
  return inTransaction(ctx.db, async (tx) => {
    const locked = await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.members.manage')
    const from = memberRole(locked, userId)
    if (from !== role) {
      enforce(
        checkRoleChange({ mayManageOwners: locked.mayManageOwners, from, to: role, ownerCount: locked.ownerCount }),
      )
      await tx
        .updateTable('memberships')
        .set({ role })
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', userId)
        .execute()
      await recordAudit(tx, ctx, {
        action: 'membership.role_changed',
        subjectType: 'organisation',
        subjectId: organisationId,
        change: { userId, role: { before: from, after: role } },
      })
    }
    const members = await readMembers(tx, ctx.actor, organisationId)
    return members.find((m) => m.userId === userId)!
  })
}
