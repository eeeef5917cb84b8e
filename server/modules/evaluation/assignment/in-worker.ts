// The optimiser in a worker thread, for the server: HiGHS and the flow run synchronously for seconds on large calls,
// which must not block the event loop. Progress events come back through `onProgress`; domain errors come back as
// DomainError with the same code, details and field errors.
import { Worker } from 'node:worker_threads'
import type { ErrorCode } from '../../../../shared/errors.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { AssignmentInput, AssignmentOptions, AssignmentResult } from './types.ts'
import type { WorkerMessage } from './worker.ts'

export function assignExpertsInWorker(
  input: AssignmentInput,
  options: AssignmentOptions = {},
): Promise<AssignmentResult> {
  const { onProgress, ...rest } = options
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { input, options: rest } })
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      fn()
      void worker.terminate()
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.progress)
      else if (m.type === 'result') settle(() => resolve(m.result))
      else
        settle(() =>
          reject(
            m.code
              ? new DomainError(m.code as ErrorCode, m.message, m.details ?? {}, m.fieldErrors)
              : new Error(`Assignment failed: ${m.message}`),
          ),
        )
    })
    worker.on('error', (e) => settle(() => reject(e)))
    worker.on('exit', (code) => settle(() => reject(new Error(`The assignment worker stopped (exit code ${code}).`))))
  })
}
