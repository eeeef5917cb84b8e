import type { z } from 'zod'
import type { ballot, ballotInput } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { checkBallot } from '../domain/ballot.ts'
import { visibleLinkedUseCases } from '../queries/workshop-view.ts'
import { loadWorkshop } from './guard.ts'

/**
 * An approved registrant replaces their ballot: all points at once, within budget, before closing, and
 * only on use cases put to the vote that they may see (one hidden from them is "not in the workshop").
 */
export async function castBallot(
  ctx: CommandContext,
  id: string,
  input: z.output<typeof ballotInput>,
): Promise<z.input<typeof ballot>> {
  authorize(ctx.actor, 'workshop.vote')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const w = await loadWorkshop(tx, ctx.actor, id)
    const reg = await tx
      .selectFrom('workshop_registrations')
      .select('id')
      .where('workshop_id', '=', id)
      .where('user_id', '=', ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000')
      .where('status', '=', 'approved')
      .executeTakeFirst()
    if (!reg || w.status !== 'published') {
      throw new DomainError('forbidden', 'Only approved participants vote.', { reason: 'wrong_status' })
    }
    const linked = await visibleLinkedUseCases(tx, ctx.actor, id).execute()
    const verdict = checkBallot(input.allocations, {
      budget: w.points_budget,
      linkedUseCaseIds: new Set(linked.map((l) => l.id)),
      voteClosesAt: w.vote_closes_at ? new Date(w.vote_closes_at) : null,
      now,
    })
    if (!verdict.ok) {
      if (verdict.error === 'vote_closed') throw new DomainError('vote_closed', 'The vote is closed.')
      if (verdict.error === 'ballot_over_budget') {
        const message = `${verdict.spent} points given; the budget is ${w.points_budget}.`
        throw new DomainError(
          'ballot_over_budget',
          message,
          { field: verdict.field, spent: verdict.spent, budget: w.points_budget },
          [{ path: verdict.field, code: 'over_budget', message }],
        )
      }
      throw fieldError(verdict.field, verdict.code, 'This allocation is not allowed.')
    }
    const userId = ctx.actor.userId!
    await tx.deleteFrom('workshop_votes').where('workshop_id', '=', id).where('user_id', '=', userId).execute()
    if (verdict.allocations.length) {
      await tx
        .insertInto('workshop_votes')
        .values(
          verdict.allocations.map((a) => ({
            workshop_id: id,
            user_id: userId,
            use_case_id: a.useCaseId,
            points: a.points,
            cast_at: now,
          })),
        )
        .execute()
    }
    await recordAudit(tx, ctx, {
      action: 'workshop.ballot_cast',
      subjectType: 'workshop',
      subjectId: id,
      change: { allocations: verdict.allocations },
    })
    return { allocations: verdict.allocations, budget: w.points_budget, spent: verdict.spent }
  })
}
