/**
 * Notifications: the in-app notification centre and the e-mails of events, through one function,
 * `notify()`, that other modules call inside the transaction of their event.
 *
 * Decisions:
 *  - One row per recipient and event (`notifications`), rendered in the reader's language from `kind`
 *    and `params` (never stored as text), linking to the subject's app page. The subject decides its
 *    recipients (the calling module knows its parties); notify never reaches the actor.
 *  - E-mail per kind can be switched off (`notification_preferences`, no row = on); in-app cannot.
 *    An address without an account gets the e-mail only, in English.
 *  - The mail is a `mail_messages` row written in the same transaction; SMTP delivery is a job, so
 *    nothing is sent for an event that rolls back.
 *  - A person reads and marks only their own notifications (`user_id` = the actor, a token acts for
 *    its owner); anything else is 404. Read marks are not audited (the reader's own state), preference
 *    changes are.
 */
export { type NotifyDeps, type NotifyInput, notify } from './commands/notify.ts'
export type { Recipient } from './domain/delivery.ts'
export { notificationRoutes } from './http/routes.ts'
