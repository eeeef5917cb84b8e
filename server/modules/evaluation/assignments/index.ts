/**
 * The assignment of experts to a call's applications (issue 7 §2–4): affinity from the matching engine
 * and the experts' bids, optimiser runs as a background job over the call's pool (loads, conflicts,
 * panel rules, kept pairs as locks), operators' locks and hand-made pairs, and the experts' "no
 * conflict" confirmation or recusal with an automatic replacement.
 */
import type { Clock } from '../../../platform/clock.ts'
import type { JobWorker } from '../../../platform/jobs/queue.ts'
import { registerAssignmentJob } from './commands/run.ts'

export { assignmentRoutes } from './http/routes.ts'

/** The assignment runs' job (queue `evaluation.assignment`). */
export function registerAssignmentJobs(worker: JobWorker, deps: { clock: Clock }): void {
  registerAssignmentJob(worker, deps)
}
