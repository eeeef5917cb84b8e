import { type OrganisationRole, organisationRoles } from '../../../../shared/authz.ts'
import type { Ability } from '../../../../shared/contracts/common.ts'

/**
 * Who may change whose membership. The capability matrix decides who may manage members at all
 * (operators, owners, admins); these rules add what it cannot say:
 *  - only someone who may manage owners (an owner or an operator) makes or unmakes an owner,
 *    so an admin can neither demote nor remove an owner, nor promote anyone to owner;
 *  - an organisation never ends up without an owner: the last owner cannot be demoted, removed or leave.
 */
export type Verdict =
  | { ok: true }
  | { ok: false; error: 'forbidden'; reason: 'organisation_role_too_low' }
  | { ok: false; error: 'last_owner'; reason: 'last_owner' }

const ok: Verdict = { ok: true }
const tooLow: Verdict = { ok: false, error: 'forbidden', reason: 'organisation_role_too_low' }
const lastOwner: Verdict = { ok: false, error: 'last_owner', reason: 'last_owner' }

export interface RoleChange {
  /** The caller is an owner or an operator (holds `organisation.ownership.transfer`). */
  mayManageOwners: boolean
  from: OrganisationRole
  to: OrganisationRole
  ownerCount: number
}

export function checkRoleChange(p: RoleChange): Verdict {
  if ((p.from === 'owner' || p.to === 'owner') && !p.mayManageOwners) return tooLow
  if (p.from === 'owner' && p.to !== 'owner' && p.ownerCount <= 1) return lastOwner
  return ok
}

export function checkRemoval(p: { mayManageOwners: boolean; role: OrganisationRole; ownerCount: number }): Verdict {
  if (p.role === 'owner' && !p.mayManageOwners) return tooLow
  if (p.role === 'owner' && p.ownerCount <= 1) return lastOwner
  return ok
}

export function checkLeave(p: { role: OrganisationRole; ownerCount: number }): Verdict {
  return p.role === 'owner' && p.ownerCount <= 1 ? lastOwner : ok
}

function toAbility(v: Verdict): Ability {
  return v.ok ? { allowed: true } : { allowed: false, reason: v.reason }
}

/**
 * What the caller may do to one member, for the member list. `manage` is the caller's answer for
 * `organisation.members.manage`; a role change is possible when at least one other role is allowed.
 */
export function memberAbilities(p: {
  manage: Ability
  mayManageOwners: boolean
  role: OrganisationRole
  ownerCount: number
}): { changeRole: Ability; remove: Ability } {
  if (!p.manage.allowed) return { changeRole: p.manage, remove: p.manage }
  const changes = organisationRoles
    .filter((to) => to !== p.role)
    .map((to) => checkRoleChange({ mayManageOwners: p.mayManageOwners, from: p.role, to, ownerCount: p.ownerCount }))
  const changeRole = changes.find((v) => v.ok) ?? changes[0] ?? ok
  return { changeRole: toAbility(changeRole), remove: toAbility(checkRemoval(p)) }
}

/** The `leave` ability refined: the last owner is told to transfer ownership first. */
export function leaveAbility(capability: Ability, role: OrganisationRole | null, ownerCount: number): Ability {
  if (!capability.allowed || role === null) return capability
  return toAbility(checkLeave({ role, ownerCount }))
}
