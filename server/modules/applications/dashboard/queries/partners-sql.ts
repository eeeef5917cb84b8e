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
