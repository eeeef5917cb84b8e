import { localToInstant } from '../../../../shared/calls/time.ts'
import type { FieldError } from '../../../platform/errors.ts'

/** What a call states about time: wall-clock times in its zone (the Q&A cut-off is optional). */
export interface LocalSchedule {
  opensAtLocal: string
  deadlineLocal: string
  timeZone: string
  qaClosesAtLocal: string | null
}

export interface Instants {
  opensAt: Date
  closesAt: Date
  /** The last moment to ask a question: the stated cut-off, else the deadline. */
  qaClosesAt: Date
}

/**
 * Turns the stated local times into instants (shared engine: a time skipped by a spring-forward change is
 * `local_time_missing`, an ambiguous one the earlier instant), and checks their order: the deadline after
 * the opening, the Q&A cut-off no later than the deadline. Field errors name the input's paths.
 */
export function resolveSchedule(s: LocalSchedule): { instants: Instants } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const convert = (local: string, path: string): Date | null => {
    const r = localToInstant(local, s.timeZone)
    if ('error' in r) {
      errors.push({ path, code: r.error, message: `${local} does not exist in ${s.timeZone} (clocks skip it).` })
      return null
    }
    return r.instant
  }
  const opensAt = convert(s.opensAtLocal, 'opensAtLocal')
  const closesAt = convert(s.deadlineLocal, 'deadlineLocal')
  const qa = s.qaClosesAtLocal === null ? null : convert(s.qaClosesAtLocal, 'config.timeline.qaClosesAt')
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) {
    errors.push({ path: 'deadlineLocal', code: 'before_opening', message: 'The deadline must come after the opening.' })
  }
  if (qa && closesAt && qa.getTime() > closesAt.getTime()) {
    errors.push({
      path: 'config.timeline.qaClosesAt',
      code: 'after_deadline',
      message: 'Questions must close no later than the deadline.',
    })
  }
  if (errors.length > 0 || !opensAt || !closesAt) return { errors }
  return { instants: { opensAt, closesAt, qaClosesAt: qa ?? closesAt } }
}
