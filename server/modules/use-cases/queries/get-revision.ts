import type { Confidentiality, UseCaseContent, UseCaseRevision } from '../../../../shared/contracts/use-cases.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { partiesOf } from '../domain/parties.ts'
import { findVisible, iso } from './use-case-view.ts'

/** One saved revision, for the authors and staff (earlier text may hold what was later withdrawn). */
export async function getRevision(ctx: CommandContext, useCaseId: string, revision: number): Promise<UseCaseRevision> {
  authorize(ctx.actor, 'use_case.view')
  const uc = await findVisible(ctx.db, ctx.actor, useCaseId)
  if (partiesOf(ctx.actor, uc).length === 0) {
    throw new DomainError('forbidden', 'Only the authors and programme staff see earlier revisions.', {
      reason: 'not_a_member',
    })
  }
  const r = await ctx.db
    .selectFrom('use_case_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .selectAll('r')
    .select('u.name')
    .where('r.use_case_id', '=', useCaseId)
    .where('r.revision', '=', revision)
    .executeTakeFirst()
  if (!r) throw new DomainError('not_found', 'No such revision.')
  return {
    revision: r.revision,
    author: r.author_id && r.name !== null ? { id: r.author_id, name: r.name } : null,
    createdAt: iso(r.created_at),
    title: r.title,
    content: r.content as UseCaseContent,
    domainId: r.domain_id,
    trlMin: r.trl_min,
    trlMax: r.trl_max,
    confidentiality: r.confidentiality as Confidentiality,
  }
}
