// Worker-thread entry of the scheduler (started by scheduleMeetingsInWorker).
import { serveInWorker } from '../../../platform/worker/index.ts'
import { scheduleMeetings } from './schedule.ts'

await serveInWorker(scheduleMeetings)
