import { z } from 'zod'
import { isoDateTime, pageOf, pageQuery, uuid } from './common.ts'

/**
 * What can be notified. The in-app text is `notifications.kinds.<kind>` rendered with `params` in the
 * reader's language; the e-mail is `email.<kind>.subject` / `.body` in the recipient's language.
 */
export const notificationKinds = [
  'use_case_changes_requested',
  'use_case_accepted',
  'use_case_comment',
  'workshop_invitation',
  'workshop_registration_approved',
  'workshop_reminder',
  'workshop_changed',
  'workshop_vote_open',
  'workshop_vote_closing',
  'workshop_vote_closed',
  'application_admissible',
  'application_inadmissible',
  'partnering_interest_received',
  'partnering_interest_accepted',
  'partnering_interest_declined',
  'partnering_message',
  'brokerage_request_received',
  'brokerage_request_accepted',
  'brokerage_request_declined',
  'brokerage_meeting_booked',
  'brokerage_schedule_published',
  'brokerage_reminder',
  'consortium_invitation',
  'consortium_invitation_accepted',
  'consortium_invitation_declined',
  'consortium_converted',
  'expert_approved',
  'expert_rejected',
  'evaluation_reminder',
  'evaluation_result',
  'evaluation_promoted',
  'redress_filed',
  'redress_handled',
  'assignment_replacement_needed',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

/**
 * What a notification carries to be rendered without reading its subject again (the subject may have
 * changed or become invisible since): its title, reference, the person who acted, times as ISO strings.
 */
export const notificationParams = z.record(z.string(), z.string())
export type NotificationParams = z.infer<typeof notificationParams>

export const notification = z.object({
  id: uuid,
  kind: z.enum(notificationKinds),
  subjectType: z.string(),
  subjectId: z.string(),
  params: notificationParams,
  /** An app path (`/app/…`) to the subject. */
  link: z.string(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
})
export type Notification = z.infer<typeof notification>

export const notificationListQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
})
export const notificationPage = pageOf(notification)
export const unreadCount = z.object({ unread: z.number().int().min(0) })
export const markAllReadResult = z.object({ marked: z.number().int().min(0) })

export const notificationPreference = z.object({ kind: z.enum(notificationKinds), email: z.boolean() })
export const notificationPreferences = z.object({ items: z.array(notificationPreference) })
export type NotificationPreferences = z.infer<typeof notificationPreferences>
/** Replaces the preferences of the kinds named; kinds not named keep theirs. */
export const notificationPreferencesInput = z.object({
  items: z
    .array(notificationPreference)
    .max(notificationKinds.length)
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, { message: 'duplicate_kind' }),
})
