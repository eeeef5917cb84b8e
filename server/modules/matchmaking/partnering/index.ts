/**
 * Partner search, the part of the `matchmaking` module where organisations find each other by hand
 * (issue 6 §4): partnering posts, expressions of interest, contact exchange and message threads.
 *
 * Decisions:
 *  - Posts are EEN-style (technology offer or request, business offer or request) or a partner sought
 *    for a call (which must name the call); a draft exists only for its organisation's members (404 for
 *    others); published posts are listed until `expires_at`, applied at query time (no job needed):
 *    an expired post leaves the marketplace at its instant and takes no new interest
 *    (409 `partnering_post_expired`); a closed one neither (409 `partnering_post_not_open`).
 *  - Identity: an organisation is named where the platform's disclosure rule allows
 *    (organisations/domain/disclosure.ts); an anonymous post hides it from everyone but its members and
 *    the brokers (operators, cluster staff) — list, detail, interest views, notifications and mails
 *    carry its country and type only. An accepted interest is the only way to reveal it, to the
 *    interested organisation. The search vector holds only the post's own text, never a name.
 *  - One pending interest per organisation and post (409 `interest_already_pending`, enforced by a
 *    partial unique index too); not in one's own post (409 `interest_own_post`). The post's side
 *    accepts or declines, the interested side withdraws; only a pending interest changes (409
 *    `interest_already_decided`).
 *  - Acceptance exchanges contacts (organisation, the person who accepted and the person who wrote the
 *    interest, with their e-mail) and opens a thread between the two organisations, private to them.
 *  - Notifications name no organisation before acceptance: a new interest says the interested
 *    organisation's country; decisions say the post's reference and title.
 *  - Reading marks (`message_reads`) are the reader's own state and are not audited; every other write is.
 */
export { refreshPostVector } from './commands/search-vector.ts'
export { partneringRoutes } from './http/routes.ts'
