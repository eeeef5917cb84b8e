import type { Selectable } from 'kysely'
import type { z } from 'zod'
import type { Page } from '../../../../shared/contracts/common.ts'
import {
  type Notification,
  type NotificationKind,
  notificationKinds,
  type notificationListQuery,
} from '../../../../shared/contracts/notifications.ts'
import type { Notifications } from '../../../db/types.generated.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

const NO_USER = '00000000-0000-0000-0000-000000000000'

/** The signed-in person's id (a token acts for its owner); nobody else's notifications are ever read. */
export function ownerOf(ctx: CommandContext): string {
  return ctx.actor.userId ?? NO_USER
}

function params(value: unknown): Record<string, string> {
  const raw = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  const out: Record<string, string> = {}
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v
  }
  return out
}

export function toNotification(r: Selectable<Notifications>): Notification {
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    params: params(r.params),
    link: r.link,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  }
}

/** Mine only, kinds this version knows (a row of a retired kind is not shown), newest first. */
export function mine(db: Queryable, userId: string) {
  return db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('kind', 'in', [...notificationKinds])
}

export async function listNotifications(
  ctx: CommandContext,
  q: z.output<typeof notificationListQuery>,
): Promise<Page<Notification>> {
  authorize(ctx.actor, 'notification.view')
  let base = mine(ctx.db, ownerOf(ctx))
  if (q.unread) base = base.where('read_at', 'is', null)
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ])
  return { items: rows.map(toNotification), total: Number(total), page: q.page, pageSize: q.pageSize }
}

export async function unreadCount(ctx: CommandContext): Promise<{ unread: number }> {
  authorize(ctx.actor, 'notification.view')
  const row = await mine(ctx.db, ownerOf(ctx))
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return { unread: Number(row.n) }
}
