// The expert-assignment optimiser: pure (no database), see assign.ts for the method. In the server, use
// assignExpertsInWorker: the solvers run synchronously.
export { assignExperts } from './assign.ts'
export { checkAssignment, type Violation } from './check.ts'
export { assignExpertsInWorker } from './in-worker.ts'
export type * from './types.ts'
