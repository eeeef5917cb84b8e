import type { z } from 'zod'
import {
  markAllReadResult,
  notification,
  notificationPage,
  notificationPreferences,
  type notificationPreferencesInput,
  unreadCount,
} from '../../../shared/contracts/notifications.ts'
import { ApiError, errorFromResponse, toQueryString } from '../../app/api.ts'

/** The notifications part of `/api/v1`, parsed with the shared contracts like the app's main client. */
async function call<S extends z.ZodType>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  schema: S,
  body?: unknown,
  query?: Record<string, string | number | undefined>,
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (method !== 'GET') headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(`/api/v1${path}${toQueryString(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    })
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network_error', message: (e as Error).message })
  }
  if (!res.ok) throw await errorFromResponse(res)
  const parsed = schema.safeParse(await res.json())
  if (!parsed.success)
    throw new ApiError({ status: res.status, code: 'invalid_response', message: parsed.error.message })
  return parsed.data
}

export interface NotificationListQuery {
  page?: number | undefined
  pageSize?: number | undefined
  unread?: boolean | undefined
}

export const notificationsApi = {
  list: (q: NotificationListQuery) =>
    call('GET', '/me/notifications', notificationPage, undefined, {
      page: q.page,
      pageSize: q.pageSize,
      unread: q.unread ? 'true' : undefined,
    }),
  unreadCount: () => call('GET', '/me/notifications/unread-count', unreadCount),
  markRead: (id: string) => call('POST', `/me/notifications/${encodeURIComponent(id)}/read`, notification),
  markAllRead: () => call('POST', '/me/notifications/read-all', markAllReadResult),
  preferences: () => call('GET', '/me/notification-preferences', notificationPreferences),
  updatePreferences: (body: z.input<typeof notificationPreferencesInput>) =>
    call('PUT', '/me/notification-preferences', notificationPreferences, body),
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (q: NotificationListQuery) => ['notifications', 'list', q] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
}
