import { localToInstant } from '../../../../../shared/calls/time.ts'
import type { EvaluationPhasesInput } from '../../../../../shared/contracts/evaluation.ts'
import type { FieldError } from '../../../../platform/errors.ts'
import { type PhaseKind, phaseKinds } from '../../common/phases.ts'

export type PhaseInstants = Partial<Record<PhaseKind, { startsAt: Date; endsAt: Date }>>

/**
 * The phases as instants, or the field errors: each date a real wall-clock time in the call's zone; each
 * phase ends after it starts; the individual phase starts at or after the call's deadline; consensus
 * starts at or after the individual phase's end, the panel at or after the consensus's end (a panel
 * needs a consensus phase).
 */
export function validatePhases(
  input: EvaluationPhasesInput,
  timeZone: string,
  closesAt: Date,
): { phases: PhaseInstants; errors: FieldError[] } {
  const errors: FieldError[] = []
  const phases: PhaseInstants = {}
  for (const kind of phaseKinds) {
    const w = input[kind]
    if (!w) continue
    const s = localToInstant(w.startsAt, timeZone)
    const e = localToInstant(w.endsAt, timeZone)
    if ('error' in s)
      errors.push({ path: `${kind}.startsAt`, code: 'local_time_missing', message: 'No such time in the call’s zone.' })
    if ('error' in e)
      errors.push({ path: `${kind}.endsAt`, code: 'local_time_missing', message: 'No such time in the call’s zone.' })
    if ('instant' in s && 'instant' in e) {
      if (e.instant <= s.instant)
        errors.push({ path: `${kind}.endsAt`, code: 'before_start', message: 'The phase must end after it starts.' })
      phases[kind] = { startsAt: s.instant, endsAt: e.instant }
    }
  }
  const ind = phases.individual
  if (ind && ind.startsAt < closesAt)
    errors.push({
      path: 'individual.startsAt',
      code: 'before_deadline',
      message: 'Evaluation starts after the call has closed.',
    })
  const con = phases.consensus
  if (ind && con && con.startsAt < ind.endsAt)
    errors.push({
      path: 'consensus.startsAt',
      code: 'before_previous',
      message: 'Consensus starts after the individual phase ends.',
    })
  if (input.panel && !input.consensus)
    errors.push({ path: 'panel', code: 'needs_consensus', message: 'A panel phase follows a consensus phase.' })
  const pan = phases.panel
  if (con && pan && pan.startsAt < con.endsAt)
    errors.push({
      path: 'panel.startsAt',
      code: 'before_previous',
      message: 'The panel starts after the consensus phase ends.',
    })
  return { phases, errors }
}
