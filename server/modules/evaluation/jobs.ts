import type { Clock } from '../../platform/clock.ts'
import type { JobWorker } from '../../platform/jobs/queue.ts'
import type { Mailer } from '../../platform/mail/mailer.ts'
import { registerAssignmentJobs } from './assignments/index.ts'
import { registerScoringJobs } from './scoring/index.ts'

export interface EvaluationJobDeps {
  mailer: Mailer
  publicUrl: string
  clock: Clock
}

/** The background jobs of evaluation: assignment runs, reminders to experts, decision mails. */
export function registerEvaluationJobs(worker: JobWorker, deps: EvaluationJobDeps): void {
  registerAssignmentJobs(worker, deps)
  registerScoringJobs(worker, deps)
}
