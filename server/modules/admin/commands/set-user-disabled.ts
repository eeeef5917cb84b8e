import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

/** Disables (or re-enables) an account: a disabled person's sessions end and tokens stop working. */
export async function setUserDisabled(ctx: CommandContext, userId: string, disabled: boolean): Promise<void> {
  authorize(ctx.actor, 'admin.users.manage')
  if (userId === ctx.actor.userId) throw new DomainError('self_change_refused', 'You cannot disable your own account.')
  await inTransaction(ctx.db, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!user) throw new DomainError('user_not_found', 'No such user.')
    if ((user.disabled_at !== null) === disabled) return
    const now = ctx.clock.now()
    await tx
      .updateTable('users')
      .set({ disabled_at: disabled ? now : null, updated_at: now })
      .where('id', '=', userId)
      .execute()
    if (disabled) await tx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await recordAudit(tx, ctx, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      subjectType: 'user',
      subjectId: userId,
      change: { disabled },
    })
  })
}
