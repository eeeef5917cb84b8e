// The brokerage-event meeting scheduler: pure (no database), see schedule.ts for the method. In the server, use
// scheduleMeetingsInWorker: the solver runs synchronously.
export { checkSchedule, type Violation } from './check.ts'
export { scheduleMeetingsInWorker } from './in-worker.ts'
export type { FixedConflict, FixedConflictKind } from './problem.ts'
export { scheduleMeetings } from './schedule.ts'
export type * from './types.ts'
