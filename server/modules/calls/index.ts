/**
 * Calls: open calls for proposals as data. A call's rules, budget, timeline, application form and
 * evaluation criteria are one document (`callConfig`, shared/contracts/calls.ts), run by the shared rules
 * engine (shared/calls) in the browser and on the server.
 *
 * Decisions:
 *  - Who: operators of the call's programme manage it (`call.manage`, then the programme on the object);
 *    a draft is 404 `call_not_found` to everyone else; a published call, even cancelled, is public at
 *    its own address (API, `/calls/:code`, its documents). Lists of calls outside the operators' views
 *    (`/calls`, `GET /calls`, the programme, challenge and domain pages, the catalogue's call filter)
 *    show only listed calls: published and not cancelled (`listedCallSql`, one rule).
 *  - Time: the call states its opening and deadline as wall-clock times in its IANA zone; they are stored
 *    as instants (`localToInstant` of shared/calls/time.ts: a skipped time is `local_time_missing`, an
 *    ambiguous one the earlier instant). The phase is derived from the server's clock, never stored: a
 *    request at exactly the deadline is late. Responses carry `serverNow` for countdowns.
 *  - Versions: before opening, PATCH edits in place (`expectedVersion` = `config_version`, 409
 *    `call_revision_conflict` when stale). The `calls.open` job freezes the configuration at the opening
 *    and writes `call_versions` version 1; afterwards a change needs a change log and writes version
 *    n+1 (published on the call page). `latestCallVersion` is what a receipt names.
 *  - Jobs (`calls.open`, `calls.close`) carry the instant they were scheduled for and re-check it: a moved,
 *    unpublished or cancelled call leaves stale jobs that do nothing. The close job freezes (if the open
 *    job never ran) and then runs the screening wired through `onCallClosed`, then sets `screened_at`.
 *  - Q&A: signed-in people ask until the cut-off (stated, else the deadline): afterwards 409 `qa_closed`;
 *    operators publish (with the answer; the asker is mailed) or dismiss. Askers are never shown.
 */
export { type CallClosedHook, onCallClosed, registerCallJobs } from './commands/call-jobs.ts'
export {
  CLOSE_QUEUE as CALL_CLOSE_QUEUE,
  latestVersion as latestCallVersion,
  OPEN_QUEUE as CALL_OPEN_QUEUE,
} from './commands/freeze.ts'
export { type CallRow, canSeeCall, loadCall } from './commands/guard.ts'
export { isCallManager } from './domain/abilities.ts'
export { phaseOf as callPhaseOf } from './domain/phase.ts'
export { mountCallPages } from './http/public-pages.ts'
export { callRoutes } from './http/routes.ts'
export { qaClosesAt, storedConfig as callConfigOf, toCall } from './queries/call-view.ts'
export { isListedCall, listedCallSql } from './queries/listed.ts'
