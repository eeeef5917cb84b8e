import type { Actor } from '../../../platform/authz/actor.ts'

export const profileVisibilities = ['public', 'members', 'anonymous'] as const
export type ProfileVisibility = (typeof profileVisibilities)[number]

/**
 * A platform member: someone signed in who belongs to an organisation or holds a programme role.
 * "Programme members only" content is for them; a bare account that joined nothing is not a member.
 */
export function isPlatformMember(actor: Actor): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind === 'anonymous' || actor.disabled) return false
  return actor.memberships.size > 0 || actor.programmeRoles.some((g) => g.effective)
}

/** Operators and cluster staff: they broker contacts, so they know who is behind anonymous profiles. */
export function isBroker(actor: Actor): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled) return false
  return actor.programmeRoles.some((g) => g.effective && (g.role === 'operator' || g.role === 'cluster_staff'))
}

/**
 * THE disclosure rule for an organisation's identity (legal and short name, logo, website, people,
 * registration number, legal form, region, founding year). Everyone else sees the profile under its
 * public reference (ORG-XXXXXXXX) with its type, country, size class, expertise and solutions.
 *  - its own members and brokers: always;
 *  - `public`: everyone; `members`: platform members; `anonymous`: nobody else — until a brokered
 *    contact is accepted (matchmaking, later), which will be the only way to reveal it.
 * A solution marked `anonymous` hides its owner the same way, whatever the owner's own setting.
 */
export function identityVisible(
  actor: Actor,
  org: { id: string; visibility: string },
  solution?: { visibility: string },
): boolean {
  if (actor.kind === 'system' || actor.memberships.has(org.id) || isBroker(actor)) return true
  if (solution?.visibility === 'anonymous') return false
  if (org.visibility === 'public') return true
  if (org.visibility === 'members') return isPlatformMember(actor)
  return false
}

/** Whether an object with this visibility is listed for the actor at all (identity aside). */
export function listedFor(actor: Actor, visibility: string): boolean {
  if (visibility === 'members') return isPlatformMember(actor)
  return visibility === 'public' || visibility === 'anonymous'
}
