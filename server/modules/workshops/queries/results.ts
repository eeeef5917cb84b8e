import type { z } from 'zod'
import type { workshopResults } from '../../../../shared/contracts/workshops.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isOrganiser, loadWorkshop } from '../commands/guard.ts'
import { voteOpen } from '../domain/ballot.ts'
import { tally } from '../domain/tally.ts'

/** The full tally: organisers and operators at any time; approved participants once the vote closed. */
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
  const useCases = await ctx.db
    .selectFrom('workshop_use_cases as l')
    .innerJoin('use_cases as uc', 'uc.id', 'l.use_case_id')
    .select(['uc.id', 'uc.title'])
    .where('l.workshop_id', '=', id)
    .execute()
  const votes = await ctx.db
    .selectFrom('workshop_votes')
    .select(['user_id as voterId', 'use_case_id as useCaseId', 'points'])
    .where('workshop_id', '=', id)
    .execute()
  const t = tally(
    useCases.map((u) => u.id),
    votes,
  )
  const titles = new Map(useCases.map((u) => [u.id, u.title]))
  return { voters: t.voters, closed, rows: t.rows.map((r) => ({ ...r, title: titles.get(r.useCaseId) ?? '' })) }
}
