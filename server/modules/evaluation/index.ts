/**
 * Evaluation (issue 7). So far: the exact assignment optimiser (assignment/), the expert pool
 * (experts/) and organisation-level conflicts of interest (conflicts/).
 *
 * Decisions (experts and conflicts):
 *  - One expert profile per person, across calls; a candidacy per call (`expert_calls`) from the public
 *    call for experts or an accepted e-mail invitation, pending until an operator of the call's
 *    programme approves it (both declarations signed; the `expert` programme role is granted) or
 *    rejects it. The expert is notified through `notify()`.
 *  - Conflicts are computed on every read from the programme's data (nothing stored but declarations
 *    and the per-call switches), by a pure function (conflicts/domain/rules.ts) whose reasons name the
 *    rule, the consortium member and what matched on the expert's side.
 *  - Operators of another programme get 403, an invisible call 404; an expert who is not a candidate
 *    for an application's call cannot tell it exists (404).
 *  - Every write is audited in its transaction.
 */
export { assignmentRoutes } from './assignments/http/routes.ts'
export { conflictRoutes } from './conflicts/http/routes.ts'
export { consensusRoutes } from './consensus/http/routes.ts'
export { decisionRoutes } from './decisions/http/routes.ts'
export { expertRoutes } from './experts/http/routes.ts'
export { registerEvaluationJobs } from './jobs.ts'
export { rankingRoutes } from './ranking/http/routes.ts'
export { scoringRoutes } from './scoring/http/routes.ts'
export { selectionRoutes } from './selection/http/routes.ts'
