/**
 * Use cases: needs stated by end-user and integrator organisations, reviewed by programme staff, and
 * promoted into challenges by the challenges module. Part of the demand-side bounded context.
 *
 * Decisions:
 *  - Who drafts: members of organisations of type public_authority, infrastructure_operator,
 *    integrator, research_organisation or other. SMEs, large companies (solution providers) and
 *    clusters do not: they answer needs, they do not state them (403 `organisation_not_eligible`).
 *  - Visibility is one rule, `visibleUseCases()` (queries/visibility.ts), used by every read and
 *    command: the organisation's members always, operators all, cluster staff the non-drafts their
 *    cluster follows (its workshops' captures and votes, its member organisations), approved
 *    participants of a published workshop the `programme`/`public` ones it votes on, others signed in
 *    only public accepted or promoted ones, anonymous none. Hidden means 404 `use_case_not_found`,
 *    never 403. Routes name no `subject`: the platform gate would otherwise answer 403 vs 404 and
 *    reveal existence.
 *  - `restricted` stays with the owner organisation and the staff who follow it; `programme` opens to
 *    the approved participants of a workshop that puts it to the vote.
 *  - Comments, revisions and transition history are for the parties only (authoring organisation,
 *    programme staff); a reader of a public use case sees its current text.
 *  - Tags are current, not revisioned (use_case_revisions has no tag column).
 *  - Lifecycle: domain/lifecycle.ts. Submitting needs a domain, context and threat, problem
 *    statement and TRL range (400 `use_case_incomplete`).
 */
export { markPromoted } from './commands/mark-promoted.ts'
export { useCaseRoutes } from './http/routes.ts'
export { visibleUseCases } from './queries/visibility.ts'
