import { callPhase, isLate, type PhaseMoments } from '../../../../shared/calls/time.ts'
import type { ApplicationStatus } from '../../../../shared/contracts/applications.ts'
import type { DenialReason } from '../../../../shared/errors.ts'

/** Why a working copy may not be written now; null when it may. */
export type WriteRefusal = 'deadline_passed' | 'call_not_open' | 'application_read_only'

/**
 * The server's clock decides: from the deadline on (a request at exactly the deadline is late) every
 * write is refused with `deadline_passed`; before the opening, or in a cancelled or unpublished call,
 * with `call_not_open`; a withdrawn application is read-only for good.
 */
export function writeRefusal(call: PhaseMoments, status: ApplicationStatus, now: Date): WriteRefusal | null {
  if (status === 'withdrawn') return 'application_read_only'
  const phase = callPhase(call, now)
  if (phase === 'closed' || (phase === 'open' && isLate(call.closesAt, now))) return 'deadline_passed'
  if (phase !== 'open') return 'call_not_open'
  return null
}

/** The same refusal as an ability's reason (the UI translates `reasons.<reason>`). */
export const refusalReason: Record<WriteRefusal, DenialReason> = {
  deadline_passed: 'deadline_passed',
  call_not_open: 'call_not_open',
  application_read_only: 'wrong_status',
}

export const refusalMessage: Record<WriteRefusal, string> = {
  deadline_passed: 'The deadline of this call has passed: the application is read-only.',
  call_not_open: 'The call is not open.',
  application_read_only: 'This application was withdrawn: it is read-only.',
}
