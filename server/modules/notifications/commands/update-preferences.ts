import type { z } from 'zod'
import type {
  NotificationPreferences,
  notificationPreferencesInput,
} from '../../../../shared/contracts/notifications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { ownerOf } from '../queries/list-notifications.ts'
import { readPreferences } from '../queries/preferences.ts'

/** Sets the e-mail preference of the kinds given (in-app notifications cannot be switched off). */
export async function updatePreferences(
  ctx: CommandContext,
  input: z.output<typeof notificationPreferencesInput>,
): Promise<NotificationPreferences> {
  authorize(ctx.actor, 'notification.manage')
  const userId = ownerOf(ctx)
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const before = await readPreferences(tx, userId)
    const was = new Map(before.items.map((i) => [i.kind, i.email]))
    const changed = input.items.filter((i) => was.get(i.kind) !== i.email)
    for (const item of changed) {
      await tx
        .insertInto('notification_preferences')
        .values({ user_id: userId, kind: item.kind, email: item.email, updated_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email: item.email, updated_at: now }))
        .execute()
    }
    if (changed.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'notification.preferences_updated',
        subjectType: 'user',
        subjectId: userId,
        change: { email: Object.fromEntries(changed.map((i) => [i.kind, i.email])) },
      })
    }
    return readPreferences(tx, userId)
  })
}
