/**
 * Solutions: what organisations offer, with a guided, evidence-backed TRL self-assessment. Part of the
 * supply-side bounded context (with organisations' applicant profiles).
 *
 * Decisions:
 *  - Who writes: members of the owning organisation (any role), checked on the object by every command
 *    (403 `not_a_member`); the route gate only asks for a signed-in person with `solution.manage`.
 *  - Who sees: ONE rule, `visibleSolutions` / `solutionVisibleTo` (queries/visibility.ts), used by every
 *    read, command and file download; hidden = 404 `solution_not_found`. Whose NAME is shown is another
 *    rule, `identityVisible` (organisations/domain/disclosure.ts) applied in `ownerFor`: a hidden owner is
 *    a country only, media and evidence are downloaded under neutral names (SOL-00042-image-1.png).
 *  - Revisions: every save and status change is a new revision with a full snapshot (solution_revisions);
 *    stale saves answer 409 `solution_revision_conflict` and write nothing. Media and assessments are
 *    not part of the snapshot (they have their own history: audit, trl_assessments).
 *  - Search: `search_vector` is rebuilt by `refreshSearchVector` on every write, in the text's language
 *    (declared, or detected with franc): A name, B pitch, C description, problem, references, tag names.
 *  - TRL: domain/trl has the questionnaires (one per type, versioned) and the pure logic. The result is
 *    computed on the server at completion. `solutions.assessed_trl` holds the EFFECTIVE TRL: the latest
 *    review's level of the latest completed assessment if any, else its self-assessed result (levels
 *    1–9; "0, no level reached" is stored as null). The catalogue filters on it; the badge compares it
 *    with a window (queries/trl-window.ts): the call's where one is in context (catalogue `?call=`),
 *    else the programme's (its latest published call's, else 5–8), and with each challenge's range.
 *  - Evidence trail (answers, evidence files, history, reviewer names): members and reviewers
 *    (`solution.review_trl`: cluster staff, operators, experts) only; drafts: members only.
 */

export { storedTrl } from './commands/complete-assessment.ts'
export { nextSolutionReference } from './commands/create-solution.ts'
export { writeRevision } from './commands/revisions.ts'
export { refreshSearchVector, refreshSearchVectors, searchRest, solutionLanguage } from './commands/search.ts'
export {
  complete as completeQuestionnaire,
  defaultTrlWindow,
  evaluate,
  fitsWindow,
  questionnaireFor,
  questionnaires,
} from './domain/trl/index.ts'
export { solutionRoutes } from './http/routes.ts'
export { neutralFilename } from './queries/media-view.ts'
export { ownerFor, selectRows as selectSolutionRows, toSummary as toSolutionSummary } from './queries/solution-view.ts'
export { listedCallByCode, programmeTrlWindow, windowOfConfig as trlWindowOfCallConfig } from './queries/trl-window.ts'
export { solutionVisibleTo, visibleSolutions } from './queries/visibility.ts'
