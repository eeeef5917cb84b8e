import type { CallPhase } from '../../../../shared/contracts/calls.ts'
import type { Abilities, Ability } from '../../../../shared/contracts/common.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { can } from '../../../platform/authz/policy.ts'

/**
 * Operators of the call's programme manage it. The matrix says "operators manage calls"; which
 * programme is an object-level rule (as for workshops), so the route gate stays role + scope only.
 */
export function isCallManager(actor: Actor, programmeId: string): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled || !can(actor, 'call.manage').allowed) return false
  return actor.programmeRoles.some((g) => g.effective && g.role === 'operator' && g.programmeId === programmeId)
}

const allowed: Ability = { allowed: true }
const wrongStatus: Ability = { allowed: false, reason: 'wrong_status' }

/** What the caller may do with a call now (the UI hides or explains; the server decides again). */
export function callAbilities(
  actor: Actor,
  call: { programmeId: string; phase: CallPhase; qaOpen: boolean },
): Abilities {
  const manager = isCallManager(actor, call.programmeId)
  const manage = (ok: boolean): Ability => {
    if (!manager) {
      const d = can(actor, 'call.manage')
      return d.allowed ? { allowed: false, reason: 'missing_role' } : d
    }
    return ok ? allowed : wrongStatus
  }
  const { phase } = call
  const ask = can(actor, 'call.ask')
  const apply = can(actor, 'application.manage')
  return {
    edit: manage(phase === 'draft' || phase === 'scheduled' || phase === 'open'),
    publish: manage(phase === 'draft'),
    unpublish: manage(phase === 'scheduled'),
    cancel: manage(phase === 'draft' || phase === 'scheduled' || phase === 'open'),
    ask: !ask.allowed ? ask : call.qaOpen ? allowed : wrongStatus,
    apply: !apply.allowed ? apply : phase === 'open' ? allowed : wrongStatus,
  }
}
