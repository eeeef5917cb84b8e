import type { z } from 'zod'
import type { Solution, SolutionStatus, solutionTransitionInput } from '../../../../shared/contracts/solutions.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { nextStatus } from '../domain/lifecycle.ts'
import { readSolution } from '../queries/get-solution.ts'
import { lockForWrite } from './guard.ts'
import { writeRevision } from './revisions.ts'
import { revisionConflict } from './update-solution.ts'

const done = { publish: 'published', unpublish: 'unpublished', archive: 'archived', restore: 'restored' } as const

/** Publish, unpublish, archive or restore: a new revision (the status is part of the snapshot). */
export async function transitionSolution(
  ctx: CommandContext,
  id: string,
  input: z.output<typeof solutionTransitionInput>,
): Promise<Solution> {
  authorize(ctx.actor, 'solution.manage')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockForWrite(tx, ctx.actor, id, { allowArchived: true })
    if (input.expectedRevision !== s.revision) throw revisionConflict(s.revision, input.expectedRevision)
    const to = nextStatus(s.status as SolutionStatus, input.action)
    if (!to) {
      throw new DomainError('solution_transition_refused', `A ${s.status} solution cannot be ${done[input.action]}.`, {
        status: s.status,
        action: input.action,
      })
    }
    const now = ctx.clock.now()
    const revision = s.revision + 1
    await tx.updateTable('solutions').set({ status: to, revision, updated_at: now }).where('id', '=', id).execute()
    await writeRevision(tx, id, revision, ctx.actor.userId, now)
    await recordAudit(tx, ctx, {
      action: `solution.${done[input.action]}`,
      subjectType: 'solution',
      subjectId: id,
      change: { from: s.status, to, revision },
    })
    return readSolution(tx, ctx.actor, id)
  })
}
