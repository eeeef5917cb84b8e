import {
  type NotificationKind,
  type NotificationPreferences,
  notificationKinds,
} from '../../../../shared/contracts/notifications.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { ownerOf } from './list-notifications.ts'

/** Every kind with its e-mail setting (on unless switched off), in the order of `notificationKinds`. */
export async function readPreferences(db: Queryable, userId: string): Promise<NotificationPreferences> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'email'])
    .where('user_id', '=', userId)
    .execute()
  const set = new Map(rows.map((r) => [r.kind as NotificationKind, r.email]))
  return { items: notificationKinds.map((kind) => ({ kind, email: set.get(kind) ?? true })) }
}

export async function getPreferences(ctx: CommandContext): Promise<NotificationPreferences> {
  authorize(ctx.actor, 'notification.view')
  return readPreferences(ctx.db, ownerOf(ctx))
}
