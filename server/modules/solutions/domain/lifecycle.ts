import type { SolutionAction, SolutionStatus } from '../../../../shared/contracts/solutions.ts'

/**
 * A solution's life: drafted (seen by its organisation only), published (listed for the callers its
 * visibility allows), archived (kept, read-only, listed for nobody else). Actions are taken by members of
 * the owning organisation.
 */
const moves: Record<SolutionAction, { from: readonly SolutionStatus[]; to: SolutionStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  unpublish: { from: ['published'], to: 'draft' },
  archive: { from: ['draft', 'published'], to: 'archived' },
  restore: { from: ['archived'], to: 'draft' },
}

/** The status an action leads to from `status`, or null when it is not possible there. */
export function nextStatus(status: SolutionStatus, action: SolutionAction): SolutionStatus | null {
  const m = moves[action]
  return m.from.includes(status) ? m.to : null
}

/** Archived solutions are read-only (text, media, assessments) until restored. */
export function isEditable(status: SolutionStatus): boolean {
  return status !== 'archived'
}
