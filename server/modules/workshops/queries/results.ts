import type { z } from 'zod'
import type { workshopResults } from '../../../../shared/contracts/workshops.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isOrganiser, loadWorkshop } from '../commands/guard.ts'
import { voteOpen } from '../domain/ballot.ts'
import { tally } from '../domain/tally.ts'
import { visibleLinkedUseCases } from './workshop-view.ts'

/**
 * The full tally: organisers and operators at any time; approved participants once the vote closed.
 * Only over the use cases the caller may see (the use-case visibility rule): organisers see every one
 * put to the vote; a participant is not told of a hidden one, nor of the points and voters it drew.
 */
export async function getResults(ctx: CommandContext, id: string): Promise<z.input<typeof workshopResults>> {
  authorize(ctx.actor, 'workshop.view')
  const w = await loadWorkshop(ctx.db, ctx.actor, id)
  const closed = !voteOpen(w.vote_closes_at ? new Date(w.vote_closes_at) : null, ctx.clock.now())
  if (!isOrganiser(ctx.actor, w)) {
    const reg = await ctx.db
      .selectFrom('workshop_registrations')
      .select('id')
      .where('workshop_id', '=', id)
      .where('user_id', '=', ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000')
      .where('status', '=', 'approved')
      .executeTakeFirst()
    if (!reg || !closed) {
      throw new DomainError('forbidden', 'Results are shown to participants once the vote has closed.', {
        reason: 'wrong_status',
      })
    }
  }
  const useCases = await visibleLinkedUseCases(ctx.db, ctx.actor, id).execute()
  const votes =
    useCases.length === 0
      ? []
      : await ctx.db
          .selectFrom('workshop_votes')
          .select(['user_id as voterId', 'use_case_id as useCaseId', 'points'])
          .where('workshop_id', '=', id)
          .where(
            'use_case_id',
            'in',
            useCases.map((u) => u.id),
          )
          .execute()
  const t = tally(
    useCases.map((u) => u.id),
    votes,
  )
  const titles = new Map(useCases.map((u) => [u.id, u.title]))
  return { voters: t.voters, closed, rows: t.rows.map((r) => ({ ...r, title: titles.get(r.useCaseId) ?? '' })) }
}
