// The scheduler in a worker thread, for the server: HiGHS runs synchronously for seconds on large events, which must
// not block the event loop (platform/worker: progress through `onProgress`, domain errors as DomainError).
import { runInWorker } from '../../../platform/worker/index.ts'
import type { SchedulingInput, SchedulingOptions, SchedulingProgress, SchedulingResult } from './types.ts'

export function scheduleMeetingsInWorker(
  input: SchedulingInput,
  options: SchedulingOptions = {},
): Promise<SchedulingResult> {
  return runInWorker<SchedulingInput, SchedulingOptions, SchedulingProgress, SchedulingResult>(
    new URL('./worker.ts', import.meta.url),
    'Scheduler',
    input,
    options,
  )
}
