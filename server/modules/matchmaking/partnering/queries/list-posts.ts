import { type SqlBool, sql } from 'kysely'
import type { Page } from '../../../../../shared/contracts/common.ts'
import type { PartneringListQuery, PartneringPost } from '../../../../../shared/contracts/partnering.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { multilingualQuery } from '../../../../platform/search/language.ts'
import { asPostRow, selectPosts } from './access.ts'
import { toPosts } from './post-view.ts'

/**
 * The marketplace: published posts not yet expired (the expiry is applied at query time, so an
 * expired post leaves the list at its instant without a job), searched in every language at once
 * (or the one the reader names), filtered, sorted and paged. The text match and the ranking use
 * only the post's own text, never the organisation's name.
 */
export async function listPosts(ctx: CommandContext, query: PartneringListQuery): Promise<Page<PartneringPost>> {
  authorize(ctx.actor, 'partnering.view')
  const now = ctx.clock.now()
  const tsq = query.q ? multilingualQuery(query.q, query.lang ?? null) : null
  let base = selectPosts(ctx.db).where('p.status', '=', 'published').where('p.expires_at', '>', now)
  if (tsq) base = base.where(sql<SqlBool>`p.search_vector @@ ${tsq}`)
  if (query.kind) base = base.where('p.kind', '=', query.kind)
  if (query.call) base = base.where('p.call_id', '=', query.call)
  if (query.challenge) base = base.where('p.challenge_id', '=', query.challenge)
  if (query.country) base = base.where('o.country', '=', query.country)
  if (query.wanted) {
    const wanted = query.wanted
    base = base.where(sql<SqlBool>`(cardinality(p.countries_wanted) = 0 or ${wanted} = any(p.countries_wanted))`)
  }
  if (query.tag) {
    const tag = query.tag
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('partnering_post_tags as pt')
          .select('pt.post_id')
          .whereRef('pt.post_id', '=', 'p.id')
          .where('pt.term_id', '=', tag),
      ),
    )
  }
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  const sort = query.sort ?? (tsq ? 'relevance' : 'newest')
  let rows = base
  if (sort === 'relevance' && tsq) rows = rows.orderBy(sql`ts_rank(p.search_vector, ${tsq})`, 'desc')
  else if (sort === 'expiry') rows = rows.orderBy('p.expires_at', 'asc')
  else if (sort === 'title') rows = rows.orderBy(sql`lower(p.title)`, 'asc')
  rows = rows.orderBy('p.published_at', 'desc').orderBy('p.id')
  const page = await rows
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    items: await toPosts(ctx.db, ctx.actor, page.map(asPostRow), now),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}
