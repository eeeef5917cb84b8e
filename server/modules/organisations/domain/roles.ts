import type { OrganisationRole } from '../../../../shared/authz.ts'

/** Owners first, then admins, then members: the order of member lists. */
export const roleRank: Record<OrganisationRole, number> = { owner: 3, admin: 2, member: 1 }

/** Sort comparator: the higher role first. */
export function byRoleDescending(a: OrganisationRole, b: OrganisationRole): number {
  return roleRank[b] - roleRank[a]
}

export function countOwners(roles: Iterable<OrganisationRole>): number {
  let n = 0
  for (const r of roles) if (r === 'owner') n++
  return n
}
