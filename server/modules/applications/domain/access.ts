import type { Actor } from '../../../platform/authz/actor.ts'

/** The partner rows the access rules look at. */
export interface PartnerAccessRow {
  id: string
  organisation_id: string | null
  role: string
  status: string
}

/** How the caller stands towards one application. */
export interface Access {
  /** Member of the lead organisation: edits the shared answers, invites, submits, withdraws. */
  lead: boolean
  /** The partner rows (lead's included) of the organisations the caller belongs to, accepted ones only. */
  ownPartnerIds: string[]
  /** Operator or cluster staff of the call's programme: reads everything, writes nothing. */
  staff: boolean
  /** May see the application at all (else 404). */
  visible: boolean
}

/** Operators and cluster staff of the programme read its applications (read-only). */
export function isProgrammeStaff(actor: Actor, programmeId: string): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled) return false
  return actor.programmeRoles.some(
    (g) => g.effective && g.programmeId === programmeId && (g.role === 'operator' || g.role === 'cluster_staff'),
  )
}

/**
 * The consortium is the lead organisation and the partners that accepted; their members see and work
 * on the application. Invited, declined and removed organisations see nothing (the invitation link
 * shows the invitation itself, not the application).
 */
export function accessOf(
  actor: Actor,
  app: { lead_organisation_id: string; programme_id: string },
  partners: readonly PartnerAccessRow[],
): Access {
  const member = (orgId: string | null) => orgId !== null && (actor.kind === 'system' || actor.memberships.has(orgId))
  // The system actor (seed, scripts) acts for every organisation.
  const lead = member(app.lead_organisation_id)
  const ownPartnerIds = partners.filter((p) => p.status === 'accepted' && member(p.organisation_id)).map((p) => p.id)
  const staff = isProgrammeStaff(actor, app.programme_id)
  return { lead, ownPartnerIds, staff, visible: lead || ownPartnerIds.length > 0 || staff }
}
