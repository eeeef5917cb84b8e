/**
 * Brokerage events, the part of the `matchmaking` module where people meet one to one at an event
 * (issue 6 §5), built around the pure scheduler (../scheduler).
 *
 * Decisions:
 *  - An event is organised by operators or by one cluster's staff (object-level rule, `isOrganiser`); a draft is a
 *    404 for everyone else. Sessions are cut into stored slots (`domain/rules.ts deriveSlots`); a slot has the
 *    session's tables (or online rooms).
 *  - People register for an organisation they belong to, before the registration deadline, with a profile and
 *    the slots they are free. Identity follows partner search (`shownOrganisation`): a participant who registered
 *    anonymously, or whose profile is anonymous, is shown by country and type only — no name, organisation id or
 *    person — until a request between the two is accepted; members and brokers always see it. The search vector
 *    holds the participant's own texts, never a name.
 *  - Requests: one live (pending or accepted) per pair (partial unique index); pending ones expire after the
 *    event's `requestExpiryHours`, applied at query time (`effectiveStatus`) and marked by the next write.
 *  - Self-booking: the accepter (or later either side) books a free common slot. The booking locks the slot, then
 *    both participants in id order, and checks availability, one meeting per person per slot, tables per slot and
 *    the maximum per participant against what is committed; unique indexes hold the same rules (409
 *    `brokerage_slot_full`, `brokerage_slot_unavailable`, `brokerage_max_meetings`).
 *  - Central: the organiser fixes meetings by hand and runs the scheduler (a job, `scheduleMeetingsInWorker`) over
 *    all accepted requests; the run keeps its progress and result; publishing it re-checks it against the event
 *    as it is now (`checkSchedule`, else 409 `brokerage_schedule_stale`), replaces the scheduled meetings (fixed
 *    ones stay) and shows the agendas. Before that, participants see no meeting.
 *  - Agenda as ICS (TZID of the event, VTIMEZONE from the runtime's zone data as workshops); a reminder job
 *    `reminderHours` before each participant's first meeting, stale when that first meeting moved.
 *  - Every write is authorised and audited; notifications name no organisation before acceptance.
 */
import type { Clock } from '../../../platform/clock.ts'
import type { JobWorker } from '../../../platform/jobs/queue.ts'
import type { Mailer } from '../../../platform/mail/mailer.ts'
import { registerReminderJob } from './commands/reminder.ts'
import { registerScheduleJob } from './commands/schedule.ts'

export { BROKERAGE_REMINDER_QUEUE } from './commands/reminder.ts'
export { SCHEDULE_QUEUE } from './commands/schedule.ts'
export { brokerageRoutes } from './http/routes.ts'

export function registerBrokerageJobs(
  worker: JobWorker,
  deps: { mailer: Mailer; publicUrl: string; clock: Clock },
): void {
  registerReminderJob(worker, deps)
  registerScheduleJob(worker, deps)
}
