import type { z } from 'zod'
import type { profilePatch } from '../../../../shared/contracts/account.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

export async function updateProfile(ctx: CommandContext, input: z.output<typeof profilePatch>): Promise<void> {
  authorize(ctx.actor, 'account.update')
  const set = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  }
  if (Object.keys(set).length === 0) return
  await inTransaction(ctx.db, async (tx) => {
    await tx
      .updateTable('users')
      .set({ ...set, updated_at: ctx.clock.now() })
      .where('id', '=', ctx.actor.userId!)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'user.profile_updated',
      subjectType: 'user',
      subjectId: ctx.actor.userId,
      change: set,
    })
  })
}
