/**
 * Consortia, the part of the `matchmaking` module where partners commit to apply together (issue 6 §6):
 * an SME forms a consortium for a call and challenge, invites partners, they answer, a live check runs
 * the call's consortium rules, and the lead turns it into an application draft.
 *
 * Decisions:
 *  - Who sees: the lead organisation's members (manage), the members of organisations invited or
 *    accepted (see, answer), the programme's brokers (read). Anyone else: 404 `consortium_not_found`.
 *    Invitees' e-mails and source references are shown to the lead's side and brokers only.
 *  - Identity: the lead is named to everyone who sees the consortium (it chose whom to invite); an
 *    invited organisation by the disclosure rule until it accepts, after which it has shown itself.
 *  - Invitations: by organisation (its owners and admins are notified) or by e-mail (a single-use link
 *    valid 14 days, only its SHA-256 stored; the invitee signs in or up and picks its organisation).
 *    `source` records where the partner was found; an accepted partnering interest or brokerage
 *    meeting reference must exist and involve both organisations (commands/source.ts).
 *  - Rules: `checkConsortium` (shared/calls/consortium.ts) judges the call's consortium rules with the
 *    SAME judges as the readiness panel and the screening, on the same organisation facts as an
 *    application's partners (`organisationFacts` of the applications module). The lead and accepted
 *    members count. Nothing is stored: the check runs on every read, so profile changes show at once.
 *  - Conversion: the lead's members, the call open, the lead an SME, no rule failing. One transaction
 *    on the consortium's row: the applications module's `startApplication` and `addAcceptedPartner`
 *    (accepted members join as accepted partners with their role — they are not asked twice; pending
 *    invitations are not carried over). Idempotent: a converted consortium answers with its application.
 *  - Every write is audited in its transaction; notifications go through `notify()`.
 */
export { consortiumRoutes } from './http/routes.ts'
