import type { Notification } from '../../../../shared/contracts/notifications.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { mine, ownerOf, toNotification } from '../queries/list-notifications.ts'

/**
 * Marks one of my notifications read (idempotent: the first reading time stays). Someone else's
 * notification does not exist for me: 404. Reading marks are the reader's own state, like a mail
 * client's, and are not written to the activity log (preference changes are).
 */
export async function markRead(ctx: CommandContext, id: string): Promise<Notification> {
  authorize(ctx.actor, 'notification.manage')
  const row = await mine(ctx.db, ownerOf(ctx)).selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new DomainError('notification_not_found')
  if (row.read_at) return toNotification(row)
  const updated = await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('user_id', '=', row.user_id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toNotification(updated)
}

/** Marks all my unread notifications read; answers how many changed. */
export async function markAllRead(ctx: CommandContext): Promise<{ marked: number }> {
  authorize(ctx.actor, 'notification.manage')
  const rows = await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now() })
    .where('user_id', '=', ownerOf(ctx))
    .where('read_at', 'is', null)
    .returning('id')
    .execute()
  return { marked: rows.length }
}
