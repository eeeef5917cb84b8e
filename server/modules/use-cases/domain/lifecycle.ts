import type { UseCaseAction, UseCaseStatus } from '../../../../shared/contracts/use-cases.ts'

/** Who asks: a member of the authoring organisation, or programme staff (cluster staff, operators). */
export type Party = 'author' | 'staff'

export interface Transition {
  from: UseCaseStatus
  to: UseCaseStatus
  action: UseCaseAction
  who: Party
  /** A reason must be given (it is sent to the authors). */
  reasonRequired?: boolean
}

/** The use-case lifecycle, as data. Anything not listed here is refused. */
export const transitions: readonly Transition[] = [
  { from: 'draft', to: 'submitted', action: 'submit', who: 'author' },
  { from: 'submitted', to: 'changes_requested', action: 'request_changes', who: 'staff', reasonRequired: true },
  { from: 'submitted', to: 'accepted', action: 'accept', who: 'staff' },
  { from: 'changes_requested', to: 'resubmitted', action: 'resubmit', who: 'author' },
  { from: 'resubmitted', to: 'changes_requested', action: 'request_changes', who: 'staff', reasonRequired: true },
  { from: 'resubmitted', to: 'accepted', action: 'accept', who: 'staff' },
  // Set by the challenges module when an operator promotes or merges the use case into a challenge.
  { from: 'accepted', to: 'promoted', action: 'promote', who: 'staff' },
  // Authors withdraw their own use case until it is decided; staff archive anything already shown to them.
  { from: 'draft', to: 'archived', action: 'archive', who: 'author' },
  { from: 'submitted', to: 'archived', action: 'archive', who: 'author' },
  { from: 'changes_requested', to: 'archived', action: 'archive', who: 'author' },
  { from: 'resubmitted', to: 'archived', action: 'archive', who: 'author' },
  { from: 'submitted', to: 'archived', action: 'archive', who: 'staff' },
  { from: 'changes_requested', to: 'archived', action: 'archive', who: 'staff' },
  { from: 'resubmitted', to: 'archived', action: 'archive', who: 'staff' },
  { from: 'accepted', to: 'archived', action: 'archive', who: 'staff' },
  { from: 'promoted', to: 'archived', action: 'archive', who: 'staff' },
]

export type Refusal = 'wrong_status' | 'wrong_party' | 'reason_required'
export type Outcome = { ok: true; to: UseCaseStatus } | { ok: false; refusal: Refusal }

/**
 * The next status when `parties` ask for `action` on a use case in status `from`, or why not.
 * A person can be both author and staff (a cluster drafting its own need): any of their parties counts.
 */
export function transition(
  from: UseCaseStatus,
  action: UseCaseAction,
  parties: readonly Party[],
  reason?: string | null,
): Outcome {
  const moves = transitions.filter((t) => t.from === from && t.action === action)
  if (moves.length === 0) return { ok: false, refusal: 'wrong_status' }
  const move = moves.find((t) => parties.includes(t.who))
  if (!move) return { ok: false, refusal: 'wrong_party' }
  if (move.reasonRequired && !reason?.trim()) return { ok: false, refusal: 'reason_required' }
  return { ok: true, to: move.to }
}

/** Authors edit the content only while it is theirs to change. */
export const editableStatuses: readonly UseCaseStatus[] = ['draft', 'changes_requested']
