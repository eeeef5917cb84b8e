import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

/** Takes a programme role away; the programme always keeps at least one operator. */
export async function revokeRole(ctx: CommandContext, grantId: string): Promise<void> {
  authorize(ctx.actor, 'admin.roles.manage')
  await inTransaction(ctx.db, async (tx) => {
    const grant = await tx.selectFrom('programme_roles').selectAll().where('id', '=', grantId).executeTakeFirst()
    if (!grant) throw new DomainError('grant_not_found', 'No such role grant.')
    if (grant.role === 'operator') {
      // Lock the programme's operator grants so two revocations cannot remove the last two at once.
      const operators = await tx
        .selectFrom('programme_roles')
        .select('id')
        .where('programme_id', '=', grant.programme_id)
        .where('role', '=', 'operator')
        .forUpdate()
        .execute()
      if (operators.length <= 1) throw new DomainError('last_operator', 'A programme must keep at least one operator.')
    }
    await tx.deleteFrom('programme_roles').where('id', '=', grantId).execute()
    await recordAudit(tx, ctx, {
      action: 'programme_role.revoked',
      subjectType: 'user',
      subjectId: grant.user_id,
      change: { grantId, role: grant.role, clusterId: grant.cluster_id },
    })
  })
}
