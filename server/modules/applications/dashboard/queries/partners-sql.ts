import { sql } from 'kysely'

/**
 * The consortium members that count in statistics and rules: the lead and the partners who accepted
 * (invited, declined and removed ones do not), as SQL over `application_partners p` left-joined to
 * `organisations o`.
 */
export const countedPartner = sql<boolean>`(p.role = 'lead' or p.status = 'accepted')`

/**
 * An SME: the status computed from the organisation's profile (Recommendation 2003/361), else the
 * category the partner declared in its part (the rules engine counts the same way).
 */
export const isSme = sql<boolean>`coalesce(o.sme_status, p.part #>> '{smeDeclaration,category}') in ('micro', 'small', 'medium')`

/** The financial support requested for this partner, in cents. */
export const requestedCents = sql<string>`coalesce((p.part #>> '{budget,requestedCents}')::bigint, 0)`

/**
 * The submitted applications of a call as their CURRENT revision holds them: `id`, the revision's
 * `challenge_id` and its `content` (whose `partners` are the lead and the partners that had accepted,
 * with their facts and parts as submitted). Used as a CTE `s`; `sp.p` below is one element of
 * `s.content -> 'partners'`.
 */
export const submittedRevisions = (callId: string) => sql`
  select a.id, (r.content #>> '{application,challengeId}')::uuid as challenge_id, r.content
  from applications a
  join application_revisions r on r.application_id = a.id and r.revision = a.submitted_revision
  where a.call_id = ${callId} and a.status = 'submitted'`

export const snapOrganisation = sql<string | null>`(sp.p ->> 'organisationId')`
export const snapCountry = sql<string | null>`(sp.p #>> '{facts,country}')`
/** The computed SME status at submission, else the declared category (as `isSme`). */
export const snapIsSme = sql<boolean>`coalesce(sp.p #>> '{facts,smeStatus}', sp.p #>> '{part,smeDeclaration,category}') in ('micro', 'small', 'medium')`
export const snapRequestedCents = sql<string>`coalesce((sp.p #>> '{part,budget,requestedCents}')::bigint, 0)`
