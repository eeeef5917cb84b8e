import type { Page } from '../../../../../shared/contracts/common.ts'
import type { Interest, InterestStatus } from '../../../../../shared/contracts/partnering.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { findPost, isInsider, organisationsOf } from './access.ts'
import { findInterest, type InterestRow, selectInterests, toInterests } from './interest-view.ts'

/** The interests a post received: for its organisation's members and the brokers (else 404 like a hidden post). */
export async function listPostInterests(ctx: CommandContext, postId: string): Promise<{ items: Interest[] }> {
  authorize(ctx.actor, 'partnering.view')
  const post = await findPost(ctx.db, ctx.actor, postId)
  if (!isInsider(ctx.actor, post.organisation_id)) {
    throw new DomainError('forbidden', 'Only the post’s organisation sees the interests it received.', {
      reason: 'not_a_member',
    })
  }
  const rows = await selectInterests(ctx.db)
    .where('i.post_id', '=', postId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .execute()
  return { items: await toInterests(ctx.db, ctx.actor, rows as InterestRow[]) }
}

/** The interests the caller's organisations expressed (or one of them), newest first. */
export async function listMyInterests(
  ctx: CommandContext,
  query: { organisationId?: string | undefined; status?: InterestStatus | undefined; page: number; pageSize: number },
): Promise<Page<Interest>> {
  authorize(ctx.actor, 'partnering.view')
  const orgs = organisationsOf(ctx.actor)
  if (query.organisationId && !orgs.includes(query.organisationId)) throw new DomainError('organisation_not_found')
  const scope = query.organisationId ? [query.organisationId] : orgs
  if (scope.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
  let base = selectInterests(ctx.db).where('i.organisation_id', 'in', scope)
  if (query.status) base = base.where('i.status', '=', query.status)
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await base
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    items: await toInterests(ctx.db, ctx.actor, rows as InterestRow[]),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function getInterest(ctx: CommandContext, interestId: string): Promise<Interest> {
  authorize(ctx.actor, 'partnering.view')
  const row = await findInterest(ctx.db, ctx.actor, interestId)
  const [view] = await toInterests(ctx.db, ctx.actor, [row])
  return view!
}
