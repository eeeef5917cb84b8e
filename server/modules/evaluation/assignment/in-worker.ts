// The optimiser in a worker thread, for the server: HiGHS and the flow run synchronously for seconds on large calls,
// which must not block the event loop (platform/worker: progress through `onProgress`, domain errors as DomainError).
import { runInWorker } from '../../../platform/worker/index.ts'
import type { AssignmentInput, AssignmentOptions, AssignmentProgress, AssignmentResult } from './types.ts'

export function assignExpertsInWorker(
  input: AssignmentInput,
  options: AssignmentOptions = {},
): Promise<AssignmentResult> {
  return runInWorker<AssignmentInput, AssignmentOptions, AssignmentProgress, AssignmentResult>(
    new URL('./worker.ts', import.meta.url),
    'Assignment',
    input,
    options,
  )
}
