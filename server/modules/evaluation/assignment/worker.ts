// Worker-thread entry of the assignment optimiser: runs assignExperts on the message it is started with, posts
// progress events while it runs, then the result or the error (code, message, details, field errors), and ends.
import { parentPort, workerData } from 'node:worker_threads'
import { DomainError } from '../../../platform/errors.ts'
import { assignExperts } from './assign.ts'
import type { AssignmentInput, AssignmentOptions, AssignmentProgress, AssignmentResult } from './types.ts'

export type WorkerMessage =
  | { type: 'progress'; progress: AssignmentProgress }
  | { type: 'result'; result: AssignmentResult }
  | {
      type: 'error'
      code?: string
      message: string
      details?: Record<string, unknown>
      fieldErrors?: DomainError['fieldErrors']
    }

const port = parentPort
if (port) {
  const { input, options } = workerData as { input: AssignmentInput; options: Omit<AssignmentOptions, 'onProgress'> }
  const post = (m: WorkerMessage) => port.postMessage(m)
  try {
    const result = await assignExperts(input, {
      ...options,
      onProgress: (progress) => post({ type: 'progress', progress }),
    })
    post({ type: 'result', result })
  } catch (e) {
    if (e instanceof DomainError)
      post({ type: 'error', code: e.code, message: e.message, details: e.details, fieldErrors: e.fieldErrors })
    else post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
  }
}
