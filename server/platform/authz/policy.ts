import { type Capability, capabilityMatrix, type Role } from '../../../shared/authz.ts'
import type { Ability } from '../../../shared/contracts/common.ts'
import type { DenialReason } from '../../../shared/errors.ts'
import { DomainError } from '../errors.ts'
import type { Actor } from './actor.ts'

/** The object a capability is checked against, when it has one. */
export type Subject = { type: 'organisation'; id: string }

export interface Decision {
  allowed: boolean
  reason?: DenialReason
}

const ORG_ROLE: Record<string, Role> = { owner: 'org_owner', admin: 'org_admin', member: 'org_member' }

/** The roles an actor holds, in the context of `subject`. */
export function rolesOf(actor: Actor, subject?: Subject): Set<Role> {
  if (actor.kind === 'anonymous') return new Set(['anonymous'])
  const held = new Set<Role>(['user'])
  for (const g of actor.programmeRoles) if (g.effective) held.add(g.role)
  if (subject?.type === 'organisation') {
    const r = actor.memberships.get(subject.id)
    if (r) held.add(ORG_ROLE[r]!)
  }
  return held
}

/** Answers whether `actor` may use `capability` (on `subject`), and if not, why. */
export function can(actor: Actor, capability: Capability, subject?: Subject): Decision {
  if (actor.kind === 'system') return { allowed: true }
  const rule = capabilityMatrix[capability]
  if (actor.disabled) return { allowed: false, reason: 'account_disabled' }
  if (actor.kind === 'token' && (rule.scope === null || !actor.scopes?.has(rule.scope))) {
    return { allowed: false, reason: 'token_scope_missing' }
  }
  const held = rolesOf(actor, subject)
  const allowedRoles: readonly Role[] = rule.roles
  if (allowedRoles.some((r) => held.has(r))) return { allowed: true }
  if (actor.kind === 'anonymous') return { allowed: false, reason: 'not_signed_in' }
  if (actor.programmeRoles.some((g) => !g.effective && allowedRoles.includes(g.role))) {
    return { allowed: false, reason: 'two_factor_required' }
  }
  if (subject?.type === 'organisation' && allowedRoles.some((r) => r.startsWith('org_'))) {
    return {
      allowed: false,
      reason: actor.memberships.has(subject.id) ? 'organisation_role_too_low' : 'not_a_member',
    }
  }
  return { allowed: false, reason: 'missing_role' }
}

/** Throws the matching DomainError when the actor may not. Commands call this first. */
export function authorize(actor: Actor, capability: Capability, subject?: Subject): void {
  const d = can(actor, capability, subject)
  if (d.allowed) return
  if (d.reason === 'not_signed_in') throw new DomainError('not_signed_in', 'Sign in first.')
  if (d.reason === 'two_factor_required') {
    throw new DomainError('two_factor_required', 'Set up two-factor sign-in to use this.', { reason: d.reason })
  }
  throw new DomainError('forbidden', `Not allowed: ${capability}`, { reason: d.reason, capability })
}

/** Abilities for a response: each key maps to a capability checked against the same subject. */
export function abilitiesFor(
  actor: Actor,
  map: Record<string, Capability>,
  subject?: Subject,
): Record<string, Ability> {
  const out: Record<string, Ability> = {}
  for (const [key, cap] of Object.entries(map)) {
    const d = can(actor, cap, subject)
    out[key] = d.allowed ? { allowed: true } : { allowed: false, reason: d.reason }
  }
  return out
}
