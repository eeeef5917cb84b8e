/**
 * Eligibility screening (issue 5, item 6): at the deadline the call's rules run on every submitted
 * application (the current revision) and record pass / fail / warning per rule with the reason;
 * operators review, override with a written justification and decide admissibility; the consortium
 * sees the outcome and the reasons.
 */
export { screenCall, screenCallNow } from './commands/screen-call.ts'
export { reasonVars } from './domain/reason-text.ts'
export { screeningRoutes } from './http/routes.ts'
export { eligibilityOfApplication, getEligibility, loadEligibilityView } from './queries/eligibility-view.ts'
