import type { Page } from '../../../../../shared/contracts/common.ts'
import type { PartneringPost, PartneringStatus } from '../../../../../shared/contracts/partnering.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { asPostRow, findPost, organisationsOf, selectPosts } from './access.ts'
import { toPosts } from './post-view.ts'

/** One post as `actor` may see it (drafts only for its members: else 404). */
export async function readPost(db: Queryable, actor: Actor, postId: string, now: Date): Promise<PartneringPost> {
  const row = await findPost(db, actor, postId)
  const [post] = await toPosts(db, actor, [row], now)
  return post!
}

export async function getPost(ctx: CommandContext, postId: string): Promise<PartneringPost> {
  authorize(ctx.actor, 'partnering.view')
  return readPost(ctx.db, ctx.actor, postId, ctx.clock.now())
}

/** The posts of the caller's organisations (or of one of them), every status, newest first. */
export async function listMyPosts(
  ctx: CommandContext,
  query: { organisationId?: string | undefined; status?: PartneringStatus | undefined; page: number; pageSize: number },
): Promise<Page<PartneringPost>> {
  authorize(ctx.actor, 'partnering.view')
  const orgs = organisationsOf(ctx.actor)
  if (query.organisationId && !orgs.includes(query.organisationId)) throw new DomainError('organisation_not_found')
  const scope = query.organisationId ? [query.organisationId] : orgs
  if (scope.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
  let base = selectPosts(ctx.db).where('p.organisation_id', 'in', scope)
  if (query.status) base = base.where('p.status', '=', query.status)
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await base
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    items: await toPosts(ctx.db, ctx.actor, rows.map(asPostRow), ctx.clock.now()),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}
