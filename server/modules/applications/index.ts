/**
 * Applications: consortia apply to open calls. The working copy is co-edited; a submission freezes it
 * into an immutable revision with a digest and a signed receipt. Screening (`screening/`), the
 * operators' dashboard (`dashboard/`) and the PDF (`pdf/`) live in subfolders with their own routes.
 *
 * Decisions:
 *  - Who sees: the consortium — members of the lead organisation and of the partners that ACCEPTED —
 *    and the operators and cluster staff of the call's programme (read-only). Anyone else gets 404
 *    `application_not_found` on every route (domain/access.ts). Invited organisations see only the
 *    invitation (by its link).
 *  - Who writes: the lead's members the shared answers, the consortium and the submission; each
 *    partner's members its own part (403 `not_a_member` otherwise). Every write locks the application
 *    row FOR UPDATE, so the writes of one application are serialised.
 *  - Time: the server's clock (ctx.clock) and the shared `shared/calls/time.ts` decide; from the deadline
 *    on (a request at exactly the deadline is late) every write answers 409 `deadline_passed`, before
 *    the opening `call_not_open`; a withdrawn application is read-only (`application_read_only`). The
 *    abilities carry the same reasons.
 *  - Versions: `version` counts the changes of what a submission would contain (answers, parts,
 *    confirmations, consortium). Shared answers merge per field (answer_meta: version, author, time of
 *    the last change of each question): 409 `application_edit_conflict` with the conflicts, nothing
 *    written. A part has its own `part_version` (whole-part check, 409 `application_part_conflict`
 *    with the current part); a change withdraws the confirmation.
 *  - Readiness and the submit gate: the shared engine `checkApplication` (shared/calls/readiness.ts),
 *    the same code the browser runs. Partner facts come from the organisations' profiles
 *    (queries/rows.ts): country, type, SME status; linked to a programme partner = is a cluster
 *    organisation of the programme, or declares a partner/linked enterprise whose name is one's
 *    legal or short name; other applications = other live ones of the call it is in.
 *  - Submission: idempotent per (application, Idempotency-Key) with a request hash; the content
 *    (canonical JSON, RFC 8785) lists the files with their SHA-256, so the digest covers them; the
 *    receipt is signed with the platform's Ed25519 key (platform/signing) and mailed to the consortium
 *    by one job after commit. Every revision is kept; the latest submitted one counts.
 *  - Consortia (matchmaking/consortia) become applications through `startApplication` and
 *    `addAcceptedPartner` (their members already accepted, with a role), in the consortium's
 *    transaction; the consortium rules are judged on `organisationFacts`, the same facts as here.
 *  - Cross-module reads: the call's row (dates, configuration, challenges) and organisations' profiles
 *    are read directly, in the same statements (the submit path is benchmarked).
 */

export { type AcceptedPartner, addAcceptedPartner } from './commands/add-partner.ts'
export { registerApplicationJobs, sendReceiptMails } from './commands/receipt-mail.ts'
export { type ApplicationStartInput, startApplication } from './commands/start-application.ts'
export { type SubmitInput, submitApplication } from './commands/submit-application.ts'
// The subfolders' public surfaces, so other modules and the composition root import only this file.
export { callDashboard, dashboardOf, dashboardRoutes } from './dashboard/index.ts'
export { buildContent, receiptFilename, signReceipt } from './domain/content.ts'
export { applicationRoutes } from './http/routes.ts'
export {
  embedFonts,
  loadPdfInput,
  PdfWriter,
  pdfFormat,
  pdfLocale,
  pdfRoutes,
  renderApplicationPdf,
} from './pdf/index.ts'
export { readApplication, setEligibilityReader } from './queries/application-view.ts'
export { organisationFacts } from './queries/organisation-facts.ts'
export { type ApplicationSnapshot, loadApplicationSnapshot } from './queries/snapshot.ts'
export {
  eligibilityOfApplication,
  getEligibility,
  loadEligibilityView,
  reasonVars,
  screenCall,
  screenCallNow,
  screeningRoutes,
} from './screening/index.ts'
