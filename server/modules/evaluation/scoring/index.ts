/**
 * Individual evaluation (issue 7 §5–6, §12): the expert's assignments and the evaluation form, blind
 * to the other experts; reopening by a moderator; the reminder 48 h before the individual phase ends.
 * The set-up (settings, phases) and the operators' hub are in ../phases, served by the same routes.
 */
import type { JobWorker } from '../../../platform/jobs/queue.ts'
import { type ReminderDeps, registerReminderJob } from './commands/reminders.ts'

export { ensureReminderSweep, REMINDER_QUEUE, runReminderSweep } from './commands/reminders.ts'
export { scoringRoutes } from './http/routes.ts'

/** The scoring jobs: the daily reminder sweep. */
export function registerScoringJobs(worker: JobWorker, deps: ReminderDeps): void {
  registerReminderJob(worker, deps)
}
