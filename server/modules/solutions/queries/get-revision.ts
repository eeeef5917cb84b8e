import type { z } from 'zod'
import type { SolutionSnapshot, solutionRevision } from '../../../../shared/contracts/solutions.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isBroker } from '../../organisations/domain/disclosure.ts'
import { isOwnerMember } from '../domain/abilities.ts'
import { findVisible, iso } from './solution-view.ts'

/** One saved revision, for members of the owning organisation and brokers (404 for others: not theirs to compare). */
export async function getRevision(
  ctx: CommandContext,
  id: string,
  revision: number,
): Promise<z.input<typeof solutionRevision>> {
  authorize(ctx.actor, 'solution.view')
  const s = await findVisible(ctx.db, ctx.actor, id)
  if (!isOwnerMember(ctx.actor, s.organisation_id) && !isBroker(ctx.actor)) {
    throw new DomainError('not_found', 'No such revision.')
  }
  const r = await ctx.db
    .selectFrom('solution_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.revision', 'r.snapshot', 'r.author_id', 'u.name', 'r.created_at'])
    .where('r.solution_id', '=', id)
    .where('r.revision', '=', revision)
    .executeTakeFirst()
  if (!r) throw new DomainError('not_found', 'No such revision.')
  return {
    revision: r.revision,
    author: r.author_id && r.name !== null ? { id: r.author_id, name: r.name } : null,
    createdAt: iso(r.created_at),
    snapshot: r.snapshot as SolutionSnapshot,
  }
}
