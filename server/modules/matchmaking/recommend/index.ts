/**
 * Recommendations, the part of the `matchmaking` module that ranks (issue 6 §1): for a challenge the
 * solutions and organisations that fit it; for a solution or an organisation the challenges and open
 * calls; for an application its lead is preparing, partner organisations that complement the
 * consortium. The ranking is the matching engine's (../engine, the same code as `npm run cascade --
 * match`), over in-memory indexes kept fresh from the audit log (store/store.ts).
 *
 * Decisions:
 *  - Every item has a score and an explanation: shared words (as the query and the item wrote them),
 *    shared taxonomy tags (named) and facts (`code` + `params`, translated by the UI): a country, an
 *    end-user or an SME the consortium lacks, the expertise it lacks, TRL fit, a call's deadline.
 *  - Who asks for what: a challenge — whoever sees it (published: platform members; drafts: the
 *    programme's operators and cluster staff); a solution or an organisation — its members and the
 *    brokers (403 for others who see it, 404 otherwise); an application — its lead's members (403 for
 *    the partners and staff who see it, 404 otherwise).
 *  - What comes back follows the platform's rules for the caller: THE solution visibility rule (on the
 *    indexed row, published only), the organisations listed for the caller, and the disclosure rule
 *    (organisations/domain/disclosure.ts identityVisible) for names: an anonymous profile or the owner
 *    of an anonymous solution comes without name or id. Identity words are kept out of indexed texts.
 *  - Long texts query with their 12 most telling words (query weight × idf); the engine prunes (MaxScore)
 *    with the same results as an exhaustive scoring.
 */
export { recommendationRoutes } from './http/routes.ts'
export { RecommendationStore, recommendationStore } from './store/store.ts'
