import { z } from 'zod'
import { uuid } from '../../../../shared/contracts/common.ts'
import {
  markAllReadResult,
  notification,
  notificationListQuery,
  notificationPage,
  notificationPreferences,
  notificationPreferencesInput,
  unreadCount as unreadCountSchema,
} from '../../../../shared/contracts/notifications.ts'
import { type AnyRoute, defineRoute } from '../../../platform/http/route.ts'
import { markAllRead, markRead } from '../commands/mark-read.ts'
import { updatePreferences } from '../commands/update-preferences.ts'
import { listNotifications, unreadCount } from '../queries/list-notifications.ts'
import { getPreferences } from '../queries/preferences.ts'

const tags = ['notifications']

export const notificationRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/notifications',
    capability: 'notification.view',
    summary: 'My notifications, newest first (`unread=true` for the unread ones)',
    tags,
    query: notificationListQuery,
    response: notificationPage,
    handler: async ({ query }, ctx) => listNotifications(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/notifications/unread-count',
    capability: 'notification.view',
    summary: 'How many of my notifications are unread',
    tags,
    response: unreadCountSchema,
    handler: async (_, ctx) => unreadCount(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/notifications/read-all',
    capability: 'notification.manage',
    summary: 'Mark all my notifications read',
    tags,
    response: markAllReadResult,
    handler: async (_, ctx) => markAllRead(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/notifications/:notificationId/read',
    capability: 'notification.manage',
    summary: 'Mark one of my notifications read',
    tags,
    params: z.object({ notificationId: uuid }),
    response: notification,
    handler: async ({ params }, ctx) => markRead(ctx, params.notificationId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/notification-preferences',
    capability: 'notification.view',
    summary: 'Which notifications I also receive by e-mail',
    tags,
    response: notificationPreferences,
    handler: async (_, ctx) => getPreferences(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/me/notification-preferences',
    capability: 'notification.manage',
    summary: 'Switch e-mail on or off per kind (in-app notifications stay on)',
    tags,
    body: notificationPreferencesInput,
    response: notificationPreferences,
    handler: async ({ body }, ctx) => updatePreferences(ctx, body),
  }),
]
