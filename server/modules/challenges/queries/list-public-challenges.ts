import { sql } from 'kysely'
import type {
  ChallengeListQuery,
  PublicChallengePage,
  PublicChallengeSummary,
} from '../../../../shared/contracts/challenges.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { linksOf } from './challenge-view.ts'
import { publicChallenges, tsQuery } from './public-filters.ts'

/** The public catalogue: full-text search in each challenge's language, filters, paging and the total. */
export async function listPublicChallenges(db: Queryable, f: ChallengeListQuery): Promise<PublicChallengePage> {
  const sort = f.sort ?? (f.q ? 'relevance' : 'code')
  const base = publicChallenges(db, f)
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()
  let q = base.select([
    'c.id',
    'c.code',
    'c.slug',
    'c.title',
    'c.summary',
    'c.language',
    'c.trl_min',
    'c.trl_max',
    'c.published_at',
    'c.domain_id',
    'd.code as domain_code',
    'd.name as domain_name',
  ])
  if (sort === 'relevance' && f.q) q = q.orderBy(sql`ts_rank(c.search_vector, ${tsQuery(f.q)})`, 'desc')
  if (sort === 'title') q = q.orderBy('c.title')
  if (sort === '-publishedAt') q = q.orderBy('c.published_at', 'desc')
  q = q.orderBy('d.position').orderBy(sql`length(c.code)`).orderBy('c.code')
  const rows = await q
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
    { kind: 'public' },
  )
  const items: PublicChallengeSummary[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    language: r.language as PublicChallengeSummary['language'],
    trlMin: r.trl_min,
    trlMax: r.trl_max,
    domain: { id: r.domain_id, code: r.domain_code, name: r.domain_name as LocalizedText },
    calls: links.calls.get(r.id) ?? [],
    publishedAt: new Date(r.published_at ?? 0).toISOString(),
  }))
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize }
}
