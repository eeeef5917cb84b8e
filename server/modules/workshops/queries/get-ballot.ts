import type { z } from 'zod'
import type { ballot } from '../../../../shared/contracts/workshops.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadWorkshop } from '../commands/guard.ts'
import { visibleLinkedUseCases } from './workshop-view.ts'

/**
 * The caller's saved ballot, so the vote page starts from it: only the points on use cases the caller
 * may still see (a use case that became hidden is left out, and the next ballot replaces it). Anyone
 * who sees the workshop may ask; without a ballot the allocations are empty.
 */
export async function getMyBallot(ctx: CommandContext, id: string): Promise<z.input<typeof ballot>> {
  authorize(ctx.actor, 'workshop.view')
  const w = await loadWorkshop(ctx.db, ctx.actor, id)
  const visible = await visibleLinkedUseCases(ctx.db, ctx.actor, id).execute()
  const rows =
    ctx.actor.userId && visible.length > 0
      ? await ctx.db
          .selectFrom('workshop_votes')
          .select(['use_case_id', 'points'])
          .where('workshop_id', '=', id)
          .where('user_id', '=', ctx.actor.userId)
          .where(
            'use_case_id',
            'in',
            visible.map((v) => v.id),
          )
          .orderBy('use_case_id')
          .execute()
      : []
  const allocations = rows.map((r) => ({ useCaseId: r.use_case_id, points: r.points }))
  return { allocations, budget: w.points_budget, spent: allocations.reduce((a, b) => a + b.points, 0) }
}
