import type { OrganisationRole } from '../../../../shared/authz.ts'

export interface MembershipChange {
  userId: string
  from: OrganisationRole
  to: OrganisationRole
}

export type TransferPlan = { ok: true; changes: MembershipChange[] } | { ok: false; error: 'not_a_member' | 'self' }

/**
 * Ownership transfer: the target (a member) becomes owner. An owner handing over becomes admin; an
 * operator (not an owner here) doing it turns every previous owner into an admin, so the target is
 * then the only owner. Other owners of an owner's hand-over keep their role.
 */
export function planOwnershipTransfer(p: {
  callerId: string | null
  targetId: string
  members: ReadonlyMap<string, OrganisationRole>
}): TransferPlan {
  const targetRole = p.members.get(p.targetId)
  if (!targetRole) return { ok: false, error: 'not_a_member' }
  if (p.targetId === p.callerId) return { ok: false, error: 'self' }
  const changes: MembershipChange[] = []
  if (targetRole !== 'owner') changes.push({ userId: p.targetId, from: targetRole, to: 'owner' })
  const callerIsOwner = p.callerId !== null && p.members.get(p.callerId) === 'owner'
  for (const [userId, role] of p.members) {
    if (role !== 'owner' || userId === p.targetId) continue
    if (callerIsOwner && userId !== p.callerId) continue
    changes.push({ userId, from: 'owner', to: 'admin' })
  }
  return { ok: true, changes }
}
