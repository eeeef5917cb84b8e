/**
 * The shared rules engine of calls and applications: pure, I/O-free, run by the browser (live
 * readiness, countdowns) and by the server (stored instants, submission gate, eligibility screening).
 */
export * from './consortium.ts'
export * from './form-checks.ts'
export * from './presets.ts'
export * from './readiness.ts'
export * from './rules.ts'
export * from './time.ts'
