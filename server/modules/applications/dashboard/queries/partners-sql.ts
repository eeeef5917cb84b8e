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

/**
 * An application's own fields as staff should see them, over `applications a` left-joined to its last
 * submitted revision as `sr` (see `withSubmittedRevision`): as submitted when it has been submitted (even if
 * withdrawn or being edited again since), live otherwise.
 */
export const shownChallengeId = sql<
  string | null
>`(case when a.submitted_revision is null then a.challenge_id else (sr.content #>> '{application,challengeId}')::uuid end)`
export const shownAcronym = sql<string>`coalesce(sr.content #>> '{application,acronym}', a.acronym)`
export const shownTitle = sql<string>`coalesce(sr.content #>> '{application,title}', a.title)`

export const snapOrganisation = sql<string | null>`(sp.p ->> 'organisationId')`
export const snapCountry = sql<string | null>`(sp.p #>> '{facts,country}')`
/** The computed SME status at submission, else the declared category (as `isSme`). */
export const snapIsSme = sql<boolean>`coalesce(sp.p #>> '{facts,smeStatus}', sp.p #>> '{part,smeDeclaration,category}') in ('micro', 'small', 'medium')`
export const snapRequestedCents = sql<string>`coalesce((sp.p #>> '{part,budget,requestedCents}')::bigint, 0)`

/**
 * The consortium members of a call's applications as staff should see them, one row per member:
 * for an application that has been submitted (even if it was withdrawn or is being edited again), as its
 * last submitted revision holds them; for one never submitted, the live lead and accepted partners.
 * Columns: application_id, organisation_id, position, role, legal_name, invited_name, country, type,
 * sme_status (computed at submission / now), declared (category), sme (counts as SME), personnel,
 * subcontracting, other, requested (cents, text). A parenthesised subquery, for `.as('m')` or `from ${…} m`.
 */
export interface ConsortiumMemberRow {
  application_id: string
  organisation_id: string | null
  position: number
  role: string
  legal_name: string | null
  invited_name: string | null
  country: string | null
  type: string | null
  sme_status: string | null
  declared: string | null
  sme: boolean
  personnel: string | null
  subcontracting: string | null
  other: string | null
  requested: string
}

export const consortiumMembers = (callId: string) => sql<ConsortiumMemberRow>`(
  select a.id as application_id, (sp.p ->> 'organisationId')::uuid as organisation_id,
    (sp.ord - 1)::integer as position, sp.p ->> 'role' as role,
    sp.p #>> '{facts,legalName}' as legal_name, null::text as invited_name,
    sp.p #>> '{facts,country}' as country, sp.p #>> '{facts,type}' as type,
    sp.p #>> '{facts,smeStatus}' as sme_status, sp.p #>> '{part,smeDeclaration,category}' as declared,
    coalesce(sp.p #>> '{facts,smeStatus}', sp.p #>> '{part,smeDeclaration,category}') in ('micro', 'small', 'medium') as sme,
    sp.p #>> '{part,budget,personnelCents}' as personnel,
    sp.p #>> '{part,budget,subcontractingCents}' as subcontracting,
    sp.p #>> '{part,budget,otherCostsCents}' as other,
    coalesce((sp.p #>> '{part,budget,requestedCents}')::bigint, 0)::text as requested
  from applications a
  join application_revisions r on r.application_id = a.id and r.revision = a.submitted_revision
  cross join lateral jsonb_array_elements(r.content -> 'partners') with ordinality as sp(p, ord)
  where a.call_id = ${callId} and a.submitted_revision is not null
  union all
  select p.application_id, p.organisation_id, p.position, p.role, o.legal_name, p.invited_name, o.country, o.type,
    o.sme_status, p.part #>> '{smeDeclaration,category}', ${isSme},
    p.part #>> '{budget,personnelCents}', p.part #>> '{budget,subcontractingCents}',
    p.part #>> '{budget,otherCostsCents}', (${requestedCents})::text
  from application_partners p
  join applications pa on pa.id = p.application_id
  left join organisations o on o.id = p.organisation_id
  where pa.call_id = ${callId} and pa.submitted_revision is null and ${countedPartner})`
