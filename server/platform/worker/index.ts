// A pure, CPU-bound computation (a HiGHS solve, a min-cost flow) run in a worker thread, so that it does not block
// the server's event loop. `runInWorker` starts the worker module with the input and options, passes its progress
// events to `onProgress`, and settles with its result, or with its error: a DomainError comes back as a DomainError
// with the same code, details and field errors. `serveInWorker` is the other side, in the worker module.
import { parentPort, Worker, workerData } from 'node:worker_threads'
import type { ErrorCode } from '../../../shared/errors.ts'
import { DomainError } from '../errors.ts'

type WorkerMessage<P, R> =
  | { type: 'progress'; progress: P }
  | { type: 'result'; result: R }
  | {
      type: 'error'
      code?: string
      message: string
      details?: Record<string, unknown>
      fieldErrors?: DomainError['fieldErrors']
    }

export interface WorkerOptions<P> {
  onProgress?: (progress: P) => void
}

/** Runs the worker module at `url` on `input` and `options`; `label` names it in errors ("Scheduler"). */
export function runInWorker<I, O extends WorkerOptions<P>, P, R>(
  url: URL,
  label: string,
  input: I,
  options: O,
): Promise<R> {
  const { onProgress, ...rest } = options
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { input, options: rest } })
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      fn()
      void worker.terminate()
    }
    worker.on('message', (m: WorkerMessage<P, R>) => {
      if (m.type === 'progress') onProgress?.(m.progress)
      else if (m.type === 'result') settle(() => resolve(m.result))
      else
        settle(() =>
          reject(
            m.code
              ? new DomainError(m.code as ErrorCode, m.message, m.details ?? {}, m.fieldErrors)
              : new Error(`${label} failed: ${m.message}`),
          ),
        )
    })
    worker.on('error', (e) => settle(() => reject(e)))
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`The ${label.toLowerCase()} worker stopped (exit code ${code}).`))),
    )
  })
}

/**
 * In a worker module: runs `compute` on the input and options the worker was started with, posts progress events
 * while it runs, then the result or the error, and ends. Does nothing outside a worker thread.
 */
export async function serveInWorker<I, O, P, R>(
  compute: (input: I, options: O & { onProgress: (progress: P) => void }) => R | Promise<R>,
): Promise<void> {
  const port = parentPort
  if (!port) return
  const { input, options } = workerData as { input: I; options: O }
  const post = (m: WorkerMessage<P, R>) => port.postMessage(m)
  try {
    const result = await compute(input, {
      ...options,
      onProgress: (progress: P) => post({ type: 'progress', progress }),
    })
    post({ type: 'result', result })
  } catch (e) {
    if (e instanceof DomainError)
      post({ type: 'error', code: e.code, message: e.message, details: e.details, fieldErrors: e.fieldErrors })
    else post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
  }
}
