// Worker-thread entry of the assignment optimiser (started by assignExpertsInWorker).
import { serveInWorker } from '../../../platform/worker/index.ts'
import { assignExperts } from './assign.ts'

await serveInWorker(assignExperts)
