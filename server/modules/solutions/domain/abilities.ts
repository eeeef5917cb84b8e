import type { Capability } from '../../../../shared/authz.ts'
import type { Ability } from '../../../../shared/contracts/common.ts'
import { type SolutionStatus, solutionActions } from '../../../../shared/contracts/solutions.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { can } from '../../../platform/authz/policy.ts'
import { isEditable, nextStatus } from './lifecycle.ts'

const deny = (reason: Ability['reason']): Ability => ({ allowed: false, reason })

/** Members of the owning organisation write a solution, its media and its self-assessments. */
export function isOwnerMember(actor: Actor, organisationId: string): boolean {
  return actor.kind === 'system' || actor.memberships.has(organisationId)
}

/**
 * Who sees a solution's evidence trail (answers, evidence, assessment history): its organisation's
 * members, and the programme's reviewers (cluster staff, operators, experts) for the solutions they see.
 */
export function seesTrail(actor: Actor, organisationId: string): boolean {
  return isOwnerMember(actor, organisationId) || can(actor, 'solution.review_trl').allowed
}

/** What the caller may do with one solution it can see, for the UI to show or explain. */
export function abilitiesForSolution(
  actor: Actor,
  s: { organisation_id: string; status: string },
  trl: { hasCompleted: boolean },
): Record<string, Ability> {
  const status = s.status as SolutionStatus
  const member = isOwnerMember(actor, s.organisation_id)
  const gate = (capability: Capability): Ability | null => {
    const d = can(actor, capability)
    return d.allowed ? null : deny(d.reason)
  }
  const write = gate('solution.manage') ?? (!member ? deny('not_a_member') : null)
  const editable = write ?? (isEditable(status) ? { allowed: true } : deny('wrong_status'))
  const out: Record<string, Ability> = { update: editable, media: editable, assess: editable }
  for (const action of solutionActions) {
    out[action] = write ?? (nextStatus(status, action) ? { allowed: true } : deny('wrong_status'))
  }
  out.review =
    gate('solution.review_trl') ??
    (isOwnerMember(actor, s.organisation_id) && actor.kind !== 'system'
      ? deny('own_organisation')
      : trl.hasCompleted
        ? { allowed: true }
        : deny('wrong_status'))
  out.viewTrail = seesTrail(actor, s.organisation_id) ? { allowed: true } : deny('not_a_member')
  return out
}
