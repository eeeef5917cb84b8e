import type { Capability, OrganisationRole } from '../../../../shared/authz.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize, can, type Subject } from '../../../platform/authz/policy.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { Verdict } from '../domain/membership-rules.ts'
import { countOwners } from '../domain/roles.ts'
import { withRole } from '../queries/organisation-view.ts'

export interface LockedOrganisation {
  subject: Subject
  /** The caller with the role read under the lock, not the one loaded when the request started. */
  actor: Actor
  members: Map<string, OrganisationRole>
  ownerCount: number
  /** The caller is an owner or an operator: only they make or unmake owners. */
  mayManageOwners: boolean
}

/**
 * Locks the organisation row until the transaction ends and reads its members, so that membership
 * rules (the last owner above all) are checked on data no concurrent command can change underneath.
 * The capability is checked again with the caller's role as it is now.
 */
export async function lockOrganisation(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  capability: Capability,
): Promise<LockedOrganisation> {
  const org = await tx
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst()
  if (!org) throw new DomainError('organisation_not_found')
  const rows = await tx
    .selectFrom('memberships')
    .select(['user_id', 'role'])
    .where('organisation_id', '=', organisationId)
    .execute()
  const members = new Map(rows.map((r) => [r.user_id, r.role as OrganisationRole]))
  const subject: Subject = { type: 'organisation', id: organisationId }
  const fresh = withRole(actor, organisationId, actor.userId ? (members.get(actor.userId) ?? null) : null)
  authorize(fresh, capability, subject)
  return {
    subject,
    actor: fresh,
    members,
    ownerCount: countOwners(members.values()),
    mayManageOwners: can(fresh, 'organisation.ownership.transfer', subject).allowed,
  }
}

const LAST_OWNER_MESSAGE = 'An organisation must keep at least one owner: transfer ownership to another member first.'

/** Turns a refusal of the membership rules into the matching error. */
export function enforce(verdict: Verdict): void {
  if (verdict.ok) return
  if (verdict.error === 'last_owner') throw new DomainError('last_owner', LAST_OWNER_MESSAGE)
  throw new DomainError('forbidden', 'Only an owner or an operator can make or unmake an owner.', {
    reason: verdict.reason,
  })
}

export function memberRole(locked: LockedOrganisation, userId: string): OrganisationRole {
  const role = locked.members.get(userId)
  if (!role) throw new DomainError('member_not_found', 'This person is not a member of the organisation.')
  return role
}
