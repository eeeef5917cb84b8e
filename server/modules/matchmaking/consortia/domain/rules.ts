import type { CallPhase } from '../../../../../shared/contracts/calls.ts'
import type { ConsortiumStatus } from '../../../../../shared/contracts/consortia.ts'
import type { DenialReason, ErrorCode } from '../../../../../shared/errors.ts'

/** Invitations by e-mail are valid fourteen days, like an application's. */
export const CONSORTIUM_INVITATION_TTL_MS = 14 * 86_400_000

/** A consortium can be formed for a call that is announced or open; not once it has closed. */
export function phaseAllowsForming(phase: CallPhase): boolean {
  return phase === 'scheduled' || phase === 'open'
}

/**
 * Why the consortium cannot become an application now, or null: the lead's members only; once
 * converted it answers with its application (idempotent), so only a dissolved one is refused for its
 * status; the call must be open; every consortium rule must pass.
 */
export function conversionRefusal(s: {
  lead: boolean
  status: ConsortiumStatus
  phase: CallPhase
  leadIsSme: boolean
  rulesPass: boolean
}): { reason: DenialReason; code: ErrorCode } | null {
  if (!s.lead) return { reason: 'not_a_member', code: 'forbidden' }
  if (s.status === 'converted') return null
  if (s.status !== 'forming') return { reason: 'wrong_status', code: 'consortium_not_forming' }
  if (s.phase === 'closed') return { reason: 'deadline_passed', code: 'deadline_passed' }
  if (s.phase !== 'open') return { reason: 'call_not_open', code: 'call_not_open' }
  if (!s.leadIsSme) return { reason: 'wrong_status', code: 'consortium_lead_not_sme' }
  if (!s.rulesPass) return { reason: 'not_ready', code: 'consortium_rules_not_met' }
  return null
}
